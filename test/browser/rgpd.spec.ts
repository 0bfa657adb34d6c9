/**
 * « Mes données » in Chromium: a member asks for her export, watches it get ready, downloads
 * the zip once (it holds her forum post), then deletes her account; afterwards her thread is
 * signed « Ancien membre », the forum search does not name her, and she cannot sign in.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import { DEMO, signIn, signUpVerified } from './fixtures';

const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function signedIn(browser: Browser, account: { email: string; password: string }): Promise<Page> {
	const page = await (await browser.newContext()).newPage();
	await signIn(page, account);
	return page;
}

test('a member downloads her data once, then deletes her account and her name is gone', async ({ browser, page }) => {
	test.setTimeout(120_000);
	const account = { email: `rgpd-${stamp}@exemple.fr`, name: `Maëlle Quéré ${stamp}`, profession: 'Sage-femme', password: 'Suivi post-natal en ville 2026' };
	await signUpVerified(page, account);

	// She writes in the forum.
	const title = `Suivi post-natal partagé ${stamp}`;
	const text = `Nous organisons les visites post-natales à domicile à tour de rôle ${stamp}.`;
	await page.goto('/forums');
	await page.getByRole('link', { name: 'Accès aux soins' }).click();
	await page.waitForLoadState('networkidle');
	await page.getByLabel('Titre').fill(title);
	await page.getByLabel('Votre message').fill(text);
	await page.getByRole('button', { name: 'Publier le sujet' }).click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	const threadUrl = page.url();

	// Her export: asked, built by the outbox worker while the page looks again, downloaded.
	await page.goto('/compte');
	await page.getByRole('link', { name: 'Obtenir une copie de mes données, ou supprimer mon compte.' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Mes données' })).toBeVisible();
	await page.waitForLoadState('networkidle');
	await page.getByRole('button', { name: 'Demander mon export' }).click();
	await expect(page.getByText('Votre export est demandé')).toBeVisible();
	await expect(page.getByTestId('export-status').first()).toHaveText('Prêt', { timeout: 30_000 });
	const link = page.getByRole('link', { name: 'Télécharger l’archive' });
	const href = (await link.getAttribute('href'))!;
	const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
	const files = unzipSync(new Uint8Array(await readFile((await download.path())!)));
	const forum = JSON.parse(strFromU8(files['forum.json']));
	expect(forum.posts.map((post: { text: string }) => post.text)).toContain(text);
	expect(JSON.parse(strFromU8(files['profil.json'])).profile.name).toBe(account.name);

	// Once, and by her only: a second download is refused, and so is anybody else's.
	expect((await page.request.get(href)).status()).toBe(409);
	const other = await signedIn(browser, DEMO.member);
	expect((await other.request.get(href)).status()).toBe(404);
	await page.reload();
	await expect(page.getByTestId('export-status').first()).toHaveText('Téléchargé');

	// She deletes her account, keeping her posts as « Ancien membre ».
	await page.getByRole('button', { name: 'Supprimer définitivement mon compte' }).click();
	await expect(page.getByText('Cochez la case pour confirmer.')).toBeVisible();
	await page.getByLabel('Les garder, signés « Ancien membre »').check();
	await page.getByLabel('Mon mot de passe').fill(account.password);
	await page.getByLabel('Je comprends que la suppression est définitive.').check();
	await page.getByRole('button', { name: 'Supprimer définitivement mon compte' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Données personnelles' })).toBeVisible();
	await expect(page.getByText('Votre compte a été supprimé.')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Se déconnecter' })).toHaveCount(0);

	// Her thread stays, unsigned; the search finds it without her name; she cannot sign in.
	await other.goto(threadUrl);
	await expect(other.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await expect(other.locator('#message-1')).toContainText('Ancien membre');
	await expect(other.locator('main')).not.toContainText(account.name);
	await other.goto(`/forums/recherche?q=${encodeURIComponent(`visites post-natales ${stamp}`)}`);
	await expect(other.locator('main')).toContainText(title);
	await expect(other.locator('main')).not.toContainText(account.name);
	await page.goto('/connexion');
	await page.getByLabel('E-mail').fill(account.email);
	await page.getByLabel('Mot de passe', { exact: true }).fill(account.password);
	await page.getByRole('button', { name: 'Se connecter' }).click();
	await expect(page.getByText('E-mail ou mot de passe incorrect.')).toBeVisible();
});
