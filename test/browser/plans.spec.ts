/**
 * Plans d'action for the zones blanches, as the demo animatrice uses them: create a plan for
 * two communes of Meurthe-et-Moselle, write in its log; and the ARS Grand Est account kept to
 * its région. axe runs on the plan page.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { DEMO, signIn } from './fixtures';

const ARS_GRAND_EST = { email: 'ars@demo.reseau-cpts.fr', password: 'demo-ars-2026' };

test('the animatrice creates a plan for two zones-blanches communes of 54 and logs a contact', async ({ page }) => {
	// Many steps on pages listing every zone blanche of 54, on a shared machine.
	test.setTimeout(120_000);
	await signIn(page, DEMO.facilitator);
	await page.goto('/reseau/departements/54/plans');
	await page.waitForLoadState('networkidle');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Meurthe-et-Moselle');

	await page.getByLabel('Nom du plan').fill('Secteur du Lunévillois sud');
	const communes = page.getByRole('group', { name: 'Communes sans CPTS' });
	await communes.locator('summary').first().click();
	const boxes = communes.getByRole('checkbox');
	const firstName = (await boxes.nth(0).locator('xpath=..').innerText()).split(' (')[0].trim();
	await boxes.nth(0).check();
	await boxes.nth(1).check();
	await page.getByLabel('Porteur de projet').fill('Maison de santé pluriprofessionnelle');
	await page.getByLabel('Statut').selectOption({ label: 'Contacts pris' });
	await page.getByRole('button', { name: 'Créer le plan' }).click();

	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Secteur du Lunévillois sud');
	await expect(page.getByRole('status')).toContainText('Le plan d’action est créé.');
	await expect(page.getByRole('region', { name: 'Le plan' })).toContainText(firstName);
	await expect(page.getByRole('region', { name: 'Le plan' })).toContainText('Contacts pris');

	// Hydrated first, so the enhanced form keeps what is typed.
	await page.waitForLoadState('networkidle');
	const log = page.getByRole('region', { name: 'Journal' });
	await log.getByLabel('Ce qui s’est passé').fill('Réunion avec les élus de la communauté de communes.');
	await log.getByRole('button', { name: 'Ajouter' }).click();
	await expect(log.getByRole('listitem').first()).toContainText('Réunion avec les élus de la communauté de communes.');
	await expect(log.getByRole('listitem').first()).toContainText('Sophie Lambert');

	// The plan is listed, and its communes are no longer offered to a new plan.
	await page.goto('/reseau/departements/54/plans');
	await expect(page.getByRole('link', { name: 'Secteur du Lunévillois sud' })).toBeVisible();
	await expect(page.getByRole('group', { name: 'Communes sans CPTS' })).toContainText('dans le plan « Secteur du Lunévillois sud »');

	await page.getByRole('link', { name: 'Secteur du Lunévillois sud' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Secteur du Lunévillois sud');
	const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
	expect(violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('the ARS Grand Est account reads the plans of 54 but is refused those of 69 (403)', async ({ page }) => {
	await signIn(page, ARS_GRAND_EST);
	const inScope = await page.goto('/reseau/departements/54/plans');
	expect(inScope?.status()).toBe(200);
	const outOfScope = await page.goto('/reseau/departements/69/plans');
	expect(outOfScope?.status()).toBe(403);
});
