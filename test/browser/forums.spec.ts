/**
 * The forums' "done when" flow in the browser: a member asks a question in a mission
 * category and mentions another member, who is notified and answers; the answer is
 * accepted and shown under the question; a facilitator schedules a practice exchange in the
 * thread; the member signs up and downloads the .ics; a flagged post is hidden from the
 * moderation queue. Along the way: an empty reply is refused in French with nothing lost,
 * and a reply appears live in another reader's open page.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO, signIn } from './fixtures';

const stamp = Date.now().toString(36);
const title = `Astreinte de week-end partagée entre cabinets ${stamp}`;

async function signedIn(browser: Browser, account: { email: string; password: string }): Promise<Page> {
	const page = await (await browser.newContext()).newPage();
	await signIn(page, account);
	return page;
}

test('ask, mention, answer, accept, schedule an exchange, sign up with .ics, moderate a flag', async ({ browser }) => {
	// Four people and a dozen pages: ≈ 20 s on a quiet machine, past the default 30 s at load 10.
	test.setTimeout(90_000);
	const member = await signedIn(browser, DEMO.member);
	await member.goto('/forums');
	await member.getByRole('link', { name: 'Accès aux soins' }).click();
	await expect(member.getByRole('heading', { level: 1, name: 'Accès aux soins' })).toBeVisible();
	await member.waitForLoadState('networkidle');
	await member.getByLabel('Titre').fill(title);
	await member.getByLabel('Votre message').fill('Comment organisez-vous une **astreinte** le samedi ? Qu’en pensez-vous @claire-dubois ?');
	await member.getByRole('group', { name: /Nature du territoire/ }).getByLabel('Rural', { exact: true }).check();
	await member.getByRole('button', { name: 'Publier le sujet' }).click();
	await expect(member.getByRole('heading', { level: 1, name: title })).toBeVisible();
	const threadUrl = member.url();

	// The mentioned coordinator is notified and answers from the notification.
	const coordinator = await signedIn(browser, DEMO.coordinator);
	await coordinator.goto('/notifications');
	await coordinator.getByRole('link', { name: new RegExp(`Julien Moreau vous a mentionné dans « ${title} »`) }).click();
	await expect(coordinator.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await coordinator.waitForLoadState('networkidle');

	// The member keeps the thread open: the answer arrives live (Server-Sent Events).
	await member.waitForLoadState('networkidle');

	// An empty reply is refused with a French message next to the field.
	await coordinator.getByRole('button', { name: 'Publier la réponse' }).click();
	await expect(coordinator.getByText('Le message est vide : écrivez quelques mots avant d’envoyer.').first()).toBeVisible();
	await coordinator.getByLabel('Votre réponse').fill('Chez nous, **trois cabinets** tournent chaque samedi matin, avec une ligne unique tenue par la coordinatrice.');
	await coordinator.getByRole('button', { name: 'Publier la réponse' }).click();
	await expect(coordinator.locator('#message-2')).toContainText('trois cabinets');
	await expect(member.locator('#message-2')).toContainText('trois cabinets');

	// The asker accepts the answer: shown under the question.
	await member.reload();
	await member.locator('#message-2').getByRole('button', { name: 'Marquer comme réponse acceptée' }).click();
	await expect(member.getByText('Réponse marquée comme acceptée.')).toBeVisible();
	await expect(member.getByRole('region', { name: 'Réponse acceptée' })).toContainText('trois cabinets');

	// A facilitator schedules a practice exchange in the thread.
	const facilitator = await signedIn(browser, DEMO.facilitator);
	await facilitator.goto(threadUrl);
	await facilitator.getByText('Programmer un échange de pratiques dans ce sujet').click();
	await facilitator.getByLabel('Date et heure de début').fill('2030-01-17T18:30');
	await facilitator.getByLabel('Fuseau horaire du lieu').selectOption('Indian/Reunion');
	await facilitator.getByLabel('Nombre de places').fill('12');
	await facilitator.getByLabel('Lien de visioconférence').fill('https://visio.exemple.fr/astreinte');
	await facilitator.getByLabel('Ordre du jour').fill('1. Tour de table\n2. Organisation des astreintes');
	await facilitator.getByRole('button', { name: 'Programmer l’échange' }).click();
	await expect(facilitator.getByText('Échange de pratiques enregistré.')).toBeVisible();

	// The member signs up and downloads the .ics (18:30 in Réunion time).
	await member.reload();
	const exchange = member.getByRole('region', { name: 'Échange de pratiques programmé' });
	await expect(exchange).toContainText('jeudi 17 janvier 2030, 18:30 – 20:00');
	await expect(exchange).toContainText('Le lien est communiqué aux inscrits.');
	await exchange.getByRole('button', { name: 'M’inscrire à l’échange' }).click();
	await expect(member.getByText('Votre inscription est enregistrée. Ajoutez l’échange à votre agenda avec le fichier .ics.')).toBeVisible();
	await expect(exchange.getByRole('link', { name: 'https://visio.exemple.fr/astreinte' })).toBeVisible();
	const [download] = await Promise.all([member.waitForEvent('download'), exchange.getByRole('link', { name: 'Ajouter à mon agenda (.ics)' }).click()]);
	const ics = readFileSync((await download.path())!, 'utf8');
	expect(ics).toContain('BEGIN:VCALENDAR');
	expect(ics).toMatch(/DTSTART;TZID=Indian\/Reunion:20300117T183000/);
	await facilitator.reload();
	await facilitator.getByText('Liste des inscrits (1)').click();
	await expect(facilitator.getByText('Julien Moreau', { exact: false }).first()).toBeVisible();

	// The coordinator flags the question; a facilitator hides it from the moderation queue.
	await coordinator.reload();
	const flagged = coordinator.locator('#message-1');
	await flagged.getByText('Signaler').click();
	await flagged.getByLabel('Raison du signalement').selectOption('off_topic');
	await flagged.getByLabel(/Précisions pour l’équipe/).fill('Question hors sujet pour cette catégorie');
	await flagged.getByRole('button', { name: 'Envoyer le signalement' }).click();
	await expect(coordinator.getByText('Merci : l’équipe d’animation va examiner ce message.')).toBeVisible();

	await facilitator.goto('/forums/moderation');
	const entry = facilitator.getByRole('listitem').filter({ has: facilitator.getByRole('heading', { name: new RegExp(title) }) });
	await expect(entry).toContainText('Question hors sujet pour cette catégorie');
	await entry.getByRole('button', { name: 'Masquer' }).click();
	await expect(facilitator.getByText('Message masqué.')).toBeVisible();
	await expect(facilitator.getByText('Question hors sujet pour cette catégorie')).toHaveCount(0);
	await coordinator.reload();
	await expect(coordinator.locator('#message-1')).toContainText('Ce message a été masqué par l’équipe de modération.');
	await expect(coordinator.locator('#message-1')).not.toContainText('astreinte');
});

test('without JavaScript, a refused reply keeps its text and a locked thread says so', async ({ browser }) => {
	const member = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
	await signIn(member, DEMO.member);
	await member.goto('/forums/vie-du-reseau');
	await member.getByRole('link', { name: /Présentez-vous/ }).click();
	const threadUrl = member.url();
	const long = `Bonjour à toutes et à tous. ${'Une très longue présentation. '.repeat(2000)}`;
	await member.getByLabel('Votre réponse').fill(long);
	await member.getByRole('button', { name: 'Publier la réponse' }).click();
	await expect(member.getByText(/Le message dépasse 50 000 caractères/).first()).toBeVisible();
	await expect(member.getByLabel('Votre réponse')).toHaveValue(long);

	const facilitator = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
	await signIn(facilitator, DEMO.facilitator);
	await facilitator.goto(threadUrl);
	await facilitator.getByRole('button', { name: 'Verrouiller' }).click();
	await expect(facilitator.getByText('Sujet verrouillé : il n’accepte plus de réponses.')).toBeVisible();

	await member.getByLabel('Votre réponse').fill('Une réponse écrite avant le verrouillage');
	await member.getByRole('button', { name: 'Publier la réponse' }).click();
	await expect(member.getByText('Ce sujet est verrouillé : il n’accepte plus de réponses. Votre texte est conservé ci-dessous.')).toBeVisible();
	await expect(member.getByLabel('Votre réponse')).toHaveValue('Une réponse écrite avant le verrouillage');
});
