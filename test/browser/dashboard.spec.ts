import { expect, test } from '@playwright/test';

test.describe('network dashboard without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('shows the figures, three labelled SVG charts and their data tables', async ({ page }) => {
		await page.goto('/');
		await expect(page.getByRole('heading', { level: 1, name: 'Le réseau des CPTS' })).toBeVisible();
		await expect(page.getByText('fin août 2023 : 57,6 %')).toBeVisible();
		await expect(page.getByText('fin août 2023 : 76,4 %')).toBeVisible();
		for (const name of ['Nombre de CPTS par étape', 'Nombre de CPTS par région et par étape', 'Part de la population couverte, par région']) {
			const chart = page.getByRole('img', { name });
			await expect(chart).toBeVisible();
			// Rendered on the server: the bars are there without any script.
			expect(await chart.locator('rect').count()).toBeGreaterThan(3);
		}
		await expect(page.getByRole('table', { name: 'Nombre de CPTS par étape du projet' })).toBeVisible();
		// Loaded from the INSEE referential (COG), never typed.
		await expect(page.getByText(/Population des régions\s: Insee, Code officiel géographique 20\d\d/)).toBeVisible();
	});
});

test('the data tables open from the keyboard and lead into the directory', async ({ page }) => {
	await page.goto('/');
	const summary = page.getByText('Tableau des données : CPTS par région et par étape');
	await summary.focus();
	await page.keyboard.press('Enter');
	const table = page.getByRole('table', { name: 'Nombre de CPTS par région et par étape du projet' });
	await expect(table).toBeVisible();
	await table.getByRole('link', { name: 'Grand Est' }).click();
	await expect(page).toHaveURL(/\/cpts\?region=44$/);
	await expect(page.getByText('CPTS du Sud-Toulois').first()).toBeVisible();
});
