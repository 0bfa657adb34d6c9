/**
 * Throttling of the account forms, with its state in the sign_in_throttle table so that it
 * holds across processes and restarts. Sign-in has two counters, each with growing locks
 * (exponential backoff):
 * - per account and client address ("email:<e-mail>|ip:<address>"): from the
 *   ACCOUNT_FREE_FAILURES-th consecutive failure on, each failure locks that pair for 1 minute,
 *   doubling each time up to 1 hour. Keying on the pair, not the account alone, is what keeps
 *   the owner in: someone guessing from one address locks themselves out, never the owner
 *   signing in from elsewhere. A success resets the pair; a day without failures forgets it.
 *   When the address is unknown (see clientInfo), the account alone is the key.
 * - per address ("ip:<address>"): from the IP_FREE_FAILURES-th failure across any accounts on,
 *   each failure locks the address for 1 minute, doubling up to 15 minutes (spraying many
 *   accounts from one place). An hour without failures forgets it; successes do not, or an
 *   attacker could reset it with an account of their own.
 * Attempts refused because of a lock are not counted (the lock does not grow while someone
 * waits). Sign-up has one counter per address ("signup:<address>"): at most a configured
 * number of accounts per window (admitNewAccount). Every write is one atomic upsert, so
 * concurrent processes agree on the count.
 */
