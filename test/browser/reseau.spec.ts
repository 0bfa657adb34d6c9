/**
 * The steering pages in Chromium, as the demo animatrice: the map used with the keyboard
 * alone (Tab to it, arrows, Enter opens a département), axe on /reseau and a département
 * page, and couverture.csv downloaded as a spreadsheet would open it. Independent of the
 * demo's CPTS figures: the pages must read the same with no territory at all.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { DEMO, signIn } from './fixtures';

const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function expectAccessible(page: Page): Promise<void> {
	const { violations } = await new AxeBuilder({ page }).withTags(WCAG_AA).analyze();
	const report = violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`).join('\n');
	expect(violations, report).toEqual([]);
}

test('the animatrice reads the coverage map with the keyboard alone and downloads couverture.csv', async ({ page }) => {
	await signIn(page, DEMO.facilitator);
	await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Pilotage' }).click();
	await expect(page).toHaveURL(/\/reseau$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Pilotage du réseau' })).toBeVisible();
	await expect(page.getByText(/COG \d{4}/).first()).toBeVisible();
	await expect(page.getByText('les CPTS sont fictives, sauf celles que décrit le rapport de l’IGAS de 2018', { exact: false })).toBeVisible();
	await expect(page.getByText('Référence nationale').first()).toBeVisible();

	const map = page.getByRole('group', { name: 'Part de la population couverte par une CPTS, par département' });
	await expect(map).toBeVisible();
	await expectAccessible(page);

	// Tab from the map's intro paragraph until a département of the map has the focus.
	await page.locator('#carte').click();
	let reached = false;
	for (let step = 0; step < 40 && !reached; step++) {
		await page.keyboard.press('Tab');
		reached = await page.evaluate(() => Boolean(document.activeElement?.closest('svg[role="group"]')));
	}
	expect(reached).toBe(true);
	const first = await page.evaluate(() => document.activeElement?.getAttribute('data-code'));
	await page.keyboard.press('ArrowRight');
	const second = await page.evaluate(() => document.activeElement?.getAttribute('data-code'));
	expect(second).toBeTruthy();
	expect(second).not.toBe(first);
	// The tooltip follows keyboard focus.
	await expect(page.locator('.map-tooltip')).toBeVisible();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(new RegExp(`/reseau/departements/${second}$`));
	await expect(page.getByRole('heading', { level: 2, name: 'Zones blanches' })).toBeVisible();
	await expectAccessible(page);

	await page.goto('/reseau');
	const downloadPromise = page.waitForEvent('download');
	await page.getByRole('link', { name: /Couverture par région et département/ }).click();
	const download = await downloadPromise;
	expect(download.suggestedFilename()).toBe('couverture.csv');
	const bytes = readFileSync((await download.path())!);
	expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	const text = bytes.subarray(3).toString('utf8');
	expect(text.split('\r\n')[0]).toBe('niveau;code;nom;population;population_cpts_fonctionnement;population_cpts_projet;population_non_couverte');
	expect(text).toContain('region;84;Auvergne-Rhône-Alpes;');
});
