import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { emailTokens, sessions, users } from '../../src/lib/server/db/schema';
import { newAccountLimit, signUp } from '../../src/lib/server/auth/accounts';
import { hashToken } from '../../src/lib/server/shared/ids';
import { parseConfig } from '../../src/lib/server/config';
import { useTestDatabase } from '../helpers/db';
import { makeUser } from '../helpers/factories';
import { formData, mailsTo, tokenFromMail, validRpps } from '../helpers/auth';

const testDb = useTestDatabase();
const client = { ip: '198.51.100.2', userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0', locale: 'fr' as const };
let counter = 0;

function signUpForm(overrides: Record<string, string> = {}) {
	return formData({
		email: `nouvelle-${Date.now()}-${counter++}@exemple.fr`,
		name: 'Camille Durand',
		profession: 'sage_femme',
		rpps: '',
		password: 'Marche-du-dimanche-2026',
		passwordConfirmation: 'Marche-du-dimanche-2026',
		...overrides
	});
}

async function expectFieldError(overrides: Record<string, string>, field: string, key: string) {
	const outcome = await signUp(testDb.db, signUpForm(overrides), client);
	expect(outcome.ok).toBe(false);
	if (outcome.ok) return outcome;
	expect(outcome.errors[field]).toBe(key);
	return outcome;
}

describe('sign-up', () => {
	it('creates the account, sends the verification link and leaves signing in for later', async () => {
		const rpps = validRpps('1012345678');
		const outcome = await signUp(
			testDb.db,
			signUpForm({ email: '  Claire.Petit@Exemple.FR ', rpps: `${rpps.slice(0, 3)} ${rpps.slice(3, 7)} ${rpps.slice(7)}` }),
			client
		);
		expect(outcome).toEqual({ ok: true, email: 'claire.petit@exemple.fr' });
		const [user] = await testDb.db.select().from(users).where(eq(users.email, 'claire.petit@exemple.fr'));
		expect(user).toMatchObject({ email: 'claire.petit@exemple.fr', name: 'Camille Durand', profession: 'sage_femme', rpps, locale: 'fr' });
		expect(user.emailVerifiedAt).toBeNull();
		expect(user.passwordHash).toMatch(/^\$argon2id\$/);
		expect(user.passwordHash).not.toContain('Marche');
		// No session: an answer that signed in would tell a new address from a taken one.
		expect(await testDb.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);

		const [mail] = await mailsTo(testDb.db, 'claire.petit@exemple.fr', 'verify_email');
		expect(mail.subject).toBe('Confirmez votre adresse e-mail');
		expect(mail.textBody).toContain('Bonjour Camille Durand');
		const token = tokenFromMail(mail, '/verification/');
		const [stored] = await testDb.db.select().from(emailTokens).where(eq(emailTokens.id, hashToken(token)));
		expect(stored).toMatchObject({ userId: user.id, purpose: 'verify_email', usedAt: null });
		expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBe(48 * 3_600_000);
	});

	it('writes the mail in the language of the page', async () => {
		const outcome = await signUp(testDb.db, signUpForm({ email: 'english.speaker@exemple.fr' }), { ...client, locale: 'en' });
		expect(outcome.ok).toBe(true);
		const [mail] = await mailsTo(testDb.db, 'english.speaker@exemple.fr', 'verify_email');
		expect(mail.subject).toBe('Confirm your e-mail address');
	});

	it('refuses a malformed e-mail and keeps what was typed, never the passwords', async () => {
		const outcome = await expectFieldError({ email: 'camille.exemple.fr', name: 'Camille Émile' }, 'email', 'form.email');
		if (outcome.ok) return;
		expect(outcome.values).toMatchObject({ email: 'camille.exemple.fr', name: 'Camille Émile', profession: 'sage_femme' });
		expect(Object.keys(outcome.values).some((key) => /password/i.test(key))).toBe(false);
		expect(JSON.stringify(outcome)).not.toContain('Marche-du-dimanche');
	});

	it('refuses short, common and mismatched passwords', async () => {
		await expectFieldError({ password: 'Court-123', passwordConfirmation: 'Court-123' }, 'password', 'auth.password.tooShort');
		for (const common of ['motdepasse123', 'AZERTYUIOP', '1234567890', 'Soleil1234', 'aaaaaaaaaaaa']) {
			await expectFieldError({ password: common, passwordConfirmation: common }, 'password', 'auth.password.common');
		}
		await expectFieldError(
			{ email: 'jeanne.dupont@exemple.fr', password: 'jeanne.dupont', passwordConfirmation: 'jeanne.dupont' },
			'password',
			'auth.password.likeEmail'
		);
		await expectFieldError({ passwordConfirmation: 'Marche-du-lundi-2026' }, 'passwordConfirmation', 'auth.password.mismatch');
		await expectFieldError({ password: '' }, 'password', 'form.required');
	});

	it('refuses an RPPS number with a wrong key or the wrong length', async () => {
		const valid = validRpps();
		const wrongKey = valid.slice(0, 10) + ((Number(valid[10]) + 1) % 10);
		const outcome = await expectFieldError({ rpps: wrongKey }, 'rpps', 'auth.rpps.checksum');
		if (!outcome.ok) expect(outcome.values.rpps).toBe(wrongKey);
		await expectFieldError({ rpps: '1234567890' }, 'rpps', 'auth.rpps.format');
		await expectFieldError({ rpps: '1234567890A' }, 'rpps', 'auth.rpps.format');
	});

	it('answers oversized fields with field errors, not a crash', async () => {
		await expectFieldError({ name: 'N'.repeat(121) }, 'name', 'form.tooLong');
		await expectFieldError({ email: `${'a'.repeat(250)}@exemple.fr` }, 'email', 'form.tooLong');
		const long = 'Tres-long-'.repeat(21);
		await expectFieldError({ password: long, passwordConfirmation: long }, 'password', 'auth.password.tooLong');
		await expectFieldError({ rpps: '1'.repeat(100_000) }, 'rpps', 'auth.rpps.format');
		await expectFieldError({ name: 'x'.repeat(1_000_000) }, 'name', 'form.tooLong');
		await expectFieldError({ profession: 'astronaute' }, 'profession', 'form.choice');
		const missing = new FormData();
		const outcome = await signUp(testDb.db, missing, client);
		expect(outcome.ok === false && Object.keys(outcome.errors).sort()).toEqual(['email', 'name', 'password', 'profession']);
	});

	it('answers an e-mail that already has an account exactly as a new one, and tells its owner by mail', async () => {
		const existing = await makeUser(testDb.db, { name: 'Hélène Martin' });
		const fresh = await signUp(testDb.db, signUpForm({ email: 'jamais-vue@exemple.fr' }), client);
		const taken = await signUp(testDb.db, signUpForm({ email: existing.email.toUpperCase(), name: 'Intrus' }), client);
		expect(taken).toEqual({ ...fresh, email: existing.email });

		// Nothing changed for the account, and no verification link went out for it…
		const [owner] = await testDb.db.select().from(users).where(eq(users.email, existing.email));
		expect(owner).toMatchObject({ id: existing.id, name: 'Hélène Martin', passwordHash: existing.passwordHash });
		expect(await mailsTo(testDb.db, existing.email, 'verify_email')).toHaveLength(0);
		expect(await testDb.db.select().from(sessions).where(eq(sessions.userId, existing.id))).toHaveLength(0);
		// …but its owner learns of the attempt, with the ways in.
		const [mail] = await mailsTo(testDb.db, existing.email, 'sign_up_existing');
		expect(mail.subject).toBe('Tentative d’inscription avec votre adresse');
		expect(mail.textBody).toContain('Bonjour Hélène Martin');
		expect(mail.textBody).toMatch(/https?:\/\/\S+\/connexion/);
		expect(mail.textBody).toMatch(/https?:\/\/\S+\/mot-de-passe-oublie/);
		expect(await mailsTo(testDb.db, 'jamais-vue@exemple.fr', 'sign_up_existing')).toHaveLength(0);
	});

	it('creates one account for two simultaneous sign-ups with the same e-mail, answering both the same', async () => {
		const email = 'course@exemple.fr';
		const outcomes = await Promise.all([
			signUp(testDb.db, signUpForm({ email }), client),
			signUp(testDb.db, signUpForm({ email: email.toUpperCase(), name: 'Autre Personne' }), client)
		]);
		expect(outcomes).toEqual([
			{ ok: true, email },
			{ ok: true, email }
		]);
		const rows = await testDb.db.select().from(users).where(eq(users.email, email));
		expect(rows).toHaveLength(1);
		expect(await mailsTo(testDb.db, email, 'verify_email')).toHaveLength(1);
		expect(await mailsTo(testDb.db, email, 'sign_up_existing')).toHaveLength(1);
	});
});

describe('sign-up limit per client address', () => {
	const limit = newAccountLimit();
	const fromAddress = (ip: string) => ({ ...client, ip });
	const countAccounts = async (prefix: string) =>
		(await testDb.db.select({ email: users.email }).from(users)).filter((user) => user.email.startsWith(prefix)).length;

	it('is read from the configuration (10 a day by default), which refuses a malformed value by name', () => {
		expect(limit).toEqual({ perAddress: 10, windowMs: 24 * 3_600_000 });
		expect(parseConfig({ NEW_ACCOUNTS_PER_IP: '3', NEW_ACCOUNTS_PER_IP_WINDOW_HOURS: '1' })).toMatchObject({
			NEW_ACCOUNTS_PER_IP: 3,
			NEW_ACCOUNTS_PER_IP_WINDOW_HOURS: 1
		});
		expect(() => parseConfig({ NEW_ACCOUNTS_PER_IP: '0' })).toThrow(/NEW_ACCOUNTS_PER_IP/);
		expect(() => parseConfig({ NEW_ACCOUNTS_PER_IP_WINDOW_HOURS: 'demain' })).toThrow(/NEW_ACCOUNTS_PER_IP_WINDOW_HOURS/);
	});

	it('creates at most the configured number of accounts from one address per window, others unaffected', async () => {
		const small = { perAddress: 3, windowMs: 3_600_000 };
		const start = new Date('2026-05-04T08:00:00Z');
		const attempt = (ip: string, now: Date, index: number) =>
			signUp(testDb.db, signUpForm({ email: `rafale-${ip}-${now.getTime()}-${index}@exemple.fr` }), fromAddress(ip), now, small);
		for (let index = 0; index < small.perAddress; index++) expect((await attempt('203.0.113.40', start, index)).ok).toBe(true);
		const refused = await attempt('203.0.113.40', start, 99);
		expect(refused).toMatchObject({ ok: false, errors: {}, message: 'auth.signUp.tooMany' });
		expect(refused.ok === false && refused.values.email).toMatch(/^rafale-/);
		expect(await countAccounts('rafale-203.0.113.40-')).toBe(small.perAddress);

		expect((await attempt('203.0.113.41', start, 0)).ok).toBe(true);
		// A refused attempt does not push the window back: it ends an hour after the first sign-up.
		expect((await attempt('203.0.113.40', new Date(start.getTime() + 3_599_000), 100)).ok).toBe(false);
		expect((await attempt('203.0.113.40', new Date(start.getTime() + 3_600_000), 101)).ok).toBe(true);
	});

	it('holds when a script submits many sign-ups at once from one address', async () => {
		const small = { perAddress: 4, windowMs: 3_600_000 };
		const outcomes = await Promise.all(
			Array.from({ length: 16 }, (_, index) =>
				signUp(testDb.db, signUpForm({ email: `script-${index}@exemple.fr` }), fromAddress('203.0.113.50'), new Date(), small)
			)
		);
		expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(small.perAddress);
		expect(await countAccounts('script-')).toBe(small.perAddress);
	});
});
