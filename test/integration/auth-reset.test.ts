import { describe, expect, it } from 'vitest';
import { eq, like } from 'drizzle-orm';
import { signInThrottle, users } from '../../src/lib/server/db/schema';
import { checkResetLink, requestPasswordReset, resetPassword, signIn } from '../../src/lib/server/auth/accounts';
import { createSession, validateSessionToken } from '../../src/lib/server/auth/session';
import { recordSignInFailure } from '../../src/lib/server/auth/throttle';
import { useTestDatabase } from '../helpers/db';
import { makeUser } from '../helpers/factories';
import { formData, mailsTo, tokenFromMail } from '../helpers/auth';

const testDb = useTestDatabase();
const client = { ip: '198.51.100.3', userAgent: 'vitest' };
const NEW_PASSWORD = 'Nouvelle-saison-des-cerises';
const newPasswordForm = (password = NEW_PASSWORD, confirmation = password) =>
	formData({ password, passwordConfirmation: confirmation });

async function askForReset(email: string, now = new Date()) {
	const outcome = await requestPasswordReset(testDb.db, formData({ email }), now);
	expect(outcome.ok).toBe(true);
	const [mail] = await mailsTo(testDb.db, email.trim().toLowerCase(), 'reset_password');
	return mail ? tokenFromMail(mail, '/reinitialisation/') : null;
}

describe('password reset request', () => {
	it('answers the same for an unknown address, and sends nothing', async () => {
		const unknown = await requestPasswordReset(testDb.db, formData({ email: 'personne@exemple.fr' }));
		expect(unknown).toEqual({ ok: true, values: { email: 'personne@exemple.fr' } });
		expect(await mailsTo(testDb.db, 'personne@exemple.fr', 'reset_password')).toHaveLength(0);
	});

	it('sends a one-hour link to an existing account', async () => {
		const user = await makeUser(testDb.db, { locale: 'en' });
		const start = new Date();
		const token = await askForReset(` ${user.email.toUpperCase()} `, start);
		expect(token).toBeTruthy();
		const [mail] = await mailsTo(testDb.db, user.email, 'reset_password');
		expect(mail.subject).toBe('Resetting your password');
		expect(await checkResetLink(testDb.db, token!, new Date(start.getTime() + 3_599_000))).toEqual({ ok: true, userId: user.id });
		expect(await checkResetLink(testDb.db, token!, new Date(start.getTime() + 3_600_000))).toMatchObject({ ok: false, problem: 'expired' });
	});

	it('refuses a malformed or oversized address with a field error', async () => {
		const outcome = await requestPasswordReset(testDb.db, formData({ email: 'pas-une-adresse' }));
		expect(outcome).toMatchObject({ ok: false, errors: { email: 'form.email' }, values: { email: 'pas-une-adresse' } });
		const huge = await requestPasswordReset(testDb.db, formData({ email: `${'a'.repeat(300)}@exemple.fr` }));
		expect(huge).toMatchObject({ ok: false, errors: { email: 'form.tooLong' } });
	});

	it('sends at most one link a minute, and a new link kills the previous one', async () => {
		const user = await makeUser(testDb.db);
		const start = new Date('2026-05-01T08:00:00Z');
		const first = await askForReset(user.email, start);
		await askForReset(user.email, new Date(start.getTime() + 30_000));
		expect(await mailsTo(testDb.db, user.email, 'reset_password')).toHaveLength(1);
		const second = await askForReset(user.email, new Date(start.getTime() + 61_000));
		expect(second).not.toBe(first);
		const at = new Date(start.getTime() + 62_000);
		expect(await checkResetLink(testDb.db, first!, at)).toMatchObject({ ok: false, problem: 'invalid' });
		expect((await checkResetLink(testDb.db, second!, at)).ok).toBe(true);
	});
});

