import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { signInThrottle } from '../../src/lib/server/db/schema';
import {
	ACCOUNT_FREE_FAILURES,
	ACCOUNT_MAX_LOCK_MS,
	IP_FORGET_AFTER_MS,
	IP_FREE_FAILURES,
	IP_MAX_LOCK_MS,
	accountLockMs,
	ipLockMs,
	checkSignInAllowed,
	recordSignInFailure,
	recordSignInSuccess
} from '../../src/lib/server/auth/throttle';
import { signIn } from '../../src/lib/server/auth/accounts';
import { useTestDatabase } from '../helpers/db';
import { makeUser } from '../helpers/factories';
import { formData } from '../helpers/auth';

const testDb = useTestDatabase();
const MINUTE = 60_000;
const at = (start: Date, ms: number) => new Date(start.getTime() + ms);
let counter = 0;
const freshEmail = () => `cible-${Date.now()}-${counter++}@exemple.fr`;

async function fail(email: string, times: number, now: Date, ip: string | null = null) {
	for (let attempt = 0; attempt < times; attempt++) await recordSignInFailure(testDb.db, { email, ip }, now);
}

describe('sign-in throttling per account', () => {
	it('locks the account at the 5th failure for one minute, then unlocks', async () => {
		const email = freshEmail();
		const start = new Date('2026-03-02T09:00:00Z');
		await fail(email, ACCOUNT_FREE_FAILURES - 1, start);
		expect(await checkSignInAllowed(testDb.db, { email }, start)).toEqual({ allowed: true });

		await fail(email, 1, start);
		const locked = await checkSignInAllowed(testDb.db, { email }, start);
		expect(locked).toEqual({ allowed: false, retryAfterMs: MINUTE });
		expect((await checkSignInAllowed(testDb.db, { email }, at(start, MINUTE - 1000))).allowed).toBe(false);
		expect((await checkSignInAllowed(testDb.db, { email }, at(start, MINUTE))).allowed).toBe(true);
	});

	it('doubles the lock at each further failure, up to one hour', async () => {
		const email = freshEmail();
		let now = new Date('2026-03-02T10:00:00Z');
		await fail(email, ACCOUNT_FREE_FAILURES, now);
		const locks: number[] = [];
		for (let failure = ACCOUNT_FREE_FAILURES + 1; failure <= ACCOUNT_FREE_FAILURES + 8; failure++) {
			now = at(now, ACCOUNT_MAX_LOCK_MS); // wait out any lock
			await fail(email, 1, now);
			const decision = await checkSignInAllowed(testDb.db, { email }, now);
			locks.push(decision.allowed ? 0 : decision.retryAfterMs);
		}
		expect(locks).toEqual([2, 4, 8, 16, 32, 60, 60, 60].map((minutes) => minutes * MINUTE));
		expect(locks).toEqual(locks.map((_, index) => accountLockMs(ACCOUNT_FREE_FAILURES + 1 + index)));
	});

	it('does not overflow after a very long siege', async () => {
		const email = freshEmail();
		const now = new Date('2026-03-02T11:00:00Z');
		await testDb.db.insert(signInThrottle).values({ key: `email:${email}`, failures: 100_000, updatedAt: now });
		await fail(email, 1, now);
		expect(await checkSignInAllowed(testDb.db, { email }, now)).toEqual({ allowed: false, retryAfterMs: ACCOUNT_MAX_LOCK_MS });
	});

	it('starts again after a success, and forgets failures after a quiet day', async () => {
		const email = freshEmail();
		const start = new Date('2026-03-02T12:00:00Z');
		await fail(email, ACCOUNT_FREE_FAILURES - 1, start);
		await recordSignInSuccess(testDb.db, { email });
		await fail(email, ACCOUNT_FREE_FAILURES - 1, start);
		expect((await checkSignInAllowed(testDb.db, { email }, start)).allowed).toBe(true);

		const nextDay = at(start, 25 * 60 * MINUTE);
		await fail(email, 1, nextDay);
		const [row] = await testDb.db.select().from(signInThrottle).where(eq(signInThrottle.key, `email:${email}`));
		expect(row.failures).toBe(1);
		expect((await checkSignInAllowed(testDb.db, { email }, nextDay)).allowed).toBe(true);
	});

	it('counts the e-mail whatever its case', async () => {
		const email = freshEmail();
		const now = new Date('2026-03-02T13:00:00Z');
		await fail(email.toUpperCase(), ACCOUNT_FREE_FAILURES, now);
		expect((await checkSignInAllowed(testDb.db, { email }, now)).allowed).toBe(false);
	});

	it('counts every one of concurrent failures (atomic upserts)', async () => {
		const email = freshEmail();
		const now = new Date('2026-03-02T14:00:00Z');
		await Promise.all(Array.from({ length: 12 }, () => recordSignInFailure(testDb.db, { email, ip: '198.51.100.9' }, now)));
		const rows = await testDb.db.select().from(signInThrottle).where(eq(signInThrottle.key, `email:${email}|ip:198.51.100.9`));
		expect(rows).toHaveLength(1);
		expect(rows[0].failures).toBe(12);
		expect(rows[0].lockedUntil?.getTime()).toBe(now.getTime() + accountLockMs(12));
	});
});

