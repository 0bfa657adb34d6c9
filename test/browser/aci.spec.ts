/**
 * The ACI contract as the demo uses it (issue 15): the coordinatrice of Sud-Toulois records this
 * year's indicators of a socle mission (bad input first: message, nothing saved, values kept),
 * records the dialogue de gestion (Mon espace asks for it until then) and downloads it as DOCX;
 * the animatrice finds, across Grand Est, the CPTS with no crises sanitaires plan. axe runs on the year page.
 */
import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { DEMO, signIn } from './fixtures';

/** The demo writes this year's missions; the year as Paris sees it. */
const YEAR = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric' }).format(new Date());

test('the coordinatrice of Sud-Toulois records her indicators and exports the dialogue de gestion', async ({ page }) => {
	test.setTimeout(120_000);
	await signIn(page, DEMO.coordinator);
	// Mon espace tells her the dialogue de gestion is due (none for over a year) and leads to the contract.
	const dueLink = /Dialogue de gestion à tenir avec la CPAM et l’ARS pour CPTS du Sud-Toulois/;
	await page.goto('/espace');
	await page.getByRole('region', { name: 'Ce qui vous attend' }).getByRole('link', { name: dueLink }).click();
	await expect(page).toHaveURL(/\/cpts\/sud-toulois\/contrat$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Contrat ACI — CPTS du Sud-Toulois');
	await expect(page.getByRole('region', { name: 'Le contrat', exact: true })).toContainText('Réponse aux crises sanitaires graves');
	await page.getByRole('link', { name: `Année ${YEAR}` }).click();
	await page.waitForLoadState('networkidle');

	const parcours = page.getByRole('region', { name: /Parcours pluriprofessionnels/ });
	await parcours.getByLabel('Actions de l’année').fill('Parcours insuffisance cardiaque avec le centre hospitalier de Toul');
	const first = parcours.getByRole('group', { name: 'Indicateur 1' });
	await first.getByLabel('Indicateur', { exact: true }).fill('Patients inclus dans le parcours');
	await first.getByLabel('Objectif').fill('quatre-vingts');
	await first.getByLabel('Atteint').fill('35');
	await first.getByLabel('Unité').fill('patients');
	await parcours.getByRole('button', { name: 'Enregistrer la mission' }).click();
	await expect(parcours.getByRole('alert')).toContainText('rien n’a été enregistré');
	await expect(first.getByText('Saisissez un nombre positif')).toBeVisible();
	await expect(first.getByLabel('Indicateur', { exact: true })).toHaveValue('Patients inclus dans le parcours');
	await expect(parcours.getByLabel('Actions de l’année')).toHaveValue('Parcours insuffisance cardiaque avec le centre hospitalier de Toul');

	await first.getByLabel('Objectif').fill('80');
	await parcours.getByRole('button', { name: 'Enregistrer la mission' }).click();
	await expect(parcours.getByRole('status')).toContainText(`La mission « Parcours pluriprofessionnels » est enregistrée pour ${YEAR}.`);
	await page.reload();
	await expect(page.getByRole('region', { name: /Parcours pluriprofessionnels/ }).getByRole('group', { name: 'Indicateur 1' }).getByLabel('Objectif')).toHaveValue('80');

	const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
	expect(violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);

	await page.getByRole('link', { name: `Dialogue de gestion ${YEAR}` }).click();
	await page.waitForLoadState('networkidle');
	await expect(page.getByRole('region', { name: 'Revue des missions et des indicateurs' })).toContainText('Patients inclus dans le parcours');
	const dialogueForm = page.getByRole('region', { name: 'Enregistrer le dialogue de gestion' });
	await dialogueForm.getByLabel('Pour la CPAM').fill('Conseiller CPTS de la CPAM de Meurthe-et-Moselle');
	await dialogueForm.getByRole('button', { name: 'Enregistrer le dialogue de gestion' }).click();
	await expect(dialogueForm.getByRole('alert')).toBeVisible();
	await expect(dialogueForm.getByLabel('Pour la CPAM')).toHaveValue('Conseiller CPTS de la CPAM de Meurthe-et-Moselle');
	await expect(page.getByRole('link', { name: 'Télécharger en DOCX' })).toHaveCount(0);

	await dialogueForm.getByLabel('Date du dialogue').fill(`${YEAR}-10-14`);
	await dialogueForm.getByLabel('Pour la CPTS').fill('Présidente et coordinatrice de la CPTS');
	await dialogueForm.getByLabel('Pour l’ARS').fill('Référente CPTS de la délégation territoriale');
	await dialogueForm.getByLabel('Conclusions').fill('Le parcours insuffisance cardiaque démarre.');
	await dialogueForm.getByRole('button', { name: 'Enregistrer le dialogue de gestion' }).click();
	await expect(page.getByRole('status')).toContainText('Le dialogue de gestion est enregistré.');

	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Télécharger en DOCX' }).click()]);
	expect(download.suggestedFilename()).toBe(`dialogue-de-gestion-cpts-du-sud-toulois-${YEAR}.docx`);
	const bytes = await readFile((await download.path())!);
	expect(bytes.subarray(0, 2).toString()).toBe('PK');

	// Held: Mon espace no longer asks for it.
	await page.goto('/espace');
	await expect(page.getByRole('region', { name: 'Ce qui vous attend' }).getByRole('link', { name: dueLink })).toHaveCount(0);
});

test('the animatrice sees which Grand Est CPTS have no crises sanitaires plan', async ({ page }) => {
	await signIn(page, DEMO.facilitator);
	await page.goto('/reseau');
	await page.getByRole('link', { name: /Évaluation des missions ACI/ }).click();
	// The click navigates: /reseau has « Région » landmarks of its own, so wait for the new page.
	await expect(page.getByRole('heading', { level: 1, name: 'Évaluation des missions ACI' })).toBeVisible();
	await page.getByRole('combobox', { name: 'Région' }).selectOption({ label: 'Grand Est' });
	await page.getByRole('button', { name: 'Afficher' }).click();
	await expect(page.getByText(`Grand Est, ${YEAR} :`)).toBeVisible();
	await expect(page.getByRole('table', { name: 'Part des CPTS ayant déployé chaque mission' })).toContainText('Réponse aux crises sanitaires graves');
	await page.getByRole('link', { name: 'Quelles CPTS n’ont pas de plan de réponse aux crises sanitaires ?' }).click();
	const table = page.getByRole('table', { name: `CPTS sans action de réponse aux crises sanitaires en ${YEAR}` });
	await expect(table).toContainText('CPTS Nancy Sud');
	await expect(table).toContainText('CPTS Strasbourg Sud');
	await expect(table).not.toContainText('CPTS du Sud-Toulois');
});
