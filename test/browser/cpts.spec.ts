import { expect, test, type Browser } from '@playwright/test';
import { DEMO, linkIn, signIn, waitForMail } from './fixtures';

/** A page in its own context, signed in as a demo account (or anonymous). */
async function pageAs(browser: Browser, account?: { email: string; password: string }) {
	const context = await browser.newContext();
	const page = await context.newPage();
	if (account) await signIn(page, account);
	return page;
}

test('the directory searches and filters without JavaScript, keeping the filters in the URL', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/cpts');
	await expect(page.getByRole('heading', { level: 1, name: 'Annuaire des CPTS' })).toBeVisible();
	await page.getByLabel('Rechercher', { exact: true }).fill('VENISSIEUX');
	await page.getByLabel('Type de territoire').selectOption('urbain_dense');
	await page.getByRole('button', { name: 'Appliquer' }).click();
	await expect(page).toHaveURL(/q=VENISSIEUX/);
	await expect(page).toHaveURL(/nature=urbain_dense/);
	await expect(page.getByRole('link', { name: 'CPTS de Vénissieux' })).toBeVisible();
	await expect(page.getByRole('heading', { name: /^Résultats : \d+ CPTS/ })).toBeVisible();
	await expect(page.getByLabel('Rechercher', { exact: true })).toHaveValue('VENISSIEUX');
	await context.close();
});

test('anonymous visitors are sent to sign in for a member list and brought back', async ({ browser }) => {
	const page = await pageAs(browser);
	await page.goto('/cpts/sud-toulois');
	await expect(page.getByText('La liste des membres est réservée aux membres de la CPTS.')).toBeVisible();
	await page.goto('/cpts/sud-toulois/membres');
	await expect(page).toHaveURL(/\/connexion\?redirectTo=%2Fcpts%2Fsud-toulois%2Fmembres/);
	await page.getByLabel('E-mail').fill(DEMO.member.email);
	await page.getByLabel('Mot de passe', { exact: true }).fill(DEMO.member.password);
	await page.getByRole('button', { name: 'Se connecter' }).click();
	await expect(page).toHaveURL(/\/cpts\/sud-toulois\/membres$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Membres de CPTS du Sud-Toulois' })).toBeVisible();
	// A plain member reads the list but cannot decide on requests.
	await expect(page.getByRole('heading', { name: 'Demandes d’adhésion en attente' })).toHaveCount(0);
	await page.context().close();
});

test('a coordinator of another CPTS is refused the member list', async ({ browser }) => {
	const page = await pageAs(browser, DEMO.coordinator);
	const response = await page.goto('/cpts/venissieux/membres');
	expect(response?.status()).toBe(403);
	await page.context().close();
});

test('join flow: ask to join, the coordinator accepts, the member sees it', async ({ browser }) => {
	const trainer = await pageAs(browser, DEMO.trainer);
	await trainer.goto('/cpts/sud-toulois');
	await trainer.getByLabel('Message aux coordinateurs').fill('Médecin formateur, je souhaite animer des sessions DPC.');
	await trainer.getByRole('button', { name: 'Demander à rejoindre' }).click();
	await expect(trainer.getByText('Votre demande a été envoyée aux coordinateurs de la CPTS.')).toBeVisible();
	await expect(trainer.getByText('Votre demande d’adhésion attend la réponse des coordinateurs.')).toBeVisible();

	const coordinator = await pageAs(browser, DEMO.coordinator);
	await coordinator.goto('/cpts/sud-toulois/membres');
	await expect(coordinator.getByText('Médecin formateur, je souhaite animer des sessions DPC.')).toBeVisible();
	await coordinator.getByRole('button', { name: 'Accepter la demande de Dr Marc Girard' }).click();
	await expect(coordinator.getByText('Demande acceptée : la personne est maintenant membre.')).toBeVisible();
	await expect(coordinator.getByRole('rowheader', { name: 'Dr Marc Girard' })).toBeVisible();

	await trainer.reload();
	await expect(trainer.getByText('Vous êtes membre de cette CPTS.')).toBeVisible();
	await trainer.goto('/cpts/mes-cpts');
	await expect(trainer.getByRole('link', { name: 'CPTS du Sud-Toulois' })).toBeVisible();
	await trainer.context().close();
	await coordinator.context().close();
});

test('invitation by e-mail: the link asks to sign in, then joins once', async ({ browser }) => {
	const invitee = `invitation-${Date.now()}@exemple.fr`;
	const coordinator = await pageAs(browser, DEMO.coordinator);
	await coordinator.goto('/cpts/sud-toulois/membres');
	await coordinator.getByLabel('Adresse e-mail à inviter').fill('pas-une-adresse');
	await coordinator.getByRole('button', { name: 'Envoyer l’invitation' }).click();
	await expect(coordinator.getByText('Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.')).toBeVisible();
	await expect(coordinator.getByLabel('Adresse e-mail à inviter')).toHaveValue('pas-une-adresse');
	await coordinator.getByLabel('Adresse e-mail à inviter').fill(invitee);
	await coordinator.getByRole('button', { name: 'Envoyer l’invitation' }).click();
	await expect(coordinator.getByText(`Invitation envoyée à ${invitee}.`)).toBeVisible();
	await coordinator.context().close();

	const link = linkIn(await waitForMail(invitee, /Invitation/), '/cpts/invitation/');
	const visitor = await pageAs(browser);
	await visitor.goto(link);
	await expect(visitor.getByText('Vous avez été invité à rejoindre CPTS du Sud-Toulois.')).toBeVisible();
	await visitor.getByRole('link', { name: 'Se connecter' }).last().click();
	await visitor.getByLabel('E-mail').fill(DEMO.admin.email);
	await visitor.getByLabel('Mot de passe', { exact: true }).fill(DEMO.admin.password);
	await visitor.getByRole('button', { name: 'Se connecter' }).click();
	await expect(visitor).toHaveURL(new RegExp(`${link}$`));
	await visitor.getByRole('button', { name: 'Rejoindre CPTS du Sud-Toulois' }).click();
	await expect(visitor.getByText('Bienvenue : vous êtes maintenant membre de CPTS du Sud-Toulois.')).toBeVisible();
	await visitor.goto(link);
	await expect(visitor.getByText('Ce lien d’invitation a déjà été utilisé.')).toBeVisible();
	await visitor.context().close();
});