describe('sign-in throttling per address', () => {
	it('counts an account per address: a lock from one address leaves the others free', async () => {
		const email = freshEmail();
		const now = new Date('2026-03-03T08:00:00Z');
		await fail(email, ACCOUNT_FREE_FAILURES, now, '203.0.113.66');
		expect(await checkSignInAllowed(testDb.db, { email, ip: '203.0.113.66' }, now)).toEqual({ allowed: false, retryAfterMs: MINUTE });
		expect(await checkSignInAllowed(testDb.db, { email, ip: '198.51.100.66' }, now)).toEqual({ allowed: true });
		// A success from one address resets that pair only.
		await fail(email, ACCOUNT_FREE_FAILURES - 1, now, '198.51.100.66');
		await recordSignInSuccess(testDb.db, { email, ip: '198.51.100.66' });
		expect((await checkSignInAllowed(testDb.db, { email, ip: '203.0.113.66' }, now)).allowed).toBe(false);
		const [pair] = await testDb.db.select().from(signInThrottle).where(eq(signInThrottle.key, `email:${email}|ip:198.51.100.66`));
		expect(pair).toBeUndefined();
	});

	it('locks an address after 30 failures across accounts, longer at each further failure, not the other addresses', async () => {
		let now = new Date('2026-03-03T09:00:00Z');
		const ip = '203.0.113.7';
		for (let attempt = 0; attempt < IP_FREE_FAILURES - 1; attempt++) {
			await recordSignInFailure(testDb.db, { email: freshEmail(), ip }, now);
		}
		expect((await checkSignInAllowed(testDb.db, { email: freshEmail(), ip }, now)).allowed).toBe(true);
		await recordSignInFailure(testDb.db, { email: freshEmail(), ip }, now);
		expect(await checkSignInAllowed(testDb.db, { email: freshEmail(), ip }, now)).toEqual({ allowed: false, retryAfterMs: MINUTE });
		expect((await checkSignInAllowed(testDb.db, { email: freshEmail(), ip: '203.0.113.8' }, now)).allowed).toBe(true);
		expect((await checkSignInAllowed(testDb.db, { email: freshEmail(), ip }, at(now, MINUTE))).allowed).toBe(true);

		const locks: number[] = [];
		for (let extra = 1; extra <= 6; extra++) {
			now = at(now, IP_MAX_LOCK_MS); // wait out any lock
			await recordSignInFailure(testDb.db, { email: freshEmail(), ip }, now);
			const decision = await checkSignInAllowed(testDb.db, { email: freshEmail(), ip }, now);
			locks.push(decision.allowed ? 0 : decision.retryAfterMs);
		}
		expect(locks).toEqual([2, 4, 8, 15, 15, 15].map((minutes) => minutes * MINUTE));
		expect(locks).toEqual(locks.map((_, index) => ipLockMs(IP_FREE_FAILURES + 1 + index)));
	});

	it('forgets an address after a quiet hour', async () => {
		const start = new Date('2026-03-03T10:00:00Z');
		const ip = '203.0.113.20';
		for (let attempt = 0; attempt < IP_FREE_FAILURES - 1; attempt++) {
			await recordSignInFailure(testDb.db, { email: freshEmail(), ip }, start);
		}
		const later = at(start, IP_FORGET_AFTER_MS + 1000);
		await recordSignInFailure(testDb.db, { email: freshEmail(), ip }, later);
		expect((await checkSignInAllowed(testDb.db, { email: freshEmail(), ip }, later)).allowed).toBe(true);
	});
});

