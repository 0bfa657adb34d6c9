import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { sessions, users } from '../../src/lib/server/db/schema';
import {
	changePassword,
	getAccount,
	listAccountSessions,
	signIn,
	signOutOtherSessions,
	signOutSession,
	updateProfile
} from '../../src/lib/server/auth/accounts';
import { createSession, validateSessionToken } from '../../src/lib/server/auth/session';
import { useTestDatabase } from '../helpers/db';
import { makeCpts, makeMembership, makeUser } from '../helpers/factories';
import { listMembers } from '../../src/lib/server/cpts';
import { personProfessionKey } from '../../src/lib/domain/professions';
import { translate } from '../../src/lib/i18n';
import { formData, mailsTo, validRpps } from '../helpers/auth';

const testDb = useTestDatabase();

describe('profile', () => {
	it('saves name, profession, RPPS number and preferred language', async () => {
		const user = await makeUser(testDb.db, { roles: ['trainer'] });
		const rpps = validRpps('1098765432');
		const outcome = await updateProfile(
			testDb.db,
			user.id,
			formData({ name: '  Dr Hélène Roux ', profession: 'medecin_generaliste', rpps, locale: 'en' })
		);
		expect(outcome.ok).toBe(true);
		expect(await getAccount(testDb.db, user.id)).toMatchObject({
			name: 'Dr Hélène Roux',
			profession: 'medecin_generaliste',
			rpps,
			locale: 'en',
			roles: ['trainer'],
			emailVerified: true
		});
		// Clearing the optional RPPS number stores nothing.
		await updateProfile(testDb.db, user.id, formData({ name: 'Dr Hélène Roux', profession: 'medecin_generaliste', rpps: ' ', locale: 'fr' }));
		expect((await getAccount(testDb.db, user.id))?.rpps).toBeNull();
	});

	it('writes the profession in the form the person chose, and only then: nothing is guessed', async () => {
		const user = await makeUser(testDb.db, { name: 'Claire Fontaine', profession: 'infirmier' });
		expect((await getAccount(testDb.db, user.id))?.professionForm).toBeNull();
		const profile = { name: 'Claire Fontaine', profession: 'infirmier', rpps: '', locale: 'fr' };
		expect((await updateProfile(testDb.db, user.id, formData({ ...profile, professionForm: 'feminine' }))).ok).toBe(true);
		expect((await getAccount(testDb.db, user.id))?.professionForm).toBe('feminine');
		const place = await makeCpts(testDb.db);
		await makeMembership(testDb.db, place.id, user.id);
		const [member] = await listMembers(testDb.db, place.id);
		expect(translate('fr', personProfessionKey(member.profession, member.professionForm))).toBe('Infirmière');
		// Back to no choice (the empty radio): the name of the field, never « infirmier ou infirmière ».
		expect((await updateProfile(testDb.db, user.id, formData({ ...profile, professionForm: '' }))).ok).toBe(true);
		expect((await getAccount(testDb.db, user.id))?.professionForm).toBeNull();
		expect(translate('fr', personProfessionKey('infirmier', null))).toBe('Soins infirmiers');
		expect(translate('fr', personProfessionKey('pharmacien', 'masculine'))).toBe('Pharmacien');
		// The database refuses a form it does not know, whatever the form said.
		await expect(testDb.db.update(users).set({ professionForm: 'neutre' }).where(eq(users.id, user.id))).rejects.toThrow();
	});

	it('refuses bad values with field errors and changes nothing', async () => {
		const user = await makeUser(testDb.db);
		const outcome = await updateProfile(
			testDb.db,
			user.id,
			formData({ name: 'N'.repeat(121), profession: 'sorcier', professionForm: 'neutre', rpps: '12345678901', locale: 'de' })
		);
		expect(outcome).toMatchObject({
			ok: false,
			errors: { name: 'form.tooLong', profession: 'form.choice', professionForm: 'form.choice', rpps: 'auth.rpps.checksum', locale: 'form.choice' },
			values: { profession: 'sorcier', rpps: '12345678901' }
		});
		const [row] = await testDb.db.select().from(users).where(eq(users.id, user.id));
		expect(row.name).toBe(user.name);
	});
});

