/** The e-mails of the account feature; their texts are in the auth catalogue. */
import type { Locale } from '../../i18n';
import type { DbOrTx } from '../db';
import { queueMail, siteUrl } from '../mail';

interface Recipient {
	email: string;
	name: string;
	locale: Locale;
}

/** The link that verifies an e-mail address (valid 48 hours). */
export function sendVerificationMail(db: DbOrTx, to: Recipient, token: string) {
	return queueMail(db, to.email, {
		template: 'verify_email',
		locale: to.locale,
		subject: ['auth.mail.verify.subject'],
		paragraphs: [['auth.mail.greeting', { name: to.name }], ['auth.mail.verify.body'], ['auth.mail.ignore']],
		action: { label: 'auth.mail.verify.action', url: siteUrl(`/verification/${token}`) }
	});
}

/** The one-time link that sets a new password (valid one hour). */
export function sendPasswordResetMail(db: DbOrTx, to: Recipient, token: string) {
	return queueMail(db, to.email, {
		template: 'reset_password',
		locale: to.locale,
		subject: ['auth.mail.reset.subject'],
		paragraphs: [['auth.mail.greeting', { name: to.name }], ['auth.mail.reset.body'], ['auth.mail.ignore']],
		action: { label: 'auth.mail.reset.action', url: siteUrl(`/reinitialisation/${token}`) }
	});
}

/** Tells the owner that the password changed, so that an intruder's change does not go unnoticed. */
export function sendPasswordChangedMail(db: DbOrTx, to: Recipient) {
	return queueMail(db, to.email, {
		template: 'password_changed',
		locale: to.locale,
		subject: ['auth.mail.changed.subject'],
		paragraphs: [['auth.mail.greeting', { name: to.name }], ['auth.mail.changed.body'], ['auth.mail.changed.warning']],
		action: { label: 'auth.mail.changed.action', url: siteUrl('/mot-de-passe-oublie') }
	});
}

/**
 * Tells the owner of an address that someone tried to sign up with it. The sign-up form
 * answers as for a new address (no account enumeration), so this mail is how the real
 * owner learns of it, with the way in if it was them.
 */
export function sendSignUpAttemptMail(db: DbOrTx, to: Recipient) {
	return queueMail(db, to.email, {
		template: 'sign_up_existing',
		locale: to.locale,
		subject: ['auth.mail.signUpExisting.subject'],
		paragraphs: [
			['auth.mail.greeting', { name: to.name }],
			['auth.mail.signUpExisting.body'],
			['auth.mail.signUpExisting.forgot', { resetUrl: siteUrl('/mot-de-passe-oublie') }],
			['auth.mail.signUpExisting.ignore']
		],
		action: { label: 'auth.mail.signUpExisting.action', url: siteUrl('/connexion') }
	});
}

/** Tells the former address that the account's address changed (an intruder's change must not go unnoticed). */
export function sendEmailChangedMail(db: DbOrTx, to: Recipient, newEmail: string) {
	return queueMail(db, to.email, {
		template: 'email_changed',
		locale: to.locale,
		subject: ['auth.mail.emailChanged.subject'],
		paragraphs: [['auth.mail.greeting', { name: to.name }], ['auth.mail.emailChanged.body', { email: newEmail }], ['auth.mail.changed.warning']],
		action: { label: 'auth.mail.changed.action', url: siteUrl('/mot-de-passe-oublie') }
	});
}