describe('throttling state lives in the database', () => {
	it('is seen by another connection (another process, or after a restart)', async () => {
		const email = freshEmail();
		const now = new Date();
		await fail(email, ACCOUNT_FREE_FAILURES, now, '192.0.2.44');
		const other = await testDb.reopen();
		try {
			expect((await checkSignInAllowed(other.db, { email, ip: '192.0.2.44' }, now)).allowed).toBe(false);
			// And the other handle's writes count for this one.
			await recordSignInFailure(other.db, { email, ip: '192.0.2.44' }, now);
			const [row] = await other.db.select().from(signInThrottle).where(eq(signInThrottle.key, 'ip:192.0.2.44'));
			expect(row.failures).toBe(ACCOUNT_FREE_FAILURES + 1);
		} finally {
			await other.close();
		}
	});
});

describe('sign-in through the account function', () => {
	const owner = { ip: '198.51.100.1', userAgent: 'vitest' };
	const attacker = { ip: '203.0.113.99', userAgent: 'curl' };

	it('answers the same for an unknown e-mail and a wrong password', async () => {
		const user = await makeUser(testDb.db);
		const unknown = await signIn(testDb.db, formData({ email: freshEmail(), password: 'Nimporte-quoi-42' }), owner);
		const wrong = await signIn(testDb.db, formData({ email: user.email, password: 'Mauvais-mot-de-passe' }), owner);
		expect(unknown).toMatchObject({ ok: false, errors: {}, message: 'auth.signIn.invalid' });
		expect(wrong).toMatchObject({ ok: false, errors: {}, message: 'auth.signIn.invalid' });
		expect(wrong.ok === false && wrong.values).toEqual({ email: user.email });
	});

	it('locks the guessing address after 5 failures while the owner signs in from another address', async () => {
		const user = await makeUser(testDb.db);
		const start = new Date();
		for (let attempt = 1; attempt <= ACCOUNT_FREE_FAILURES; attempt++) {
			await signIn(testDb.db, formData({ email: user.email, password: `Mauvais-mot-de-passe-${attempt}` }), attacker, start);
		}
		// From the guessing address even the right password is refused, with the same-looking message…
		const locked = await signIn(testDb.db, formData({ email: user.email, password: user.password }), attacker, start);
		expect(locked).toMatchObject({ ok: false, message: 'auth.signIn.throttled' });
		// …while the owner, elsewhere, is not held back by it.
		const ownerIn = await signIn(testDb.db, formData({ email: user.email, password: user.password }), owner, start);
		expect(ownerIn.ok).toBe(true);
		// The owner's success does not lift the attacker's lock.
		expect(await signIn(testDb.db, formData({ email: user.email, password: user.password }), attacker, start)).toMatchObject({
			ok: false,
			message: 'auth.signIn.throttled'
		});

		const later = at(start, MINUTE + 1000);
		const signedIn = await signIn(testDb.db, formData({ email: user.email.toUpperCase(), password: user.password }), attacker, later);
		expect(signedIn.ok).toBe(true);
		const rows = await testDb.db.select().from(signInThrottle).where(eq(signInThrottle.key, `email:${user.email}|ip:${attacker.ip}`));
		expect(rows).toHaveLength(0);
	});

	it('throttles one address trying many accounts, and only that address', async () => {
		const users = await Promise.all(Array.from({ length: 3 }, () => makeUser(testDb.db)));
		const sprayer = { ip: '203.0.113.150', userAgent: 'curl' };
		const start = new Date();
		for (let attempt = 0; attempt < IP_FREE_FAILURES; attempt++) {
			const target = attempt < 9 ? users[attempt % 3].email : freshEmail();
			await signIn(testDb.db, formData({ email: target, password: `Essai-numero-${attempt}` }), sprayer, start);
		}
		// No single account reached its own limit from there, yet the address is held back.
		const [victim] = users;
		expect(await signIn(testDb.db, formData({ email: victim.email, password: victim.password }), sprayer, start)).toMatchObject({
			ok: false,
			message: 'auth.signIn.throttled'
		});
		expect((await signIn(testDb.db, formData({ email: victim.email, password: victim.password }), owner, start)).ok).toBe(true);
	});
});
