/**
 * Account flows as plain functions: sign-up, sign-in, e-mail verification, password reset,
 * profile and password change, sessions. Routes pass the submitted FormData and the client
 * (address, user agent); each function validates, acts and returns either its result or
 * field errors with what was typed (never a password).
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Locale } from '../../i18n';
import type { DbOrTx } from '../db';
import { sessions, userRoles, users } from '../db/schema';
import { parseForm, type FieldErrors } from '../shared/forms';
import { isUniqueViolation } from '../shared/errors';
import { generateId } from '../shared/ids';
import { describeUserAgent } from './devices';
import { sendPasswordChangedMail, sendPasswordResetMail, sendSignUpAttemptMail, sendVerificationMail } from './mails';
import { hashPassword, passwordProblem, verifyAgainstDummyHash, verifyPassword } from './passwords';
import {
	changePasswordSchema,
	forgotPasswordSchema,
	profileSchema,
	resetPasswordSchema,
	signInSchema,
	signUpSchema
} from './schemas';
import { notifyAccessChanged } from '../collab/registry';
import { createSession, invalidateUserSessions, listUserSessions, type Session } from './session';
import { getConfig } from '../config';
import { admitNewAccount, checkSignInAllowed, forgetSignInFailures, recordSignInFailure, recordSignInSuccess, type NewAccountLimit } from './throttle';
import {
	checkEmailToken,
	consumeEmailToken,
	issueEmailToken,
	lastTokenIssuedAt,
	revokeEmailTokens,
	type TokenProblem
} from './tokens';
import { storedLocale } from '../../i18n/locale';

/** Where a request comes from; stored on the session and used by throttling. */
export interface ClientInfo {
	ip?: string | null;
	userAgent?: string | null;
}

/** A form that could not be accepted: field errors and/or one message, plus what was typed. */
export interface FormFailure {
	ok: false;
	errors: FieldErrors;
	values: Record<string, string>;
	/** A catalogue key for the whole form. */
	message?: string;
}

/** A new session for the browser: the token goes in the cookie. */
export interface SignedIn {
	ok: true;
	userId: string;
	token: string;
	session: Session;
}

/** Minimum time between two e-mails of the same kind to one account (mail bombing). */
export const RESEND_INTERVAL_MS = 60_000;

const localeOf = (value: string): Locale => storedLocale(value);

async function findUserByEmail(db: DbOrTx, email: string) {
	const [user] = await db.select().from(users).where(eq(users.email, email));
	return user ?? null;
}

async function findUserById(db: DbOrTx, userId: string) {
	const [user] = await db.select().from(users).where(eq(users.id, userId));
	return user ?? null;
}

/** The sign-up limit per client address, from the configuration. */
export function newAccountLimit(): NewAccountLimit {
	const config = getConfig();
	return { perAddress: config.NEW_ACCOUNTS_PER_IP, windowMs: config.NEW_ACCOUNTS_PER_IP_WINDOW_HOURS * 60 * 60_000 };
}

/** What sign-up answers, whether the address was new or already had an account. */
export interface SignUpSent {
	ok: true;
	email: string;
}

/**
 * Creates an account and sends the verification link; the person signs in once they have it.
 * An address that already has an account gets the very same answer, and its owner a mail
 * saying someone tried (signing up must not tell who has an account here). One client
 * address creates at most newAccountLimit() accounts per window (an unknown address is not
 * limited: see clientInfo).
 */
