import { expect, test, type Page } from '@playwright/test';
import { DEMO, decodeMail, signIn, waitForMail } from './fixtures';

const signOut = (page: Page) => page.getByRole('button', { name: 'Se déconnecter' }).click();

test('a member opening /admin gets 403; the admin sees it, grants a role and reads the journal', async ({ page }) => {
	await signIn(page, DEMO.member);
	const refused = await page.goto('/admin');
	expect(refused?.status()).toBe(403);
	await expect(page.getByRole('heading', { level: 1, name: 'Erreur 403' })).toBeVisible();
	await signOut(page);

	await signIn(page, DEMO.admin);
	await page.goto('/admin/utilisateurs');
	await page.getByLabel('Rechercher un utilisateur').fill('Sophie Lambert');
	await page.getByRole('button', { name: 'Rechercher' }).click();
	const row = page.getByRole('row', { name: /Sophie Lambert/ });
	await expect(row).toBeVisible();
	const revokeTrainer = row.getByRole('button', { name: /Retirer le rôle Formateur ou formatrice/ });
	if (await revokeTrainer.count()) {
		await revokeTrainer.click();
		await expect(page.getByRole('status')).toContainText('retiré');
	}
	await row.getByLabel('Rôle à attribuer à Sophie Lambert').selectOption('trainer');
	await row.getByRole('button', { name: 'Attribuer : Sophie Lambert' }).click();
	await expect(page.getByRole('status')).toHaveText('Rôle « Formateur ou formatrice » attribué à Sophie Lambert.');
	await expect(row.getByText('Formateur ou formatrice', { exact: true })).toBeVisible();

	await page.getByRole('link', { name: 'Journal d’audit' }).click();
	const latest = page.getByRole('table', { name: 'Entrées du journal d’audit' }).getByRole('row').nth(1);
	// The journal reads in words, with links to the people.
	await expect(latest).toContainText('Anne Martin a donné le rôle «\u00a0formateur ou formatrice\u00a0» à Sophie Lambert');
	await expect(latest.getByRole('link', { name: 'Sophie Lambert' })).toBeVisible();
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a join request rings the coordinator’s bell, mails them, and is marked read with a plain form', async ({ page }) => {
		await signIn(page, DEMO.member);
		await page.goto('/cpts/sud-toulois');
		// Another spec may have left the demo member in this CPTS: start from outside it.
		const leave = page.locator('form[action="?/leave"] button');
		if (await leave.count()) await leave.click();
		await page.goto('/cpts/sud-toulois');
		await page.locator('form[action="?/join"] button[type=submit]').click();
		await signOut(page);

		const mail = await waitForMail(DEMO.coordinator.email, /Julien Moreau demande/);
		expect(decodeMail(mail.raw)).toContain('/cpts/sud-toulois/membres');

		await signIn(page, DEMO.coordinator);
		const bell = page.getByRole('link', { name: /Notifications, \d+ non lues?/ });
		await expect(bell).toBeVisible();
		await bell.click();
		await expect(page.getByRole('heading', { level: 1, name: 'Mes notifications' })).toBeVisible();
		const item = page.getByRole('listitem').filter({ hasText: 'Julien Moreau demande à rejoindre' }).first();
		await expect(item.getByText('Non lue', { exact: true })).toBeVisible();
		await item.getByRole('button', { name: /Marquer comme lue/ }).click();
		await expect(page.getByText('Notification marquée comme lue.')).toBeVisible();
		// Other specs may have notified the coordinator too.
		const markAll = page.getByRole('button', { name: 'Tout marquer comme lu' });
		if (await markAll.count()) await markAll.click();
		await expect(page.getByText('Toutes vos notifications sont lues.')).toBeVisible();
		await expect(page.getByRole('link', { name: 'Notifications', exact: true })).toBeVisible();

		// The coordinator accepts: the demo member is back in the CPTS for the other specs.
		await page.goto('/cpts/sud-toulois/membres');
		await page.getByRole('button', { name: 'Accepter la demande de Julien Moreau' }).click();
		await expect(page.getByText('Demande acceptée : la personne est maintenant membre.')).toBeVisible();
	});
});

test('a member chooses a weekly digest for forum replies and finds the choice kept', async ({ page }) => {
	await signIn(page, DEMO.member);
	await page.goto('/notifications/preferences');
	await page.getByLabel('Réponses à mes sujets de forum').selectOption('digest');
	const frequency = page.getByRole('group', { name: 'Fréquence du récapitulatif par e-mail' });
	await frequency.getByLabel('Hebdomadaire : le lundi à 7 h (heure de Paris)').check();
	await page.getByRole('button', { name: 'Enregistrer mes préférences' }).click();
	await expect(page.getByRole('status')).toHaveText('Vos préférences de notification sont enregistrées.');

	await page.reload();
	await expect(frequency.getByLabel('Hebdomadaire : le lundi à 7 h (heure de Paris)')).toBeChecked();
	// Back to the default for the other specs.
	await frequency.getByLabel('Quotidien : chaque matin à 7 h (heure de Paris)').check();
	await page.getByRole('button', { name: 'Enregistrer mes préférences' }).click();
	await expect(page.getByRole('status')).toHaveText('Vos préférences de notification sont enregistrées.');
});
