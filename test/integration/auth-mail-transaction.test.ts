/**
 * An account change and the mail that goes with it are one transaction: when the mail
 * cannot be queued, the change does not happen (no account without its verification mail,
 * no reset link nobody received, no new password without the owner's warning).
 * The database refuses mails to one address with a trigger, as a full disk or a broken
 * constraint would.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { emailTokens, sessions, users } from '../../src/lib/server/db/schema';
import { changePassword, requestPasswordReset, resendVerification, signUp } from '../../src/lib/server/auth/accounts';
import { createSession } from '../../src/lib/server/auth/session';
import { useTestDatabase } from '../helpers/db';
import { makeUser } from '../helpers/factories';
import { formData, mailsTo } from '../helpers/auth';

const testDb = useTestDatabase();
const REFUSED = 'courrier-refuse@exemple.fr';
const client = { ip: null, userAgent: 'vitest', locale: 'fr' as const };

beforeAll(async () => {
	await testDb.db.execute(
		sql.raw(`create function refuse_test_mail() returns trigger language plpgsql as $$
			begin
				if new.to_address = '${REFUSED}' then raise exception 'mail refused for the test'; end if;
				return new;
			end $$`)
	);
	await testDb.db.execute(sql.raw('create trigger refuse_test_mail before insert on mail_outbox for each row execute function refuse_test_mail()'));
});

afterAll(async () => {
	await testDb.db.execute(sql.raw('drop trigger if exists refuse_test_mail on mail_outbox'));
	await testDb.db.execute(sql.raw('drop function if exists refuse_test_mail()'));
});

const tokensOf = (userId: string) => testDb.db.select().from(emailTokens).where(eq(emailTokens.userId, userId));

describe('account changes and their mails', () => {
	it('creates no account when its verification mail cannot be queued', async () => {
		const form = formData({
			email: REFUSED,
			name: 'Camille Durand',
			profession: 'sage_femme',
			rpps: '',
			password: 'Marche-du-dimanche-2026',
			passwordConfirmation: 'Marche-du-dimanche-2026'
		});
		await expect(signUp(testDb.db, form, client)).rejects.toThrow();
		expect(await testDb.db.select().from(users).where(eq(users.email, REFUSED))).toHaveLength(0);
	});

	it('issues no reset link, and keeps the old one, when the reset mail cannot be queued', async () => {
		const user = await makeUser(testDb.db, { email: REFUSED });
		await expect(requestPasswordReset(testDb.db, formData({ email: REFUSED }))).rejects.toThrow();
		expect(await tokensOf(user.id)).toHaveLength(0);
		expect(await mailsTo(testDb.db, REFUSED, 'reset_password')).toHaveLength(0);
		await testDb.db.delete(users).where(eq(users.id, user.id));
	});

	it('keeps the earlier verification link when the new one cannot be mailed', async () => {
		const user = await makeUser(testDb.db, { email: REFUSED, emailVerifiedAt: null });
		const earlier = new Date(Date.now() - 10 * 60_000);
		await testDb.db.insert(emailTokens).values({ id: 'earlier-link', userId: user.id, purpose: 'verify_email', createdAt: earlier, expiresAt: new Date(Date.now() + 3_600_000) });
		await expect(resendVerification(testDb.db, user.id)).rejects.toThrow();
		expect((await tokensOf(user.id)).map((token) => token.id)).toEqual(['earlier-link']);
		await testDb.db.delete(users).where(eq(users.id, user.id));
	});

	it('keeps the password and the other sessions when the warning mail cannot be queued', async () => {
		const user = await makeUser(testDb.db, { email: REFUSED, password: 'Ancienne-phrase-de-passe-2025' });
		const { session: current } = await createSession(testDb.db, user.id, { userAgent: 'vitest' });
		const { session: other } = await createSession(testDb.db, user.id, { userAgent: 'autre navigateur' });
		const [before] = await testDb.db.select().from(users).where(eq(users.id, user.id));
		const form = formData({ currentPassword: 'Ancienne-phrase-de-passe-2025', newPassword: 'Nouvelle-saison-des-cerises', newPasswordConfirmation: 'Nouvelle-saison-des-cerises' });
		await expect(changePassword(testDb.db, user.id, current.id, form)).rejects.toThrow();
		const [after] = await testDb.db.select().from(users).where(eq(users.id, user.id));
		expect(after.passwordHash).toBe(before.passwordHash);
		expect((await testDb.db.select().from(sessions).where(eq(sessions.userId, user.id))).map((row) => row.id).sort()).toEqual([current.id, other.id].sort());
	});

	it('still queues the mails of other addresses', async () => {
		const user = await makeUser(testDb.db);
		await requestPasswordReset(testDb.db, formData({ email: user.email }));
		expect(await mailsTo(testDb.db, user.email, 'reset_password')).toHaveLength(1);
	});
});