export async function signUp(
	db: DbOrTx,
	form: FormData,
	client: ClientInfo & { locale: Locale },
	now = new Date(),
	limit = newAccountLimit()
): Promise<SignUpSent | FormFailure> {
	const parsed = parseForm(signUpSchema, form);
	if (!parsed.ok) return parsed;
	const input = parsed.data;
	// Counted once the form is valid, whatever the address typed, so that a script cannot
	// tell from the count which addresses already have an account.
	if (client.ip && !(await admitNewAccount(db, client.ip, limit, now))) {
		return { ok: false, errors: {}, values: parsed.values, message: 'auth.signUp.tooMany' };
	}
	const sent: SignUpSent = { ok: true, email: input.email };
	// Hash first, for existing addresses too: the answer must not come back faster for them.
	// (It is the slow part and needs no lock, so it stays out of the transaction.)
	const passwordHash = await hashPassword(input.password);
	const existing = await findUserByEmail(db, input.email);
	if (existing) {
		await tellOwnerOfSignUpAttempt(db, existing);
		return sent;
	}

	const userId = generateId();
	try {
		// The account, its link and the mail that carries it are one change: an account never
		// exists without its verification mail queued, nor a mail without its account.
		await db.transaction(async (tx) => {
			await tx.insert(users).values({
				id: userId,
				email: input.email,
				name: input.name,
				profession: input.profession,
				rpps: input.rpps,
				passwordHash,
				locale: client.locale,
				createdAt: now
			});
			const verificationToken = await issueEmailToken(tx, userId, 'verify_email', now);
			await sendVerificationMail(tx, { email: input.email, name: input.name, locale: client.locale }, verificationToken);
		});
	} catch (error) {
		// A simultaneous sign-up took the address first: it is now an existing account.
		if (!isUniqueViolation(error, 'users_email_key')) throw error;
		const winner = await findUserByEmail(db, input.email);
		if (winner) await tellOwnerOfSignUpAttempt(db, winner);
		return sent;
	}
	return sent;
}

function tellOwnerOfSignUpAttempt(db: DbOrTx, owner: typeof users.$inferSelect) {
	return sendSignUpAttemptMail(db, { email: owner.email, name: owner.name, locale: localeOf(owner.locale) });
}

/**
 * Signs in with e-mail and password. Whatever was wrong the message is the same, and an
 * unknown e-mail costs the same argon2 time as a wrong password. Throttled per account and
 * address pair and per address (throttle.ts).
 */
export async function signIn(db: DbOrTx, form: FormData, client: ClientInfo, now = new Date()): Promise<SignedIn | FormFailure> {
	const parsed = parseForm(signInSchema, form);
	if (!parsed.ok) return parsed;
	const { email, password } = parsed.data;
	const origin = { email, ip: client.ip };
	const refused = (message: string): FormFailure => ({ ok: false, errors: {}, values: parsed.values, message });

	const decision = await checkSignInAllowed(db, origin, now);
	if (!decision.allowed) return refused('auth.signIn.throttled');

	const user = await findUserByEmail(db, email);
	const valid = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummyHash(password);
	if (!user || !valid) {
		await recordSignInFailure(db, origin, now);
		return refused('auth.signIn.invalid');
	}
	await recordSignInSuccess(db, origin);
	const { token, session } = await createSession(db, user.id, client);
	return { ok: true, userId: user.id, token, session };
}

export type VerifyEmailOutcome = { ok: true; userId: string } | { ok: false; problem: TokenProblem | 'alreadyVerified' };

