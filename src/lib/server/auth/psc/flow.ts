/**
 * Signing in with Pro Santé Connect, and linking it to an account.
 *
 * start → PSC → callback: the callback spends the request it started (state, nonce, PKCE
 * verifier, kept in psc_auth_requests under the state's hash; the browser holds the state in
 * a cookie, so a callback from another browser finds nothing), then:
 * - an identity already linked signs its account in;
 * - a link started from the account page links it to that account;
 * - else, an account with the same (PSC-verified) e-mail must first be confirmed with its
 *   password (confirmPscLink): whoever controls a PSC identity must not take an account
 *   over on the strength of an e-mail address alone;
 * - else a new account is created, its e-mail verified by PSC.
 * Every refusal creates nothing and names its reason (PscRefusal), shown by the page.
 */
import { and, eq, lt, ne, sql } from 'drizzle-orm';
import type { Locale } from '../../../i18n';
import type { DbOrTx } from '../../db';
import { pscAuthRequests, pscIdentities, pscPendingLinks, users } from '../../db/schema';
import { writeAudit } from '../../audit';
import { getConfig, type PscConfig } from '../../config';
import { getLogger } from '../../logger';
import { isUniqueViolation } from '../../shared/errors';
import { generateId, generateSecretToken, hashToken } from '../../shared/ids';
import { safeRedirectTarget } from '../../shared/redirect';
import { isValidRpps } from '../../../domain/rpps';
import type { ClientInfo, FormFailure, SignedIn } from '../accounts';
import { hashPassword, verifyAgainstDummyHash, verifyPassword } from '../passwords';
import { createSession } from '../session';
import { checkSignInAllowed, recordSignInFailure, recordSignInSuccess } from '../throttle';
import { identityFromUserInfo, type PscIdentity } from './claims';
import { buildPscAuthorization, PscError, redeemPscCallback, type PscFailure } from './client';

/** How long a started sign-in may take at PSC. */
export const PSC_REQUEST_TTL_MS = 10 * 60_000;
/** How long a PSC identity waits for the password of the account it would join. */
export const PSC_PENDING_LINK_TTL_MS = 15 * 60_000;

/** Why a PSC sign-in or link did not happen (the pages show auth.psc.refused.<reason>). */
export type PscRefusal = PscFailure | 'state' | 'noEmail' | 'taken' | 'pendingExpired';
export const PSC_REFUSALS: readonly PscRefusal[] = ['unavailable', 'denied', 'code', 'response', 'state', 'noEmail', 'taken', 'pendingExpired'];

export type PscPurpose = 'sign_in' | 'link';

/** Where a refusal is shown: the account page for a link, the sign-in page otherwise. */
export function pscRefusedPath(purpose: PscPurpose, reason: PscRefusal): string {
	return `${purpose === 'link' ? '/compte' : '/connexion'}?psc_refus=${reason}`;
}

/** The refusal a page was sent back with (?psc_refus=…), when it is one. */
export function pscRefusalOf(url: URL): PscRefusal | null {
	const reason = url.searchParams.get('psc_refus');
	return PSC_REFUSALS.find((known) => known === reason) ?? null;
}

/** Pro Santé Connect's settings, or null when it is not configured (no button). */
export function pscConfig(): PscConfig | null {
	return getConfig().psc;
}

const audit = (db: DbOrTx, userId: string, how: 'new_account' | 'sign_in' | 'account', identity: PscIdentity) =>
	writeAudit(db, {
		actorId: userId,
		action: 'auth.psc_link',
		targetType: 'user',
		targetId: userId,
		details: { how, rpps: identity.rpps, professionCode: identity.professionCode }
	});

/**
 * Starts a sign-in (or a link, for `userId`): keeps the request and returns where to send
 * the browser and the state for its cookie.
 */
export async function startPsc(
	db: DbOrTx,
	psc: PscConfig,
	request: { purpose: PscPurpose; userId?: string | null; redirectTo?: string | null },
	now = new Date()
): Promise<{ ok: true; url: URL; state: string } | { ok: false; reason: PscRefusal }> {
	let authorization;
	try {
		authorization = await buildPscAuthorization(psc);
	} catch (error) {
		return refusal(error);
	}
	await db.delete(pscAuthRequests).where(lt(pscAuthRequests.expiresAt, now));
	await db.insert(pscAuthRequests).values({
		stateHash: hashToken(authorization.state),
		nonce: authorization.nonce,
		codeVerifier: authorization.codeVerifier,
		purpose: request.purpose,
		userId: request.purpose === 'link' ? request.userId! : null,
		redirectTo: safeRedirectTarget(request.redirectTo, '/'),
		expiresAt: new Date(now.getTime() + PSC_REQUEST_TTL_MS)
	});
	return { ok: true, url: authorization.url, state: authorization.state };
}

function refusal(error: unknown): { ok: false; reason: PscRefusal } {
	if (!(error instanceof PscError)) throw error;
	// The details stay in the log; the user gets the reason's message.
	// A professional cancelling at PSC is no incident.
	const level = error.failure === 'denied' ? 'info' : 'warn';
	getLogger()[level]({ err: error.cause ?? error, reason: error.failure }, 'Pro Santé Connect refused or unreachable');
	return { ok: false, reason: error.failure };
}

