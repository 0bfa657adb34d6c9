/** Helpers shared by browser specs: reading real mail, signing in as a demo account. */
import { expect, type Page } from '@playwright/test';

const mailApi = `http://127.0.0.1:${process.env.CAPTURE_HTTP_PORT ?? 4174}`;

export interface CapturedMail {
	to: string[];
	raw: string;
}

/** Waits until a mail to `to` matching `match` arrives at the SMTP capture server. */
export async function waitForMail(to: string, match: RegExp = /./): Promise<CapturedMail> {
	let found: CapturedMail | undefined;
	await expect
		.poll(
			async () => {
				const mails = (await (await fetch(`${mailApi}/messages?to=${encodeURIComponent(to)}`)).json()) as CapturedMail[];
				found = mails.reverse().find((mail) => match.test(decodeMail(mail.raw)));
				return Boolean(found);
			},
			{ timeout: 15_000, message: `mail to ${to} matching ${match}` }
		)
		.toBe(true);
	return found!;
}

/** Undoes quoted-printable soft breaks and escapes so links can be read from the raw mail. */
export function decodeMail(raw: string): string {
	return raw
		.replace(/=\r?\n/g, '')
		.replace(/=([0-9A-F]{2})/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The first link to this site found in a mail whose path starts with `pathPrefix`. */
export function linkIn(mail: CapturedMail, pathPrefix: string): string {
	const text = decodeMail(mail.raw);
	const match = text.match(new RegExp(`https?://[^\\s"<>]+${pathPrefix.replace(/[/]/g, '\\/')}[^\\s"<>]*`));
	if (!match) throw new Error(`no link to ${pathPrefix} in mail:\n${text.slice(0, 2000)}`);
	return new URL(match[0]).pathname;
}

export const DEMO = {
	admin: { email: 'admin@demo.reseau-cpts.fr', password: 'demo-admin-2026' },
	facilitator: { email: 'animatrice@demo.reseau-cpts.fr', password: 'demo-animation-2026' },
	trainer: { email: 'formateur@demo.reseau-cpts.fr', password: 'demo-formation-2026' },
	coordinator: { email: 'coordinatrice@demo.reseau-cpts.fr', password: 'demo-coordination-2026' },
	member: { email: 'membre@demo.reseau-cpts.fr', password: 'demo-membre-2026' }
};

/** Signs in through the real form. */
export async function signIn(page: Page, account: { email: string; password: string }): Promise<void> {
	await page.goto('/connexion');
	await page.getByLabel('E-mail').fill(account.email);
	await page.getByLabel('Mot de passe', { exact: true }).fill(account.password);
	await page.getByRole('button', { name: 'Se connecter' }).click();
	await expect(page.getByRole('button', { name: 'Se déconnecter' })).toBeVisible();
}

/** A professional as the sign-up form asks for them. */
export interface NewAccount {
	email: string;
	name: string;
	/** The label of the profession in the list ("Pharmacien ou pharmacienne"). */
	profession: string;
	password: string;
}

/** Fills and sends the sign-up form; the page then says a mail was sent (nobody is signed in yet). */
export async function submitSignUp(page: Page, account: NewAccount): Promise<void> {
	await page.goto('/inscription');
	await page.getByLabel('E-mail').fill(account.email);
	await page.getByLabel('Nom et prénom').fill(account.name);
	await page.getByLabel('Profession').selectOption({ label: account.profession });
	await page.getByLabel('Mot de passe', { exact: true }).fill(account.password);
	await page.getByLabel('Confirmation du mot de passe').fill(account.password);
	await page.getByRole('button', { name: 'Créer mon compte' }).click();
	await expect(page.getByText(`Un e-mail vient d’être envoyé à ${account.email}.`)).toBeVisible();
}

/** Signs up through the form, opens the verification link of the mail, then signs in. */
export async function signUpVerified(page: Page, account: NewAccount): Promise<void> {
	await submitSignUp(page, account);
	await page.goto(linkIn(await waitForMail(account.email, /verification/), '/verification/'));
	await expect(page.getByText('Merci, votre adresse e-mail est vérifiée.')).toBeVisible();
	await signIn(page, account);
}
