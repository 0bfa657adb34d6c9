/**
 * The facilitator's basics: an announcement to a région's coordinators (mail and bell), the
 * directory as CSV, and the admin journal read in words.
 */
import { expect, test, type Page } from '@playwright/test';
import { decodeMail, DEMO, signIn, waitForMail } from './fixtures';

const signOut = (page: Page) => page.getByRole('button', { name: 'Se déconnecter' }).click();
// A word of the body the mail can be found by (ASCII: the raw mail is quoted-printable).
const marker = `RDV-${Date.now()}`;
const title = `Réunion des coordinations du Grand Est ${marker}`;

test('a facilitator announces to the Grand Est coordinators; the coordinator gets the mail and the notification', async ({ page }) => {
	await signIn(page, DEMO.facilitator);
	await page.getByRole('link', { name: 'Annonces', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Annonces aux coordinateurs et coordinatrices' })).toBeVisible();

	// The preview follows the choice of recipients.
	const preview = page.locator('#recipient-preview');
	await expect(preview).toContainText(/Cette annonce partira à \d+ coordinat/);
	const networkPreview = await preview.textContent();
	await page.getByLabel('Destinataires').selectOption({ label: 'Région Grand Est' });
	await expect(preview).not.toHaveText(networkPreview!);
	await expect(preview).toContainText(/partira à \d+/);

	await page.getByLabel('Titre').fill(title);
	await page.getByLabel('Message').fill(`Bonjour,\n\nLa prochaine réunion a lieu à **Nancy** le 14 janvier (${marker}).\n\n- ordre du jour\n- covoiturage`);
	await page.getByRole('button', { name: 'Envoyer l’annonce' }).click();
	await expect(page.getByRole('status')).toContainText(/Annonce envoyée à \d+ personne/);
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await expect(page.locator('.prose strong')).toHaveText('Nancy');
	await expect(page.getByText(/Aux? \d+ coordinat.* de la région Grand Est/)).toBeVisible();

	// It is in the history with its count.
	await page.getByRole('link', { name: 'Toutes les annonces' }).click();
	const row = page.getByRole('row').filter({ hasText: title });
	await expect(row).toContainText('Grand Est');
	await signOut(page);

	const mail = decodeMail((await waitForMail(DEMO.coordinator.email, new RegExp(marker))).raw);
	expect(mail).toMatch(/\/annonces\/[a-z0-9]+/);

	await signIn(page, DEMO.coordinator);
	await page.getByRole('link', { name: /Notifications, \d+ non lues/ }).click();
	const item = page.getByRole('listitem').filter({ hasText: title }).first();
	await expect(item).toContainText('Annonce de');
	await item.getByRole('link').first().click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await expect(page.locator('.prose li')).toHaveText(['ordre du jour', 'covoiturage']);
});

test('a member may not announce: no link, and the page is refused', async ({ page }) => {
	await signIn(page, DEMO.member);
	await expect(page.getByRole('link', { name: 'Annonces', exact: true })).toHaveCount(0);
	const response = await page.goto('/annonces');
	expect(response?.status()).toBe(403);
});

test('the directory downloads as a CSV of the same search, for a visitor too', async ({ page }) => {
	await page.goto('/cpts?region=44');
	const link = page.getByRole('link', { name: 'Télécharger ces CPTS en CSV' });
	await expect(link).toHaveAttribute('href', '/cpts/annuaire.csv?region=44');
	const response = await page.request.get('/cpts/annuaire.csv?region=44');
	expect(response.headers()['content-type']).toBe('text/csv; charset=utf-8');
	const body = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.body());
	expect(body.startsWith('\uFEFFCPTS;Région;Département;')).toBe(true);
	expect(body).toContain('Sud-Toulois');
	// A visitor gets no follow-up column.
	expect(body.split('\r\n')[0]).not.toContain('Accompagnement rapproché');
});

test('the admin journal reads in words, with links to what each line is about', async ({ page }) => {
	await signIn(page, DEMO.admin);
	await page.goto('/admin/journal?domaine=announcement');
	const line = page.getByRole('row').filter({ hasText: title }).first();
	await expect(line).toContainText(/a envoyé l’annonce .* à \d+ coordinat.* de la région Grand Est/);
	await expect(line.getByRole('link', { name: title })).toHaveAttribute('href', /^\/annonces\//);
	await expect(line).not.toContainText('announcement.sent');

	await page.goto('/admin/journal');
	await expect(page.getByLabel('Domaine')).toBeVisible();
	// No event code on the page: every line is a sentence.
	await expect(page.locator('tbody')).not.toContainText(/\b(role|partner|cpts|aci|plan|draft|library|forum|dpc|announcement)\.[a-z_]+/);
});
