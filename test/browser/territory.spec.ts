/**
 * The demo coordinatrice draws her CPTS territory: adds a commune found by search, pastes a
 * bad list and reads a message per offending value (nothing saved), removes the commune; the
 * page passes axe, with and without a message.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { DEMO, signIn } from './fixtures';

async function expectAccessible(page: Page, label: string): Promise<void> {
	const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
	const report = violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`).join('\n');
	expect.soft(violations, `${label}:\n${report}`).toEqual([]);
}

test('the coordinatrice adds a commune by search, pastes a bad list and sees what to fix', async ({ page }) => {
	test.setTimeout(90_000);
	await signIn(page, DEMO.coordinator);
	await page.goto('/cpts/sud-toulois');
	await page.getByRole('link', { name: /(Modifier|Définir) le territoire/ }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Territoire de CPTS du Sud-Toulois' })).toBeVisible();
	await expect(page.getByText(/Code officiel géographique 20\d\d/)).toBeVisible();
	await expectAccessible(page, 'territory page');

	// Pont-Saint-Vincent: a commune next to the Toulois, in no demo territory, found by the start of its name.
	const search = page.getByRole('search', { name: 'Chercher une commune' });
	await search.getByLabel('Nom, code postal ou code INSEE').fill('Pont-Saint-Vin');
	await search.getByRole('button', { name: 'Rechercher' }).click();
	await expect(page).toHaveURL(/q=Pont-Saint-Vin/);
	const add = page.getByRole('button', { name: 'Ajouter Pont-Saint-Vincent (54432) au territoire' });
	await add.click();
	await expect(page.getByRole('status')).toContainText('Territoire enregistré');
	const units = page.getByRole('table');
	await expect(units.getByRole('rowheader', { name: 'Pont-Saint-Vincent' })).toBeVisible();
	await expect(page.getByText('Déjà dans le territoire')).toBeVisible();
	const before = await units.getByRole('row').count();

	const typed = '54432\n5452\n99999\n01039\n75056';
	await page.getByRole('textbox', { name: 'Codes INSEE' }).fill(typed);
	await page.getByRole('button', { name: 'Enregistrer la liste' }).click();
	const alert = page.getByRole('alert');
	await expect(alert).toContainText('Rien n’a été enregistré');
	await expect(alert).toContainText('54432 est déjà dans le territoire.');
	await expect(alert).toContainText('« 5452 » n’est pas un code INSEE');
	await expect(alert).toContainText('99999 : aucune commune ni aucun arrondissement');
	await expect(alert).toContainText('01039 est Béon, commune déléguée de Culoz-Béon (01138) : saisissez 01138');
	await expect(alert).toContainText('75056 est Paris dans son ensemble : saisissez ses arrondissements, 75101–75120');
	await expect(page.getByRole('textbox', { name: 'Codes INSEE' })).toHaveValue(typed);
	await expect(units.getByRole('row')).toHaveCount(before);
	await expectAccessible(page, 'territory page with refusals');
	// TERRITORY_SCREENSHOTS=dir keeps the page at a desktop's and a phone's width, to look at.
	if (process.env.TERRITORY_SCREENSHOTS) {
		for (const width of [1280, 375]) {
			await page.setViewportSize({ width, height: 900 });
			await page.screenshot({ path: `${process.env.TERRITORY_SCREENSHOTS}/territory-${width}.png`, fullPage: true });
		}
		await page.goto('/cpts/sud-toulois');
		await page.screenshot({ path: `${process.env.TERRITORY_SCREENSHOTS}/cpts-page-375.png`, fullPage: true });
		await page.setViewportSize({ width: 1280, height: 720 });
		await page.screenshot({ path: `${process.env.TERRITORY_SCREENSHOTS}/cpts-page-1280.png`, fullPage: true });
		await page.goto('/cpts/sud-toulois/territoire');
	}

	await page.getByRole('button', { name: 'Retirer Pont-Saint-Vincent (54432) du territoire' }).click();
	await expect(page.getByRole('status')).toContainText('Retraits : 54432');
	await expect(page.getByRole('rowheader', { name: 'Pont-Saint-Vincent' })).toHaveCount(0);
});

test('a plain member of the CPTS is refused the territory page', async ({ page }) => {
	await signIn(page, DEMO.member);
	const response = await page.goto('/cpts/sud-toulois/territoire');
	expect(response?.status()).toBe(403);
});
