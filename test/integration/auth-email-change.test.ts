/** Changing the account's e-mail address: password required, other sessions closed, new address to verify, former one told. */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { users } from '../../src/lib/server/db/schema';
import { signIn, verifyEmail } from '../../src/lib/server/auth/accounts';
import { changeEmail } from '../../src/lib/server/auth/email-change';
import { createSession, validateSessionToken } from '../../src/lib/server/auth/session';
import { issueEmailToken } from '../../src/lib/server/auth/tokens';
import { useTestDatabase } from '../helpers/db';
import { makeUser } from '../helpers/factories';
import { formData, mailsTo, tokenFromMail } from '../helpers/auth';

const testDb = useTestDatabase();

describe('e-mail change', () => {
	it('refuses a wrong password, the same address, or one another account has, and changes nothing', async () => {
		const user = await makeUser(testDb.db);
		const neighbour = await makeUser(testDb.db);
		const current = await createSession(testDb.db, user.id);
		const other = await createSession(testDb.db, user.id);
		const change = (email: string, currentPassword = user.password) => changeEmail(testDb.db, user.id, current.session.id, formData({ email, currentPassword }));
		expect(await change('nouvelle@exemple.fr', 'pas-le-bon-mot-de-passe')).toMatchObject({ ok: false, errors: { currentPassword: 'auth.password.currentWrong' } });
		expect(await change(` ${user.email.toUpperCase()} `)).toMatchObject({ ok: false, errors: { email: 'auth.email.same' } });
		expect(await change(neighbour.email)).toMatchObject({ ok: false, errors: { email: 'auth.email.taken' } });
		expect(await change('pas-une-adresse')).toMatchObject({ ok: false, errors: { email: 'form.email' }, values: { email: 'pas-une-adresse' } });
		const [row] = await testDb.db.select().from(users).where(eq(users.id, user.id));
		expect(row).toMatchObject({ email: user.email });
		expect(row.emailVerifiedAt).not.toBeNull();
		expect((await validateSessionToken(testDb.db, other.token)).user).not.toBeNull();
	});

	it('sets the new address unverified, closes the other sessions, sends the link there and tells the former one', async () => {
		const user = await makeUser(testDb.db);
		const current = await createSession(testDb.db, user.id);
		const other = await createSession(testDb.db, user.id);
		// A link sent to the former address before the change must not verify the new one.
		const oldLink = await issueEmailToken(testDb.db, user.id, 'verify_email');
		const outcome = await changeEmail(testDb.db, user.id, current.session.id, formData({ email: 'Claire.Nouvelle@Exemple.fr', currentPassword: user.password }));
		expect(outcome).toEqual({ ok: true, email: 'claire.nouvelle@exemple.fr' });
		expect((await validateSessionToken(testDb.db, current.token)).user).toMatchObject({ email: 'claire.nouvelle@exemple.fr', emailVerified: false });
		expect((await validateSessionToken(testDb.db, other.token)).user).toBeNull();
		expect(await mailsTo(testDb.db, user.email, 'email_changed')).toHaveLength(1);
		expect((await verifyEmail(testDb.db, oldLink)).ok).toBe(false);
		const [mail] = await mailsTo(testDb.db, 'claire.nouvelle@exemple.fr', 'verify_email');
		expect(await verifyEmail(testDb.db, tokenFromMail(mail, '/verification/'))).toEqual({ ok: true, userId: user.id });
		expect((await signIn(testDb.db, formData({ email: 'claire.nouvelle@exemple.fr', password: user.password }), {})).ok).toBe(true);
		expect((await signIn(testDb.db, formData({ email: user.email, password: user.password }), {})).ok).toBe(false);
	});
});