describe('password change', () => {
	it('requires the current password', async () => {
		const user = await makeUser(testDb.db);
		const current = await createSession(testDb.db, user.id);
		const outcome = await changePassword(
			testDb.db,
			user.id,
			current.session.id,
			formData({ currentPassword: 'pas-le-bon-mot-de-passe', newPassword: 'Une-phrase-assez-longue', newPasswordConfirmation: 'Une-phrase-assez-longue' })
		);
		expect(outcome).toMatchObject({ ok: false, errors: { currentPassword: 'auth.password.currentWrong' } });
		expect((await signIn(testDb.db, formData({ email: user.email, password: user.password }), {})).ok).toBe(true);
	});

	it('refuses a weak or mismatched new password', async () => {
		const user = await makeUser(testDb.db);
		const current = await createSession(testDb.db, user.id);
		const change = (newPassword: string, newPasswordConfirmation = newPassword) =>
			changePassword(testDb.db, user.id, current.session.id, formData({ currentPassword: user.password, newPassword, newPasswordConfirmation }));
		expect(await change('court')).toMatchObject({ errors: { newPassword: 'auth.password.tooShort' } });
		expect(await change('motdepasse2026')).toMatchObject({ errors: { newPassword: 'auth.password.common' } });
		expect(await change('Une-phrase-assez-longue', 'Une-autre-phrase')).toMatchObject({
			errors: { newPasswordConfirmation: 'auth.password.mismatch' }
		});
		expect(await change(user.email)).toMatchObject({ errors: { newPassword: 'auth.password.likeEmail' } });
	});

	it('changes the password, keeps this session and closes the others', async () => {
		const user = await makeUser(testDb.db);
		const current = await createSession(testDb.db, user.id);
		const other = await createSession(testDb.db, user.id);
		const outcome = await changePassword(
			testDb.db,
			user.id,
			current.session.id,
			formData({ currentPassword: user.password, newPassword: 'Une-phrase-assez-longue', newPasswordConfirmation: 'Une-phrase-assez-longue' })
		);
		expect(outcome).toEqual({ ok: true });
		expect((await validateSessionToken(testDb.db, current.token)).user).not.toBeNull();
		expect((await validateSessionToken(testDb.db, other.token)).user).toBeNull();
		expect((await signIn(testDb.db, formData({ email: user.email, password: 'Une-phrase-assez-longue' }), {})).ok).toBe(true);
		expect(await mailsTo(testDb.db, user.email, 'password_changed')).toHaveLength(1);
	});
});

describe('my sessions', () => {
	it('lists my sessions with the current one first and marked', async () => {
		const user = await makeUser(testDb.db);
		const current = await createSession(testDb.db, user.id, {
			userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
			ip: '198.51.100.4'
		});
		await createSession(testDb.db, user.id, { userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Safari/604.1' });
		await createSession(testDb.db, (await makeUser(testDb.db)).id);
		const list = await listAccountSessions(testDb.db, user.id, current.session.id);
		expect(list.map(({ device, ip, current }) => ({ device, ip, current }))).toEqual([
			{ device: 'Chrome · Windows', ip: '198.51.100.4', current: true },
			{ device: 'Safari · iOS', ip: null, current: false }
		]);
	});

	it('closes one of my sessions, but not somebody else’s', async () => {
		const user = await makeUser(testDb.db);
		const stranger = await makeUser(testDb.db);
		const mine = await createSession(testDb.db, user.id);
		const theirs = await createSession(testDb.db, stranger.id);
		expect(await signOutSession(testDb.db, user.id, theirs.session.id)).toBe(false);
		expect((await validateSessionToken(testDb.db, theirs.token)).user?.id).toBe(stranger.id);
		expect(await signOutSession(testDb.db, user.id, mine.session.id)).toBe(true);
		expect((await validateSessionToken(testDb.db, mine.token)).user).toBeNull();
		expect(await signOutSession(testDb.db, user.id, mine.session.id)).toBe(false);
	});

	it('signs out everywhere else, and only my sessions', async () => {
		const user = await makeUser(testDb.db);
		const stranger = await makeUser(testDb.db);
		const current = await createSession(testDb.db, user.id);
		const others = await Promise.all([createSession(testDb.db, user.id), createSession(testDb.db, user.id)]);
		const theirs = await createSession(testDb.db, stranger.id);
		await signOutOtherSessions(testDb.db, user.id, current.session.id);
		expect((await listAccountSessions(testDb.db, user.id, current.session.id)).map((row) => row.id)).toEqual([current.session.id]);
		for (const other of others) expect((await validateSessionToken(testDb.db, other.token)).user).toBeNull();
		expect((await validateSessionToken(testDb.db, theirs.token)).user).not.toBeNull();
	});

	it('records the last activity of a session at most once an hour', async () => {
		const user = await makeUser(testDb.db);
		const { token, session } = await createSession(testDb.db, user.id);
		const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
		await testDb.db.update(sessions).set({ lastSeenAt: twoHoursAgo }).where(eq(sessions.id, session.id));
		const seen = await validateSessionToken(testDb.db, token);
		expect(seen.renewed).toBe(false);
		expect(seen.session!.lastSeenAt.getTime()).toBeGreaterThan(Date.now() - 60_000);

		const tenMinutesAgo = new Date(Date.now() - 10 * 60_000);
		await testDb.db.update(sessions).set({ lastSeenAt: tenMinutesAgo }).where(eq(sessions.id, session.id));
		await validateSessionToken(testDb.db, token);
		const [row] = await testDb.db.select().from(sessions).where(eq(sessions.id, session.id));
		expect(row.lastSeenAt.getTime()).toBe(tenMinutesAgo.getTime());
	});
});