/** What the callback leads to. */
export type PscOutcome =
	| (SignedIn & { kind: 'signedIn'; redirectTo: string; created: boolean })
	| { ok: true; kind: 'linked'; userId: string }
	| { ok: true; kind: 'confirm'; pendingToken: string }
	| { ok: false; reason: PscRefusal; purpose: PscPurpose };

/**
 * Completes the callback `callbackUrl` (PSC's query: code, state, iss… or error), with the
 * state the browser's cookie held.
 */
export async function completePsc(
	db: DbOrTx,
	psc: PscConfig,
	input: { callbackUrl: URL; cookieState: string | null | undefined; client: ClientInfo & { locale: Locale } },
	now = new Date()
): Promise<PscOutcome> {
	const state = input.callbackUrl.searchParams.get('state');
	// The request is spent before anything else: a second callback with the same state (a
	// replay, a double click) finds nothing.
	const [request] =
		state && input.cookieState === state
			? await db.delete(pscAuthRequests).where(eq(pscAuthRequests.stateHash, hashToken(state))).returning()
			: [];
	if (!request || request.expiresAt <= now) return { ok: false, reason: 'state', purpose: 'sign_in' };
	const purpose = request.purpose as PscPurpose;

	// PSC is answered at its registered redirect URL, whatever address the request came by.
	const callbackUrl = new URL(psc.redirectUrl);
	callbackUrl.search = input.callbackUrl.search;
	let identity: PscIdentity | null;
	try {
		const userInfo = await redeemPscCallback(psc, callbackUrl, { state: state!, nonce: request.nonce, codeVerifier: request.codeVerifier });
		identity = identityFromUserInfo(userInfo);
	} catch (error) {
		return { ...refusal(error), purpose };
	}
	if (!identity) return { ok: false, reason: 'response', purpose };

	if (purpose === 'link') {
		const linked = await linkIdentity(db, request.userId!, identity, 'account', now);
		return linked ? { ok: true, kind: 'linked', userId: request.userId! } : { ok: false, reason: 'taken', purpose };
	}
	const redirectTo = request.redirectTo ?? '/';

	const [known] = await db.select({ userId: pscIdentities.userId }).from(pscIdentities).where(eq(pscIdentities.subject, identity.subject));
	if (known) {
		await db
			.update(pscIdentities)
			.set({ lastSignInAt: now, nationalId: identity.nationalId, rpps: identity.rpps, professionCode: identity.professionCode })
			.where(eq(pscIdentities.userId, known.userId));
		return { ...(await signInAs(db, known.userId, input.client)), kind: 'signedIn', redirectTo, created: false };
	}

	if (!identity.email) return { ok: false, reason: 'noEmail', purpose };
	const pending = await pendingLinkFor(db, identity, redirectTo, now);
	if (pending) return pending;

	const userId = generateId();
	// No password: she signs in with PSC, or sets one with « mot de passe oublié ».
	const passwordHash = await hashPassword(generateSecretToken());
	try {
		await db.transaction(async (tx) => {
			await tx.insert(users).values({
				id: userId,
				email: identity.email!,
				name: identity.name,
				profession: identity.profession ?? 'coordinateur_autre',
				rpps: identity.rpps && isValidRpps(identity.rpps) ? identity.rpps : null,
				passwordHash,
				emailVerifiedAt: now,
				locale: input.client.locale,
				createdAt: now
			});
			await tx.insert(pscIdentities).values(identityRow(userId, identity, now));
			await audit(tx, userId, 'new_account', identity);
		});
	} catch (error) {
		// An account took the address meanwhile: it is now an account to confirm.
		if (!isUniqueViolation(error, 'users_email_key')) throw error;
		const raced = await pendingLinkFor(db, identity, redirectTo, now);
		if (raced) return raced;
		throw error;
	}
	return { ...(await signInAs(db, userId, input.client)), kind: 'signedIn', redirectTo, created: true };
}

async function signInAs(db: DbOrTx, userId: string, client: ClientInfo): Promise<SignedIn> {
	const { token, session } = await createSession(db, userId, client);
	return { ok: true, userId, token, session };
}

const identityRow = (userId: string, identity: PscIdentity, now: Date) => ({
	userId,
	subject: identity.subject,
	nationalId: identity.nationalId,
	rpps: identity.rpps,
	professionCode: identity.professionCode,
	linkedAt: now,
	lastSignInAt: now
});

/** When an account has the identity's e-mail: keeps the identity until its owner confirms. */
async function pendingLinkFor(db: DbOrTx, identity: PscIdentity, redirectTo: string, now: Date): Promise<PscOutcome | null> {
	const [owner] = await db.select({ id: users.id }).from(users).where(eq(users.email, identity.email!));
	if (!owner) return null;
	const pendingToken = generateSecretToken();
	await db.delete(pscPendingLinks).where(lt(pscPendingLinks.expiresAt, now));
	await db.insert(pscPendingLinks).values({
		tokenHash: hashToken(pendingToken),
		userId: owner.id,
		identity: { ...identity },
		redirectTo,
		expiresAt: new Date(now.getTime() + PSC_PENDING_LINK_TTL_MS)
	});
	return { ok: true, kind: 'confirm', pendingToken };
}

