/**
 * Sign-in throttling, with its state in the sign_in_throttle table so that it holds across
 * processes and restarts. Two counters:
 * - per account ("email:<address>"): from the ACCOUNT_FREE_FAILURES-th consecutive failure on,
 *   each failure locks the account for 1 minute, doubling each time up to 1 hour. A success
 *   resets it; a day without failures forgets it.
 * - per address ("ip:<address>"): IP_MAX_FAILURES failures without a pause of IP_WINDOW_MS lock
 *   the address for IP_WINDOW_MS (spraying many accounts from one place).
 * Attempts refused because of a lock are not counted (the lock does not grow while the real
 * owner waits). Every write is one atomic upsert, so concurrent processes agree on the count.
 */
import { inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { signInThrottle } from '../db/schema';

export const ACCOUNT_FREE_FAILURES = 5;
export const ACCOUNT_BASE_LOCK_MS = 60_000;
export const ACCOUNT_MAX_LOCK_MS = 60 * 60_000;
export const ACCOUNT_FORGET_AFTER_MS = 24 * 60 * 60_000;
export const IP_MAX_FAILURES = 30;
export const IP_WINDOW_MS = 15 * 60_000;

export interface SignInOrigin {
	email: string;
	ip?: string | null;
}

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

const accountKey = (email: string) => `email:${email.trim().toLowerCase()}`;
const ipKey = (ip: string) => `ip:${ip}`;

function keysOf(origin: SignInOrigin): { account: string; ip: string | null } {
	return { account: accountKey(origin.email), ip: origin.ip ? ipKey(origin.ip) : null };
}

/** Lock duration after the n-th consecutive failure of an account (0 while still free). */
export function accountLockMs(failures: number): number {
	if (failures < ACCOUNT_FREE_FAILURES) return 0;
	return Math.min(ACCOUNT_BASE_LOCK_MS * 2 ** (failures - ACCOUNT_FREE_FAILURES), ACCOUNT_MAX_LOCK_MS);
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

/** Counts one failed attempt against the account and the address. */
export async function recordSignInFailure(db: DbOrTx, origin: SignInOrigin, now = new Date()): Promise<void> {
	const keys = keysOf(origin);
	const at = sql`${now.toISOString()}::timestamptz`;
	// Durations are constants of this module, written into the SQL as interval literals.
	const interval = (ms: number) => sql.raw(`interval '${Math.trunc(ms)} milliseconds'`);
	const free = sql.raw(String(ACCOUNT_FREE_FAILURES));
	const stored = signInThrottle;

	// The new count, computed from the stored row inside the upsert: a counter left alone
	// long enough starts again from 1.
	const accountFailures = sql`(case when ${stored.updatedAt} < ${at} - ${interval(ACCOUNT_FORGET_AFTER_MS)}
		then 1 else ${stored.failures} + 1 end)`;
	await db
		.insert(signInThrottle)
		.values({
			key: keys.account,
			failures: 1,
			lockedUntil: accountLockMs(1) ? new Date(now.getTime() + accountLockMs(1)) : null,
			updatedAt: now
		})
		.onConflictDoUpdate({
			target: signInThrottle.key,
			set: {
				failures: accountFailures,
				// The exponent is capped so that a long siege cannot overflow the interval type.
				lockedUntil: sql`(case when ${accountFailures} >= ${free}
					then ${at} + least(power(2, least(${accountFailures} - ${free}, 20)) * ${interval(ACCOUNT_BASE_LOCK_MS)}, ${interval(ACCOUNT_MAX_LOCK_MS)})
					else null end)`,
				updatedAt: now
			}
		});

	if (!keys.ip) return;
	const ipFailures = sql`(case when ${stored.updatedAt} < ${at} - ${interval(IP_WINDOW_MS)}
		then 1 else ${stored.failures} + 1 end)`;
	await db
		.insert(signInThrottle)
		.values({ key: keys.ip, failures: 1, lockedUntil: null, updatedAt: now })
		.onConflictDoUpdate({
			target: signInThrottle.key,
			set: {
				failures: ipFailures,
				lockedUntil: sql`(case when ${ipFailures} >= ${sql.raw(String(IP_MAX_FAILURES))}
					then ${at} + ${interval(IP_WINDOW_MS)} else null end)`,
				updatedAt: now
			}
		});
}

/** Forgets the failures of an account after a successful sign-in (or a password reset). */
export async function recordSignInSuccess(db: DbOrTx, email: string): Promise<void> {
	await db.delete(signInThrottle).where(inArray(signInThrottle.key, [accountKey(email)]));
}