import { eq, inArray, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { signInThrottle } from '../db/schema';

export const ACCOUNT_FREE_FAILURES = 5;
export const ACCOUNT_BASE_LOCK_MS = 60_000;
export const ACCOUNT_MAX_LOCK_MS = 60 * 60_000;
export const ACCOUNT_FORGET_AFTER_MS = 24 * 60 * 60_000;
export const IP_FREE_FAILURES = 30;
export const IP_BASE_LOCK_MS = 60_000;
export const IP_MAX_LOCK_MS = 15 * 60_000;
// Longer than the longest lock: the count must survive the lock it caused.
export const IP_FORGET_AFTER_MS = 60 * 60_000;

export interface SignInOrigin {
	email: string;
	ip?: string | null;
}

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

/** How one counter grows and is forgotten. */
interface BackoffRule {
	freeFailures: number;
	baseLockMs: number;
	maxLockMs: number;
	forgetAfterMs: number;
}

const ACCOUNT_RULE: BackoffRule = {
	freeFailures: ACCOUNT_FREE_FAILURES,
	baseLockMs: ACCOUNT_BASE_LOCK_MS,
	maxLockMs: ACCOUNT_MAX_LOCK_MS,
	forgetAfterMs: ACCOUNT_FORGET_AFTER_MS
};
const IP_RULE: BackoffRule = {
	freeFailures: IP_FREE_FAILURES,
	baseLockMs: IP_BASE_LOCK_MS,
	maxLockMs: IP_MAX_LOCK_MS,
	forgetAfterMs: IP_FORGET_AFTER_MS
};

const accountPrefix = (email: string) => `email:${email.trim().toLowerCase()}`;
const ipKey = (ip: string) => `ip:${ip}`;

function keysOf(origin: SignInOrigin): { account: string; ip: string | null } {
	const account = accountPrefix(origin.email);
	if (!origin.ip) return { account, ip: null };
	return { account: `${account}|${ipKey(origin.ip)}`, ip: ipKey(origin.ip) };
}

function lockMsOf(rule: BackoffRule, failures: number): number {
	if (failures < rule.freeFailures) return 0;
	return Math.min(rule.baseLockMs * 2 ** (failures - rule.freeFailures), rule.maxLockMs);
}

/** Lock duration after the n-th consecutive failure of an account from one address (0 while still free). */
export function accountLockMs(failures: number): number {
	return lockMsOf(ACCOUNT_RULE, failures);
}

/** Lock duration of an address after its n-th failure across accounts (0 while still free). */
export function ipLockMs(failures: number): number {
	return lockMsOf(IP_RULE, failures);
}

/** Whether an attempt from this origin may be checked now, or how long to wait. */
export async function checkSignInAllowed(db: DbOrTx, origin: SignInOrigin, now = new Date()): Promise<ThrottleDecision> {
	const keys = keysOf(origin);
	const rows = await db
		.select({ lockedUntil: signInThrottle.lockedUntil })
		.from(signInThrottle)
		.where(inArray(signInThrottle.key, keys.ip ? [keys.account, keys.ip] : [keys.account]));
	const waitMs = Math.max(0, ...rows.map((row) => (row.lockedUntil ? row.lockedUntil.getTime() - now.getTime() : 0)));
	return waitMs > 0 ? { allowed: false, retryAfterMs: waitMs } : { allowed: true };
}

/** Counts one failure on one key and sets its lock, in one atomic upsert. */
async function countFailure(db: DbOrTx, key: string, rule: BackoffRule, now: Date): Promise<void> {
	const at = sql`${now.toISOString()}::timestamptz`;
	// Durations are constants of this module, written into the SQL as interval literals.
	const interval = (ms: number) => sql.raw(`interval '${Math.trunc(ms)} milliseconds'`);
	const free = sql.raw(String(rule.freeFailures));
	// The new count, computed from the stored row inside the upsert: a counter left alone
	// long enough starts again from 1.
	const failures = sql`(case when ${signInThrottle.updatedAt} < ${at} - ${interval(rule.forgetAfterMs)}
		then 1 else ${signInThrottle.failures} + 1 end)`;
	const firstLockMs = lockMsOf(rule, 1);
	await db
		.insert(signInThrottle)
		.values({ key, failures: 1, lockedUntil: firstLockMs ? new Date(now.getTime() + firstLockMs) : null, updatedAt: now })
		.onConflictDoUpdate({
			target: signInThrottle.key,
			set: {
				failures,
				// The exponent is capped so that a long siege cannot overflow the interval type.
				lockedUntil: sql`(case when ${failures} >= ${free}
					then ${at} + least(power(2, least(${failures} - ${free}, 20)) * ${interval(rule.baseLockMs)}, ${interval(rule.maxLockMs)})
					else null end)`,
				updatedAt: now
			}
		});
}

/** Counts one failed attempt against the account from this address, and against the address. */
export async function recordSignInFailure(db: DbOrTx, origin: SignInOrigin, now = new Date()): Promise<void> {
	const keys = keysOf(origin);
	await countFailure(db, keys.account, ACCOUNT_RULE, now);
	if (keys.ip) await countFailure(db, keys.ip, IP_RULE, now);
}

/** Forgets the failures of an account from this address after a successful sign-in there. */
export async function recordSignInSuccess(db: DbOrTx, origin: SignInOrigin): Promise<void> {
	await db.delete(signInThrottle).where(eq(signInThrottle.key, keysOf(origin).account));
}

/**
 * Forgets the failures of an account from every address, once its password changed by a
 * reset link: guesses at the old password no longer matter.
 */
export async function forgetSignInFailures(db: DbOrTx, email: string): Promise<void> {
	const prefix = accountPrefix(email);
	await db
		.delete(signInThrottle)
		.where(or(eq(signInThrottle.key, prefix), sql`starts_with(${signInThrottle.key}, ${`${prefix}|`})`));
}

/** How many sign-ups one address may make, over how long. */
export interface NewAccountLimit {
	perAddress: number;
	windowMs: number;
}

/**
 * Counts a sign-up from this address and says whether it is within the limit. The window
 * starts at the address's first sign-up and is fixed: refused attempts count but do not push
 * it back, so the address is admitted again once it ends. The count comes back from the same
 * upsert that raises it, so 200 simultaneous sign-ups cannot all read "below the limit".
 */
export async function admitNewAccount(db: DbOrTx, ip: string, limit: NewAccountLimit, now = new Date()): Promise<boolean> {
	const at = sql`${now.toISOString()}::timestamptz`;
	const windowOver = sql`${signInThrottle.updatedAt} <= ${at} - ${sql.raw(`interval '${Math.trunc(limit.windowMs)} milliseconds'`)}`;
	const [row] = await db
		.insert(signInThrottle)
		.values({ key: `signup:${ip}`, failures: 1, updatedAt: now })
		.onConflictDoUpdate({
			target: signInThrottle.key,
			set: {
				failures: sql`(case when ${windowOver} then 1 else ${signInThrottle.failures} + 1 end)`,
				// updated_at holds when the window started.
				updatedAt: sql`(case when ${windowOver} then ${at} else ${signInThrottle.updatedAt} end)`
			}
		})
		.returning({ count: signInThrottle.failures });
	return row.count <= limit.perAddress;
}
