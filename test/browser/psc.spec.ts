/**
 * Pro Santé Connect in Chromium, against the local PSC-shaped provider (psc-provider-server.ts):
 * a new professional signs in and finds her RPPS number and profession on her account; a
 * member links PSC from her account page; an account with the same e-mail is linked after
 * its password; a cancelled sign-in says so.
 */
import { expect, test, type Page } from '@playwright/test';
import { DEMO, signIn } from './fixtures';
import { PSC_RPPS } from './psc-identities';

const PROVIDER_HEADING = 'Pro Santé Connect — fournisseur de test';

async function chooseIdentity(page: Page, name: string) {
	await expect(page.getByRole('heading', { name: PROVIDER_HEADING })).toBeVisible();
	await page.getByRole('button', { name }).click();
}

async function signOut(page: Page) {
	await page.getByRole('button', { name: 'Se déconnecter' }).click();
	await expect(page.getByRole('link', { name: 'Se connecter' }).first()).toBeVisible();
}

test('a new professional signs in with Pro Santé Connect and sees her RPPS number and profession', async ({ page }) => {
	await page.goto('/connexion');
	await page.getByRole('link', { name: 'Se connecter avec Pro Santé Connect' }).click();
	await chooseIdentity(page, 'Nadia Pharmacienne');

	await expect(page).toHaveURL(/\/compte\?psc=nouveau$/);
	const psc = page.getByRole('region', { name: 'Pro Santé Connect' });
	await expect(psc.getByText('Identité vérifiée par Pro Santé Connect')).toBeVisible();
	await expect(psc.getByText(PSC_RPPS.nadia)).toBeVisible();
	await expect(page.getByLabel('Profession')).toHaveValue('pharmacien');
	await expect(page.getByLabel('Numéro RPPS')).toHaveValue(PSC_RPPS.nadia);
	await expect(page.getByLabel('Nom et prénom')).toHaveValue('Nadia Pharmacienne');

	// Next time, the same identity signs her in to the same account (the provider remembers
	// her, as PSC does within its session: no identity to choose again).
	await signOut(page);
	await page.goto('/connexion');
	await page.getByRole('link', { name: 'Se connecter avec Pro Santé Connect' }).click();
	await expect(page.getByRole('button', { name: 'Se déconnecter' })).toBeVisible();
	await page.goto('/compte');
	await expect(page.getByText(PSC_RPPS.nadia).first()).toBeVisible();
});

test('a member links Pro Santé Connect from her account page', async ({ page }) => {
	await signIn(page, DEMO.trainer);
	await page.goto('/compte');
	const psc = page.getByRole('region', { name: 'Pro Santé Connect' });
	await psc.getByRole('link', { name: 'Lier Pro Santé Connect' }).click();
	await chooseIdentity(page, 'Marc Girard');

	await expect(page).toHaveURL(/\/compte\?psc=lie$/);
	await expect(psc.getByText('Votre identité Pro Santé Connect est liée à votre compte.')).toBeVisible();
	await expect(psc.getByText('Identité vérifiée par Pro Santé Connect')).toBeVisible();
	await expect(psc.getByText(PSC_RPPS.marc)).toBeVisible();
});

test('an account with the same e-mail is linked once its owner gives her password', async ({ page }) => {
	await page.goto('/connexion');
	await page.getByRole('link', { name: 'Se connecter avec Pro Santé Connect' }).click();
	await chooseIdentity(page, 'Julien Moreau');

	await expect(page.getByRole('heading', { name: 'Lier Pro Santé Connect à votre compte' })).toBeVisible();
	await page.getByLabel('Mot de passe').fill('pas-le-bon-mot-de-passe');
	await page.getByRole('button', { name: 'Confirmer et lier' }).click();
	await expect(page.getByText('E-mail ou mot de passe incorrect')).toBeVisible();

	await page.getByLabel('Mot de passe').fill(DEMO.member.password);
	await page.getByRole('button', { name: 'Confirmer et lier' }).click();
	await expect(page).toHaveURL(/\/compte\?psc=lie$/);
	await expect(page.getByRole('region', { name: 'Pro Santé Connect' }).getByText('Identité vérifiée par Pro Santé Connect')).toBeVisible();
});

test('a sign-in cancelled at Pro Santé Connect says so and signs nobody in', async ({ page }) => {
	await page.goto('/connexion');
	await page.getByRole('link', { name: 'Se connecter avec Pro Santé Connect' }).click();
	await expect(page.getByRole('heading', { name: PROVIDER_HEADING })).toBeVisible();
	await page.getByRole('button', { name: 'Annuler' }).click();
	await expect(page).toHaveURL(/\/connexion\?psc_refus=denied$/);
	await expect(page.getByRole('alert')).toHaveText('La connexion avec Pro Santé Connect a été annulée.');
	await expect(page.getByRole('button', { name: 'Se déconnecter' })).toHaveCount(0);
});
