/**
 * DPC training in the browser ("Done when" of the issue): a trainer publishes an
 * interprofessional session in Réunion time (after a field error), nurses and GPs register
 * until it is full, a cancellation promotes the first waiting nurse (told by mail), the
 * trainer cannot mark attendance before the parts begin (nor anyone get a certificate), the
 * demo coordinator downloads the certificate of a session that took place, and the nurse
 * subscribes to her calendar feed; a member sees where she stands in her DPC period.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO, linkIn, signIn, signUpVerified, waitForMail } from './fixtures';

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** A new professional, signed up through the form and verified (registering needs it), in their own browser context. */
async function professional(browser: Browser, name: string, profession: string): Promise<{ page: Page; email: string }> {
	const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris' });
	const page = await context.newPage();
	const email = `dpc-${unique()}@exemple.fr`;
	await signUpVerified(page, { email, name, profession, password: 'Formation continue 2026' });
	return { page, email };
}

/** "2027-03-04T09:00" for a day `days` from now. */
function localDay(days: number, time: string): string {
	return `${new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)}T${time}`;
}

test('a trainer publishes a Réunion session; registrations fill it, a cancellation promotes the waiting nurse; attendance, certificate and feed', async ({ page, browser }) => {
	test.setTimeout(120_000);
	const reference = String(Date.now()).slice(-11).padStart(11, '9');

	// The trainer creates an interprofessional action for nurses and GPs…
	await signIn(page, DEMO.trainer);
	await page.goto('/formations/animer');
	await page.getByRole('link', { name: 'Nouvelle action DPC' }).click();
	await page.getByLabel('Référence ANDPC de l’action').fill(reference);
	await page.getByLabel('Titre').fill('Plaies chroniques à domicile : coordination infirmier-médecin');
	await page.getByLabel('Orientation prioritaire nationale').fill('Coordination des parcours de santé et exercice coordonné');
	await page.getByLabel('Infirmier ou infirmière').check();
	await page.getByLabel('Médecin généraliste').check();
	await page.getByLabel('Objectifs').fill('Harmoniser la prise en charge des plaies chroniques entre ville et domicile.');
	await page.getByLabel('Programme').fill('Cas cliniques, protocole de soins partagé, fiche de liaison.');
	await page.getByRole('button', { name: 'Créer l’action' }).click();

	// …then a session in Réunion time; a part ending before it starts is refused next to the field.
	await expect(page.getByRole('heading', { name: /Session de « Plaies chroniques/ })).toBeVisible();
	await page.getByLabel('Capacité (places)').fill('2');
	await page.locator('#place').fill('Saint-Denis (La Réunion), CHU Félix-Guyon, salle Maïdo');
	await page.locator('#part-0-start').fill(localDay(30, '09:00'));
	await page.locator('#part-0-end').fill(localDay(30, '08:00'));
	await page.locator('#part-0-zone').selectOption('Indian/Reunion');
	await page.locator('#part-1-start').fill(localDay(31, '09:00'));
	await page.locator('#part-1-end').fill(localDay(31, '12:30'));
	await page.locator('#part-1-zone').selectOption('Indian/Reunion');
	await page.getByLabel('Date limite d’inscription').fill(localDay(28, '18:00'));
	await page.getByRole('button', { name: 'Créer la session (brouillon)' }).click();
	await expect(page.getByText('La fin doit être après le début.')).toBeVisible();
	await expect(page.locator('#part-0-end')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.locator('#part-0-zone')).toHaveValue('Indian/Reunion');
	await page.locator('#part-0-end').fill(localDay(30, '12:30'));
	await page.getByRole('button', { name: 'Créer la session (brouillon)' }).click();

	await expect(page.getByText('Brouillon')).toBeVisible();
	await page.getByRole('button', { name: 'Publier la session' }).click();
	await expect(page.getByText('Session publiée : les inscriptions sont ouvertes.')).toBeVisible();
	// Times in the place's zone, and in the viewer's (Paris) beside them.
	await expect(page.getByText('Heure du lieu : heure de La Réunion (UTC+4)').first()).toBeVisible();
	await expect(page.getByText(/Chez vous, heure de Paris \(UTC\+[12]\)/).first()).toBeVisible();
	// Time zones are named as people say them: no IANA id on the page.
	await expect(page.locator('main')).not.toContainText('Indian/Reunion');
	await expect(page.getByRole('link', { name: 'Discussion de la session dans les forums' })).toBeVisible();
	const sessionPath = new URL(page.url()).pathname;

	// Nurses and GPs register until it is full; a pharmacist is told why not.
	const nurse = await professional(browser, 'Sandrine Técher', 'Infirmier ou infirmière');
	const gp = await professional(browser, 'Dr Jean-Marc Hoarau', 'Médecin généraliste');
	const waitingNurse = await professional(browser, 'Émilie Fontaine', 'Infirmier ou infirmière');
	const pharmacist = await professional(browser, 'Karim Mussard', 'Pharmacien ou pharmacienne');
	// Mail goes to verified addresses only: the waiting nurse confirms hers.
	await waitingNurse.page.goto(linkIn(await waitForMail(waitingNurse.email, /verification/), '/verification/'));
	for (const person of [nurse, gp]) {
		await person.page.goto(sessionPath);
		await person.page.getByRole('button', { name: 'M’inscrire' }).click();
		await expect(person.page.getByText('Votre inscription est confirmée.')).toBeVisible();
	}
	await waitingNurse.page.goto(sessionPath);
	await waitingNurse.page.getByRole('button', { name: 'Rejoindre la liste d’attente' }).click();
	await expect(waitingNurse.page.getByText('Vous êtes en position 1 sur la liste d’attente.')).toBeVisible();
	await pharmacist.page.goto(sessionPath);
	await expect(pharmacist.page.getByText('Cette session ne s’adresse pas à votre profession.')).toBeVisible();
	await expect(pharmacist.page.getByRole('button', { name: 'M’inscrire' })).toHaveCount(0);

	// The GP cancels: the waiting nurse gets the seat and a mail.
	await gp.page.goto(sessionPath);
	await gp.page.getByRole('button', { name: 'Me désinscrire' }).click();
	await expect(gp.page.getByText('Votre inscription est annulée.')).toBeVisible();
	await waitForMail(waitingNurse.email, new RegExp(sessionPath.split('/').pop()!));
	await waitingNurse.page.goto(sessionPath);
	await expect(waitingNurse.page.getByText(/Une place s’est libérée\s: vous êtes passé·e de la liste d’attente/)).toBeVisible();
	await expect(waitingNurse.page.getByRole('button', { name: 'Décliner la place' })).toBeVisible();

	// Attendance is taken from each part's start: a month ahead, the trainer sees the parts as
	// upcoming and cannot mark anyone; the nurse has no certificate yet.
	await page.goto(`${sessionPath}/participants`);
	await expect(page.getByRole('heading', { name: 'Inscrits (2)' })).toBeVisible();
	await expect(page.getByText('À venir : émargement à partir de son début')).toHaveCount(2);
	await expect(page.getByLabel('Émargement — Sandrine Técher — Partie 1')).toBeDisabled();
	await expect(page.getByLabel('Émargement — Émilie Fontaine — Partie 2')).toBeDisabled();
	const csv = await page.request.get(`${sessionPath}/participants.csv`);
	expect(csv.headers()['content-type']).toContain('text/csv');
	expect(await csv.text()).toContain('"Sandrine Técher"');
	await nurse.page.goto(sessionPath);
	await expect(nurse.page.getByRole('link', { name: 'Télécharger l’attestation (PDF)' })).toHaveCount(0);
	expect((await nurse.page.request.get(`${sessionPath}/attestation.pdf`)).status()).toBe(403);
	expect((await waitingNurse.page.request.get(`${sessionPath}/attestation.pdf`)).status()).toBe(403);
	expect((await pharmacist.page.request.get(`${sessionPath}/attestation.pdf`)).status()).toBe(404);
	expect((await pharmacist.page.request.get(`${sessionPath}/participants.csv`)).status()).toBe(403);

	// A session that took place gives its certificate: the demo coordinator's completed one.
	const coordinator = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
	await signIn(coordinator, DEMO.coordinator);
	await coordinator.goto('/formations/mes-formations');
	const download = coordinator.waitForEvent('download');
	await coordinator.getByRole('link', { name: 'Télécharger l’attestation (PDF)' }).first().click();
	const pdf = await (await download).createReadStream();
	const chunks: Buffer[] = [];
	for await (const chunk of pdf) chunks.push(chunk as Buffer);
	expect(Buffer.concat(chunks).subarray(0, 5).toString()).toBe('%PDF-');

	// She subscribes to her feed: the session is in it, on Réunion time.
	await nurse.page.goto('/formations/mes-formations');
	await nurse.page.getByRole('link', { name: 'Abonner mon agenda à mes formations' }).click();
	await nurse.page.getByRole('button', { name: 'Créer mon lien d’abonnement' }).click();
	const feedUrl = await nurse.page.getByLabel('Lien d’abonnement (iCalendar)').inputValue();
	const feed = await nurse.page.request.get(feedUrl);
	expect(feed.status()).toBe(200);
	const ics = await feed.text();
	expect(ics).toContain('TZID:Indian/Reunion');
	expect(ics).toMatch(/DTSTART;TZID=Indian\/Reunion:\d{8}T090000/);
	expect(ics).toContain('Plaies chroniques à domicile');
	// Revoked, the link answers 404.
	await nurse.page.getByRole('button', { name: 'Révoquer le lien' }).click();
	await expect(nurse.page.getByText('Le lien est révoqué')).toBeVisible();
	expect((await nurse.page.request.get(feedUrl)).status()).toBe(404);
});

