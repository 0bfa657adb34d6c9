/**
 * The library in the browser: a facilitator proposes a resource, submits it, publishes it,
 * attaches a file, edits it and restores the first version; a visitor then finds it with
 * the search and a facet, and downloads the attachment.
 */
import { expect, test } from '@playwright/test';
import { DEMO, signIn } from './fixtures';

const stamp = Date.now().toString(36);
const title = `Astreinte infirmière de nuit partagée ${stamp}`;
const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

test('a facilitator proposes, publishes, attaches, edits and restores a resource', async ({ page }) => {
	await signIn(page, DEMO.facilitator);
	await page.goto('/bibliotheque/proposer');
	await expect(page.getByRole('heading', { level: 1, name: 'Proposer une ressource' })).toBeVisible();
	// Typing before hydration would be reset in the textareas (see ResourceForm.svelte).
	await page.waitForLoadState('networkidle');

	// A first try without a title keeps what was typed and says what is missing.
	await page.getByLabel('Résumé').fill('Trois cabinets infirmiers se relaient la nuit pour les patients en soins palliatifs à domicile.');
	await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
	await expect(page.getByRole('alert').first()).toContainText('erreur');
	await expect(page.getByLabel('Résumé')).toHaveValue(/Trois cabinets infirmiers/);

	await page.getByLabel('Type de ressource').selectOption('bonne_pratique');
	await page.getByLabel('Titre').fill(title);
	await page.getByLabel('Contenu').fill('## Organisation\n\nUne astreinte téléphonique de 20 h à 8 h, tournante entre trois cabinets.');
	await page.getByRole('group', { name: /Types de territoire concernés/ }).getByLabel('Rural', { exact: true }).check();
	await page.getByRole('group', { name: /Missions concernées/ }).getByLabel('Parcours pluriprofessionnels').check();
	await page.getByRole('button', { name: 'Enregistrer et soumettre à la relecture' }).click();

	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await expect(page.getByText('Ressource enregistrée et soumise à la relecture.')).toBeVisible();
	await page.getByRole('button', { name: 'Publier' }).click();
	await expect(page.getByText('Ressource publiée.')).toBeVisible();

	// A forged file is refused with a clear message; a real PDF is attached.
	await page.getByLabel('Ajouter une pièce jointe').setInputFiles({ name: 'faux.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html>pas un pdf</html>') });
	await page.getByRole('button', { name: 'Joindre le fichier' }).click();
	await expect(page.getByText(/n’est pas un document PDF valide/)).toBeVisible();
	await page.getByLabel('Ajouter une pièce jointe').setInputFiles({ name: 'Planning d’astreinte.pdf', mimeType: 'application/pdf', buffer: pdf });
	await page.getByRole('button', { name: 'Joindre le fichier' }).click();
	await expect(page.getByText('Pièce jointe ajoutée.')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Télécharger Planning d’astreinte.pdf' })).toBeVisible();

	// A published edit makes a second version; the first one is restored.
	await page.getByRole('link', { name: 'Modifier' }).click();
	await page.getByLabel('Contenu').fill('## Organisation\n\nUne astreinte de 20 h à 8 h, tournante entre quatre cabinets et la HAD.');
	await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
	await expect(page.getByText('Modifications enregistrées.')).toBeVisible();
	await expect(page.getByText('quatre cabinets et la HAD')).toBeVisible();

	await page.getByRole('link', { name: 'Historique des versions' }).click();
	await expect(page.getByRole('heading', { level: 2, name: /de la version 1 à la version 2/ })).toBeVisible();
	await expect(page.locator('ins').filter({ hasText: 'quatre' }).first()).toBeVisible();
	await page.getByRole('link', { name: 'Voir les changements de la version 1' }).click();
	await page.getByRole('button', { name: 'Restaurer la version 1' }).click();
	await expect(page.getByText('Version 1 restaurée.')).toBeVisible();
	await page.getByRole('link', { name: 'Retour à la ressource' }).click();
	await expect(page.getByText('tournante entre trois cabinets')).toBeVisible();
});

test('a visitor finds the resource with a search and a facet, and downloads its attachment', async ({ page }) => {
	await page.goto('/bibliotheque');
	await page.getByRole('searchbox', { name: 'Rechercher dans la bibliothèque' }).fill('astreinte de nuit partagee');
	await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
	// The front page has a Rural box too: wait for the search's own facets before ticking one,
	// or the results arriving would redraw it unticked.
	await expect(page.getByRole('heading', { level: 2, name: /pour « astreinte de nuit partagee »/ })).toBeVisible();
	await page.getByRole('group', { name: 'Type de territoire' }).getByRole('checkbox', { name: /^Rural \(/ }).check();
	await page.getByRole('button', { name: 'Appliquer les filtres' }).click();
	await expect(page).toHaveURL(/nature=rural/);
	const result = page.getByRole('link', { name: title });
	await expect(result).toBeVisible();
	await expect(page.locator('mark').filter({ hasText: /astreinte/i }).first()).toBeVisible();
	await result.click();

	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Télécharger Planning d’astreinte.pdf' }).click();
	expect((await download).suggestedFilename()).toBe('Planning d’astreinte.pdf');
});