/** Spends a verification link and marks the address verified. */
export async function verifyEmail(db: DbOrTx, token: string, now = new Date()): Promise<VerifyEmailOutcome> {
	const spent = await consumeEmailToken(db, token, 'verify_email', now);
	if (spent.ok) {
		await db
			.update(users)
			.set({ emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, ${now.toISOString()}::timestamptz)` })
			.where(eq(users.id, spent.userId));
		return { ok: true, userId: spent.userId };
	}
	// An old link of an address verified since is no problem at all: say so.
	if (spent.userId) {
		const user = await findUserById(db, spent.userId);
		if (user?.emailVerifiedAt) return { ok: false, problem: 'alreadyVerified' };
	}
	return { ok: false, problem: spent.problem };
}

export type ResendOutcome = 'sent' | 'alreadyVerified' | 'tooSoon';

/** Sends a new verification link to a signed-in user (at most one a minute). */
export async function resendVerification(db: DbOrTx, userId: string, now = new Date()): Promise<ResendOutcome> {
	const user = await findUserById(db, userId);
	if (!user || user.emailVerifiedAt) return 'alreadyVerified';
	const last = await lastTokenIssuedAt(db, userId, 'verify_email');
	if (last && now.getTime() - last.getTime() < RESEND_INTERVAL_MS) return 'tooSoon';
	// The new link replaces the old ones only together with the mail that carries it.
	await db.transaction(async (tx) => {
		const token = await issueEmailToken(tx, userId, 'verify_email', now);
		await sendVerificationMail(tx, { email: user.email, name: user.name, locale: localeOf(user.locale) }, token);
	});
	return 'sent';
}

/**
 * Sends a reset link when an account has this address. The answer is the same either way
 * (the caller shows "Si un compte existe…"); requests closer than a minute send nothing more.
 */
export async function requestPasswordReset(
	db: DbOrTx,
	form: FormData,
	now = new Date()
): Promise<{ ok: true; values: Record<string, string> } | FormFailure> {
	const parsed = parseForm(forgotPasswordSchema, form);
	if (!parsed.ok) return parsed;
	const user = await findUserByEmail(db, parsed.data.email);
	if (user) {
		const last = await lastTokenIssuedAt(db, user.id, 'reset_password');
		if (!last || now.getTime() - last.getTime() >= RESEND_INTERVAL_MS) {
			await db.transaction(async (tx) => {
				const token = await issueEmailToken(tx, user.id, 'reset_password', now);
				await sendPasswordResetMail(tx, { email: user.email, name: user.name, locale: localeOf(user.locale) }, token);
			});
		}
	}
	return { ok: true, values: parsed.values };
}

/** Whether a reset link can still be used (to show the form or the "expired" page). */
export async function checkResetLink(db: DbOrTx, token: string, now = new Date()) {
	return checkEmailToken(db, token, 'reset_password', now);
}

export type ResetPasswordOutcome = SignedIn | FormFailure | { ok: false; problem: TokenProblem };

/**
 * Sets a new password from a reset link: spends the link, closes every session of the
 * account, then opens a new one for this browser. Proves the address, so it also verifies it.
 */
export async function resetPassword(
	db: DbOrTx,
	token: string,
	form: FormData,
	client: ClientInfo,
	now = new Date()
): Promise<ResetPasswordOutcome> {
	const link = await checkEmailToken(db, token, 'reset_password', now);
	if (!link.ok) return { ok: false, problem: link.problem };
	const parsed = parseForm(resetPasswordSchema, form);
	if (!parsed.ok) return parsed;
	const user = await findUserById(db, link.userId);
	if (!user) return { ok: false, problem: 'invalid' };
	const problem = passwordProblem(parsed.data.password, user.email);
	if (problem) return { ok: false, errors: { password: problem }, values: parsed.values };

	const passwordHash = await hashPassword(parsed.data.password);
	// Spending the link and changing the password are one transaction: two submissions of the
	// same link cannot both change it, and a failure leaves the link usable.
	const spent = await db.transaction(async (tx) => {
		const consumed = await consumeEmailToken(tx, token, 'reset_password', now);
		if (!consumed.ok) return consumed;
		await tx
			.update(users)
			.set({ passwordHash, emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, ${now.toISOString()}::timestamptz)` })
			.where(eq(users.id, consumed.userId));
		await invalidateUserSessions(tx, consumed.userId);
		await revokeEmailTokens(tx, consumed.userId, 'reset_password');
		await sendPasswordChangedMail(tx, { email: user.email, name: user.name, locale: localeOf(user.locale) });
		return consumed;
	});
	if (!spent.ok) return { ok: false, problem: spent.problem };
	// Open collaboration sockets were authenticated by the sessions just closed.
	await notifyAccessChanged({ userId: user.id });

	await forgetSignInFailures(db, user.email);
	const { token: sessionToken, session } = await createSession(db, user.id, client);
	return { ok: true, userId: user.id, token: sessionToken, session };
}