test('a member cannot reach the trainer space nor the training bodies; he sees where he stands in his DPC period', async ({ page }) => {
	test.setTimeout(90_000);
	await signIn(page, DEMO.member);
	const response = await page.goto('/formations/animer');
	expect(response?.status()).toBe(403);
	expect((await page.goto('/formations/animer/actions/nouvelle'))?.status()).toBe(403);
	expect((await page.goto('/formations/organismes'))?.status()).toBe(403);
	await page.goto('/formations');
	await expect(page.getByRole('heading', { name: 'Formations DPC' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Espace formateur' })).toHaveCount(0);

	// The member sees where he stands in his DPC period, and declares an action followed elsewhere.
	await page.getByRole('link', { name: 'Mon obligation DPC' }).click();
	await expect(page.getByRole('heading', { name: /Période en cours : \d{4}–\d{4}/ })).toBeVisible();
	await expect(page.getByTestId('obligation-verdict')).toBeVisible();
	await expect(page.getByText('comptent aussi pour votre certification périodique')).toBeVisible();
	const title = `Revue de pertinence ${unique()}`;
	await page.getByLabel('Intitulé de l’action').fill(title);
	await page.getByLabel('Type (méthode HAS)').selectOption({ label: 'Évaluation des pratiques professionnelles' });
	await page.getByLabel('Date (fin de l’action)').fill('2099-01-15');
	await page.getByLabel('Orientation prioritaire').selectOption('yes');
	await page.getByLabel('Organisme (ODPC)').fill('ODPC Lorraine Santé');
	await page.getByRole('button', { name: 'Enregistrer l’action' }).click();
	await expect(page.getByText('La date ne peut pas être dans le futur')).toBeVisible();
	await expect(page.getByLabel('Intitulé de l’action')).toHaveValue(title);
	await page.getByLabel('Date (fin de l’action)').fill(new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10));
	await page.getByRole('button', { name: 'Enregistrer l’action' }).click();
	await expect(page.getByText('Action enregistrée.')).toBeVisible();
	await expect(page.getByRole('rowheader', { name: title })).toBeVisible();
});

test('an admin registers a training body and attaches a trainer, with field errors kept', async ({ page }) => {
	await signIn(page, DEMO.admin);
	await page.goto('/formations/organismes');
	await expect(page.getByRole('heading', { name: /Outre-mer Formation Santé/ })).toBeVisible();
	await page.getByLabel('Nom de l’organisme').fill('Formations Guyane Santé');
	await page.getByLabel('Numéro d’enregistrement ODPC').fill('12');
	await page.getByRole('button', { name: 'Enregistrer l’organisme' }).click();
	await expect(page.getByText('Le numéro d’enregistrement compte de 4 à 6 chiffres.')).toBeVisible();
	await expect(page.getByLabel('Nom de l’organisme')).toHaveValue('Formations Guyane Santé');
	const number = String(Date.now()).slice(-5);
	await page.getByLabel('Numéro d’enregistrement ODPC').fill(number);
	await page.getByRole('button', { name: 'Enregistrer l’organisme' }).click();
	await expect(page.getByText('Organisme enregistré.')).toBeVisible();
	const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /Formations Guyane Santé/ }) });
	await card.getByLabel('E-mail du formateur ou de la formatrice à rattacher').fill(DEMO.member.email);
	await card.getByRole('button', { name: 'Rattacher' }).click();
	await expect(card.getByText('Aucun compte avec le rôle formateur ne correspond à cet e-mail.')).toBeVisible();
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a pharmacist finds a Réunion session by search, registers and unregisters', async ({ page }) => {
		await signIn(page, DEMO.member);
		await page.goto('/formations?q=hospitalisation&profession=pharmacien');
		await page.getByRole('link', { name: /Sortie d’hospitalisation de la personne âgée/ }).click();
		await expect(page.getByText('Heure du lieu : heure de La Réunion (UTC+4)').first()).toBeVisible();
		await page.getByRole('button', { name: 'M’inscrire' }).click();
		await expect(page.getByText('Votre inscription est confirmée.')).toBeVisible();
		await page.getByRole('button', { name: 'Me désinscrire' }).click();
		await expect(page.getByText('Votre inscription est annulée.')).toBeVisible();
		await expect(page.getByRole('button', { name: 'M’inscrire' })).toBeVisible();
	});
});
