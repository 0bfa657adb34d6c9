import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { users } from '../../src/lib/server/db/schema';
import { RESEND_INTERVAL_MS, resendVerification, signUp, verifyEmail } from '../../src/lib/server/auth/accounts';
import { consumeEmailToken, issueEmailToken } from '../../src/lib/server/auth/tokens';
import { useTestDatabase } from '../helpers/db';
import { makeUser } from '../helpers/factories';
import { formData, mailsTo, tokenFromMail } from '../helpers/auth';

const testDb = useTestDatabase();
const HOUR = 3_600_000;
let counter = 0;

/** Signs up a new account at `now` and returns it with the token of its verification mail. */
async function newAccount(now = new Date()) {
	const email = `a-verifier-${Date.now()}-${counter++}@exemple.fr`;
	const outcome = await signUp(
		testDb.db,
		formData({ email, name: 'Lucie Bernard', profession: 'orthophoniste', password: 'Lecture-a-voix-haute', passwordConfirmation: 'Lecture-a-voix-haute' }),
		{ ip: null, userAgent: null, locale: 'fr' },
		now
	);
	if (!outcome.ok) throw new Error(JSON.stringify(outcome));
	const [user] = await testDb.db.select({ id: users.id }).from(users).where(eq(users.email, email));
	const [mail] = await mailsTo(testDb.db, email, 'verify_email');
	return { userId: user.id, email, token: tokenFromMail(mail, '/verification/') };
}

const isVerified = async (userId: string) =>
	(await testDb.db.select().from(users).where(eq(users.id, userId)))[0].emailVerifiedAt !== null;

describe('e-mail verification', () => {
	it('verifies the address once; the link then says the address is already verified', async () => {
		const account = await newAccount();
		expect(await isVerified(account.userId)).toBe(false);
		expect(await verifyEmail(testDb.db, account.token)).toEqual({ ok: true, userId: account.userId });
		expect(await isVerified(account.userId)).toBe(true);
		expect(await verifyEmail(testDb.db, account.token)).toEqual({ ok: false, problem: 'alreadyVerified' });
	});

	it('refuses an expired link (48 hours) and leaves the address unverified', async () => {
		const start = new Date('2026-04-01T08:00:00Z');
		const account = await newAccount(start);
		const late = new Date(start.getTime() + 48 * HOUR);
		expect(await verifyEmail(testDb.db, account.token, late)).toEqual({ ok: false, problem: 'expired' });
		expect(await isVerified(account.userId)).toBe(false);
		expect((await verifyEmail(testDb.db, account.token, new Date(late.getTime() - 1000))).ok).toBe(true);
	});

	it('refuses unknown and malformed links', async () => {
		expect(await verifyEmail(testDb.db, 'abcdefghijklmnopqrstuvwxyz234567')).toEqual({ ok: false, problem: 'invalid' });
		expect(await verifyEmail(testDb.db, "../../etc/passwd'; --")).toEqual({ ok: false, problem: 'invalid' });
		expect(await verifyEmail(testDb.db, 'x'.repeat(10_000))).toEqual({ ok: false, problem: 'invalid' });
	});

	it('spends a token for exactly one of two simultaneous clicks', async () => {
		const user = await makeUser(testDb.db, { emailVerifiedAt: null });
		const token = await issueEmailToken(testDb.db, user.id, 'verify_email');
		const results = await Promise.all([1, 2, 3].map(() => consumeEmailToken(testDb.db, token, 'verify_email')));
		expect(results.filter((result) => result.ok)).toHaveLength(1);
		expect(results.filter((result) => !result.ok && result.problem === 'used')).toHaveLength(2);
		// A token of one purpose does not work for the other.
		const other = await issueEmailToken(testDb.db, user.id, 'verify_email');
		expect((await consumeEmailToken(testDb.db, other, 'reset_password')).ok).toBe(false);
	});

	it('resends at most once a minute, and only the latest link works', async () => {
		const start = new Date('2026-04-02T08:00:00Z');
		const account = await newAccount(start);
		expect(await resendVerification(testDb.db, account.userId, new Date(start.getTime() + 10_000))).toBe('tooSoon');
		expect(await mailsTo(testDb.db, account.email, 'verify_email')).toHaveLength(1);

		const later = new Date(start.getTime() + RESEND_INTERVAL_MS);
		expect(await resendVerification(testDb.db, account.userId, later)).toBe('sent');
		const mails = await mailsTo(testDb.db, account.email, 'verify_email');
		expect(mails).toHaveLength(2);
		const newToken = tokenFromMail(mails[0], '/verification/');
		expect(newToken).not.toBe(account.token);
		expect(await verifyEmail(testDb.db, account.token, later)).toEqual({ ok: false, problem: 'invalid' });
		expect((await verifyEmail(testDb.db, newToken, later)).ok).toBe(true);
		expect(await resendVerification(testDb.db, account.userId, new Date(later.getTime() + HOUR))).toBe('alreadyVerified');
	});
});