/**
 * Links the identity to the account (replacing the account's previous one), fills the RPPS
 * number when PSC gave a valid one, and writes the audit entry; false when the identity
 * belongs to another account.
 */
async function linkIdentity(db: DbOrTx, userId: string, identity: PscIdentity, how: 'sign_in' | 'account', now: Date): Promise<boolean> {
	try {
		return await db.transaction(async (tx) => {
			const [other] = await tx
				.select({ userId: pscIdentities.userId })
				.from(pscIdentities)
				.where(and(eq(pscIdentities.subject, identity.subject), ne(pscIdentities.userId, userId)));
			if (other) return false;
			const row = identityRow(userId, identity, now);
			await tx.insert(pscIdentities).values(row).onConflictDoUpdate({ target: pscIdentities.userId, set: row });
			if (identity.rpps && isValidRpps(identity.rpps)) await tx.update(users).set({ rpps: identity.rpps }).where(eq(users.id, userId));
			await audit(tx, userId, how, identity);
			return true;
		});
	} catch (error) {
		// The same identity linked at the same moment to another account.
		if (isUniqueViolation(error, 'psc_identities_subject_key')) return false;
		throw error;
	}
}

/** The account a pending link would join (for the confirmation page), or null when expired or unknown. */
export async function getPscPendingLink(db: DbOrTx, pendingToken: string | null | undefined, now = new Date()) {
	if (!pendingToken) return null;
	const [row] = await db
		.select({ email: users.email, name: users.name, identity: pscPendingLinks.identity, expiresAt: pscPendingLinks.expiresAt })
		.from(pscPendingLinks)
		.innerJoin(users, eq(users.id, pscPendingLinks.userId))
		.where(eq(pscPendingLinks.tokenHash, hashToken(pendingToken)));
	if (!row || row.expiresAt <= now) return null;
	const identity = row.identity as unknown as PscIdentity;
	return { email: row.email, name: row.name, pscName: identity.name, rpps: identity.rpps };
}

/**
 * The owner of the account with the PSC identity's e-mail confirms with her password: the
 * identity is linked and she is signed in. A wrong password counts as a failed sign-in
 * (throttle.ts) and says the same as the sign-in form.
 */
export async function confirmPscLink(
	db: DbOrTx,
	pendingToken: string | null | undefined,
	form: FormData,
	client: ClientInfo,
	now = new Date()
): Promise<(SignedIn & { redirectTo: string }) | FormFailure | { ok: false; reason: PscRefusal }> {
	const password = form.get('password');
	const tokenHash = pendingToken ? hashToken(pendingToken) : null;
	const [pending] = tokenHash
		? await db
				.select({ link: pscPendingLinks, email: users.email, passwordHash: users.passwordHash })
				.from(pscPendingLinks)
				.innerJoin(users, eq(users.id, pscPendingLinks.userId))
				.where(eq(pscPendingLinks.tokenHash, tokenHash))
		: [];
	if (!pending || pending.link.expiresAt <= now) return { ok: false, reason: 'pendingExpired' };
	if (typeof password !== 'string' || !password) {
		return { ok: false, errors: { password: 'form.required' }, values: {} };
	}
	const origin = { email: pending.email, ip: client.ip };
	if (!(await checkSignInAllowed(db, origin, now)).allowed) return { ok: false, errors: {}, values: {}, message: 'auth.signIn.throttled' };
	if (!(await verifyPassword(pending.passwordHash, password))) {
		await recordSignInFailure(db, origin, now);
		return { ok: false, errors: {}, values: {}, message: 'auth.signIn.invalid' };
	}
	await recordSignInSuccess(db, origin);
	// Spent first: two submissions cannot both link.
	const [spent] = await db.delete(pscPendingLinks).where(eq(pscPendingLinks.tokenHash, tokenHash!)).returning();
	if (!spent) return { ok: false, reason: 'pendingExpired' };
	const identity = spent.identity as unknown as PscIdentity;
	if (!(await linkIdentity(db, spent.userId, identity, 'sign_in', now))) return { ok: false, reason: 'taken' };
	// PSC vouched for the address as well.
	await db
		.update(users)
		.set({ emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, ${now.toISOString()}::timestamptz)` })
		.where(eq(users.id, spent.userId));
	return { ...(await signInAs(db, spent.userId, client)), redirectTo: spent.redirectTo ?? '/' };
}

/** What the account page shows of the linked identity, or null. */
export async function getPscIdentity(db: DbOrTx, userId: string) {
	const [row] = await db
		.select({ rpps: pscIdentities.rpps, professionCode: pscIdentities.professionCode, linkedAt: pscIdentities.linkedAt })
		.from(pscIdentities)
		.where(eq(pscIdentities.userId, userId));
	return row ?? null;
}
