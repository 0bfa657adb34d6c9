/**
 * Mon espace, the signed-in home, for each demo role at 1280 and 375 px, with axe; the
 * statistics page kept for members; the phone menu (a disclosure, keyboard operable, every
 * entry shown without side-scroll).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { DEMO, signIn } from './fixtures';

const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const PARTNER = { email: 'ars@demo.reseau-cpts.fr', password: 'demo-ars-2026' };

async function expectAccessible(page: Page, label: string): Promise<void> {
	const { violations } = await new AxeBuilder({ page }).withTags(WCAG_AA).analyze();
	const report = violations.map((violation) => `  ${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`).join('\n');
	expect.soft(violations, `${label}:\n${report}`).toEqual([]);
}

/** Signs in and lands on Mon espace (the home page takes members there). */
async function openEspace(page: Page, account: { email: string; password: string }): Promise<void> {
	await signIn(page, account);
	await page.goto('/');
	await expect(page).toHaveURL(/\/espace$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible();
}

const section = (page: Page, name: string) => page.getByRole('region', { name });

test('a visitor is sent to sign in, and the home page stays the statistics', async ({ page }) => {
	await page.goto('/espace');
	await expect(page).toHaveURL(/\/connexion\?redirectTo=%2Fespace$/);
	await page.goto('/');
	await expect(page).toHaveURL(/\/$/);
	await expect(page.getByRole('link', { name: 'Mon espace' })).toHaveCount(0);
});

for (const width of [1280, 375]) {
	test.describe(`at ${width} px`, () => {
		test.use({ viewport: { width, height: 900 } });

		test('the member: his CPTS and their next step, his agenda, his projects; the statistics one link away', async ({ page }) => {
			await openEspace(page, DEMO.member);
			const cpts = section(page, 'Mes CPTS');
			await expect(cpts.getByRole('link', { name: 'CPTS du Sud-Toulois' })).toBeVisible();
			await expect(cpts.getByText('Membre', { exact: true }).first()).toBeVisible();
			await expect(cpts.getByText(/dialogue de gestion/).first()).toBeVisible();
			await expect(section(page, 'Mon agenda').getByRole('link', { name: /session/ }).first()).toBeVisible();
			await expect(section(page, 'Mes projets de santé').getByRole('link', { name: /Projet de santé/ }).first()).toBeVisible();
			await expect(section(page, 'Sujets suivis non lus').getByRole('link', { name: 'Aller aux forums' })).toBeVisible();
			await expect(section(page, 'Ce qui vous attend').getByText(/Rien ne vous attend/)).toBeVisible();
			await expectAccessible(page, `Mon espace, member, ${width} px`);
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

			await page.getByRole('main').getByRole('link', { name: 'Statistiques du réseau' }).click();
			await expect(page).toHaveURL(/\/statistiques$/);
			await expect(page.getByRole('heading', { level: 1 })).toContainText('réseau');
		});

		// Her dialogue de gestion due is checked by aci.spec, which then holds it.
		test('the coordinator is asked to answer join requests; her project has a new comment', async ({ page }) => {
			await openEspace(page, DEMO.coordinator);
			const awaits = section(page, 'Ce qui vous attend');
			const projects = section(page, 'Mes projets de santé');
			await expect(projects.getByRole('link', { name: 'Actualisation 2027 du projet de santé de la CPTS du Sud-Toulois' })).toBeVisible();
			await expect(projects.getByText('1 commentaire non lu')).toBeVisible();
			await expect(section(page, 'Mon agenda').getByRole('link', { name: /Messagerie sécurisée et DMP/ })).toBeVisible();
			await awaits.getByRole('link', { name: /demandes? d’adhésion à examiner pour CPTS du Sud-Toulois/ }).click();
			await expect(page).toHaveURL(/\/cpts\/sud-toulois\/membres$/);
		});

		test('the facilitator sees the review queue and the CPTS she accompanies', async ({ page }) => {
			await openEspace(page, DEMO.facilitator);
			await expect(section(page, 'Ce qui vous attend').getByRole('heading', { name: 'Ressources proposées à relire' })).toBeVisible();
			await expect(section(page, 'Mes CPTS').getByText('Vous l’accompagnez').first()).toBeVisible();
			await expectAccessible(page, `Mon espace, facilitator, ${width} px`);
		});

		test('the trainer sees the sessions he teaches with their registrations', async ({ page }) => {
			await openEspace(page, DEMO.trainer);
			const awaits = section(page, 'Ce qui vous attend');
			await expect(awaits.getByRole('heading', { name: 'Mes sessions de formation' })).toBeVisible();
			await expect(awaits.getByText(/\d+ inscrits?/).first()).toBeVisible();
		});

		test('the partner and the administrator land on a useful page too', async ({ page }) => {
			await openEspace(page, PARTNER);
			await expect(section(page, 'Mes CPTS').getByText('En émergence sur votre territoire').first()).toBeVisible();
			await expect(page.getByRole('main').getByRole('link', { name: 'Pilotage du réseau' })).toBeVisible();
			await expectAccessible(page, `Mon espace, partner, ${width} px`);
			await page.getByRole('button', { name: 'Se déconnecter' }).click();
			await openEspace(page, DEMO.admin);
			await expect(section(page, 'Ce qui vous attend').getByRole('heading', { name: 'Ressources proposées à relire' })).toBeVisible();
		});
	});
}

test.describe('the phone menu', () => {
	test.use({ viewport: { width: 375, height: 800 } });

	test('folds the sections under a Menu button that opens, shows every entry without side-scroll, and closes with Escape', async ({ page }) => {
		await signIn(page, DEMO.facilitator);
		await page.goto('/espace');
		const menu = page.getByRole('button', { name: 'Menu' });
		const nav = page.getByRole('navigation', { name: 'Navigation principale' });
		await expect(menu).toHaveAttribute('aria-expanded', 'false');
		await expect(nav.getByRole('link', { name: 'Forums' })).toBeHidden();

		await menu.focus();
		await page.keyboard.press('Enter');
		await expect(menu).toHaveAttribute('aria-expanded', 'true');
		const names = ['Mon espace', 'Réseau', 'Annuaire des CPTS', 'Bibliothèque', 'Forums', 'Projets de santé', 'Formations DPC', 'Pilotage'];
		for (const name of names) {
			const link = nav.getByRole('link', { name, exact: true });
			await expect(link).toBeVisible();
			const box = (await link.boundingBox())!;
			expect(box.x + box.width).toBeLessThanOrEqual(375);
		}
		await expect(nav.getByRole('link', { name: 'Mon espace' })).toHaveAttribute('aria-current', 'page');
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
		await expectAccessible(page, 'phone menu open');

		// Tab reaches the entries; Escape closes and gives the focus back to the button.
		await page.keyboard.press('Tab');
		await expect(nav.getByRole('link', { name: 'Mon espace' })).toBeFocused();
		await page.keyboard.press('Escape');
		await expect(menu).toHaveAttribute('aria-expanded', 'false');
		await expect(menu).toBeFocused();

		// Following an entry closes the menu on the new page.
		await menu.click();
		await nav.getByRole('link', { name: 'Forums', exact: true }).click();
		await expect(page).toHaveURL(/\/forums$/);
		await expect(menu).toHaveAttribute('aria-expanded', 'false');
	});

	test('at 1280 px there is no Menu button: the sections are all in view', async ({ page }) => {
		await page.setViewportSize({ width: 1280, height: 800 });
		await page.goto('/');
		await expect(page.getByRole('button', { name: 'Menu' })).toBeHidden();
		await expect(page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Formations DPC' })).toBeVisible();
	});
});