describe('password reset by link', () => {
	it('sets the password, closes every session, opens a new one, and works only once', async () => {
		const user = await makeUser(testDb.db, { emailVerifiedAt: null });
		const laptop = await createSession(testDb.db, user.id);
		const phone = await createSession(testDb.db, user.id);
		const token = await askForReset(user.email);

		const outcome = await resetPassword(testDb.db, token!, newPasswordForm(), client);
		expect(outcome.ok).toBe(true);
		if (!outcome.ok) return;
		expect((await validateSessionToken(testDb.db, laptop.token)).user).toBeNull();
		expect((await validateSessionToken(testDb.db, phone.token)).user).toBeNull();
		const fresh = await validateSessionToken(testDb.db, outcome.token);
		expect(fresh.user?.id).toBe(user.id);
		// Opening the link proved the address.
		expect(fresh.user?.emailVerified).toBe(true);

		expect((await signIn(testDb.db, formData({ email: user.email, password: user.password }), client)).ok).toBe(false);
		expect((await signIn(testDb.db, formData({ email: user.email, password: NEW_PASSWORD }), client)).ok).toBe(true);

		const again = await resetPassword(testDb.db, token!, newPasswordForm('Encore-un-autre-essai'), client);
		expect(again).toEqual({ ok: false, problem: 'used' });
		expect(await mailsTo(testDb.db, user.email, 'password_changed')).toHaveLength(1);
	});

	it('refuses a weak new password and keeps the link usable', async () => {
		const user = await makeUser(testDb.db);
		const token = await askForReset(user.email);
		expect(await resetPassword(testDb.db, token!, newPasswordForm('azertyuiop'), client)).toMatchObject({
			ok: false,
			errors: { password: 'auth.password.common' }
		});
		expect(await resetPassword(testDb.db, token!, newPasswordForm(NEW_PASSWORD, 'autre chose'), client)).toMatchObject({
			ok: false,
			errors: { passwordConfirmation: 'auth.password.mismatch' }
		});
		expect(await resetPassword(testDb.db, token!, newPasswordForm(user.email), client)).toMatchObject({
			ok: false,
			errors: { password: 'auth.password.likeEmail' }
		});
		const [before] = await testDb.db.select().from(users).where(eq(users.id, user.id));
		expect((await resetPassword(testDb.db, token!, newPasswordForm(), client)).ok).toBe(true);
		const [after] = await testDb.db.select().from(users).where(eq(users.id, user.id));
		expect(after.passwordHash).not.toBe(before.passwordHash);
	});

	it('refuses an expired link without changing anything', async () => {
		const user = await makeUser(testDb.db);
		const start = new Date('2026-05-02T08:00:00Z');
		const token = await askForReset(user.email, start);
		const outcome = await resetPassword(testDb.db, token!, newPasswordForm(), client, new Date(start.getTime() + 3_600_000));
		expect(outcome).toEqual({ ok: false, problem: 'expired' });
		expect((await signIn(testDb.db, formData({ email: user.email, password: user.password }), client)).ok).toBe(true);
	});

	it('lets only one of two simultaneous submissions of the same link through', async () => {
		const user = await makeUser(testDb.db);
		const token = await askForReset(user.email);
		const outcomes = await Promise.all([
			resetPassword(testDb.db, token!, newPasswordForm('Premier-mot-de-passe-long'), client),
			resetPassword(testDb.db, token!, newPasswordForm('Second-mot-de-passe-long'), client)
		]);
		expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
		expect(outcomes.find((outcome) => !outcome.ok)).toEqual({ ok: false, problem: 'used' });
	});

	it('lifts the sign-in lock of the account', async () => {
		const user = await makeUser(testDb.db);
		for (let attempt = 0; attempt < 5; attempt++) {
			await recordSignInFailure(testDb.db, { email: user.email });
			await recordSignInFailure(testDb.db, { email: user.email, ip: '203.0.113.5' });
		}
		const token = await askForReset(user.email);
		expect((await resetPassword(testDb.db, token!, newPasswordForm(), client)).ok).toBe(true);
		// From every address: guesses at the old password no longer matter.
		const left = await testDb.db.select().from(signInThrottle).where(like(signInThrottle.key, `email:${user.email}%`));
		expect(left).toHaveLength(0);
		expect((await signIn(testDb.db, formData({ email: user.email, password: NEW_PASSWORD }), client)).ok).toBe(true);
	});
});