/** What the account page shows about the user. */
export async function getAccount(db: DbOrTx, userId: string) {
	const user = await findUserById(db, userId);
	if (!user) return null;
	const roles = await db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, userId));
	return {
		id: user.id,
		email: user.email,
		name: user.name,
		profession: user.profession,
		professionForm: user.professionForm,
		rpps: user.rpps,
		locale: localeOf(user.locale),
		emailVerified: user.emailVerifiedAt !== null,
		roles: roles.map((row) => row.role).sort()
	};
}
export type Account = NonNullable<Awaited<ReturnType<typeof getAccount>>>;

/** Saves name, profession and how it is written beside the name, RPPS number and preferred language. */
export async function updateProfile(
	db: DbOrTx,
	userId: string,
	form: FormData
): Promise<{ ok: true; values: Record<string, string> } | FormFailure> {
	const parsed = parseForm(profileSchema, form);
	if (!parsed.ok) return parsed;
	const { name, profession, professionForm, rpps, locale } = parsed.data;
	await db.update(users).set({ name, profession, professionForm, rpps, locale }).where(eq(users.id, userId));
	return { ok: true, values: parsed.values };
}

/** Saves the language chosen with the header's switcher (the account's choice wins over the cookie). */
export async function setPreferredLocale(db: DbOrTx, userId: string, locale: Locale): Promise<void> {
	await db.update(users).set({ locale }).where(eq(users.id, userId));
}

/** Changes the password (the current one is required) and closes the other sessions. */
export async function changePassword(
	db: DbOrTx,
	userId: string,
	currentSessionId: string,
	form: FormData
): Promise<{ ok: true } | FormFailure> {
	const parsed = parseForm(changePasswordSchema, form);
	if (!parsed.ok) return parsed;
	const user = await findUserById(db, userId);
	if (!user) return { ok: false, errors: {}, values: {}, message: 'error.unauthenticated' };
	if (!(await verifyPassword(user.passwordHash, parsed.data.currentPassword))) {
		return { ok: false, errors: { currentPassword: 'auth.password.currentWrong' }, values: parsed.values };
	}
	const problem = passwordProblem(parsed.data.newPassword, user.email);
	if (problem) return { ok: false, errors: { newPassword: problem }, values: parsed.values };
	const passwordHash = await hashPassword(parsed.data.newPassword);
	// The new password, the other sessions closed and the owner's warning mail: one change.
	await db.transaction(async (tx) => {
		await tx.update(users).set({ passwordHash }).where(eq(users.id, userId));
		await invalidateUserSessions(tx, userId, currentSessionId);
		await sendPasswordChangedMail(tx, { email: user.email, name: user.name, locale: localeOf(user.locale) });
	});
	await notifyAccessChanged({ userId });
	return { ok: true };
}

/** One row of "my sessions". */
export interface AccountSession {
	id: string;
	device: string | null;
	ip: string | null;
	createdAt: Date;
	lastSeenAt: Date;
	current: boolean;
}

/** The user's open sessions, the current one first. */
export async function listAccountSessions(db: DbOrTx, userId: string, currentSessionId: string | null): Promise<AccountSession[]> {
	const rows = await listUserSessions(db, userId);
	return rows
		.map((session) => ({
			id: session.id,
			device: describeUserAgent(session.userAgent),
			ip: session.ip,
			createdAt: session.createdAt,
			lastSeenAt: session.lastSeenAt,
			current: session.id === currentSessionId
		}))
		.sort((a, b) => Number(b.current) - Number(a.current));
}

/** Closes one of the user's own sessions; false when it is not theirs (or is gone). */
export async function signOutSession(db: DbOrTx, userId: string, sessionId: string): Promise<boolean> {
	const closed = await db
		.delete(sessions)
		.where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)))
		.returning({ id: sessions.id });
	return closed.length > 0;
}

/** "Sign out everywhere else": closes every session of the user but the current one. */
export async function signOutOtherSessions(db: DbOrTx, userId: string, currentSessionId: string): Promise<void> {
	await invalidateUserSessions(db, userId, currentSessionId);
	await notifyAccessChanged({ userId });
}
