import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { sessions } from '../../src/lib/server/db/schema';
import {
	createSession,
	invalidateUserSessions,
	SESSION_LIFETIME_MS,
	validateSessionToken
} from '../../src/lib/server/auth/session';
import { hashToken } from '../../src/lib/server/shared/ids';
import { useTestDatabase } from '../helpers/db';
import { makeUser } from '../helpers/factories';

const testDb = useTestDatabase();

describe('sessions', () => {
	it('stores only the SHA-256 of the token and finds the user with their roles', async () => {
		const user = await makeUser(testDb.db, { roles: ['facilitator', 'trainer'] });
		const { token, session } = await createSession(testDb.db, user.id, { userAgent: 'vitest' });
		expect(session.id).toBe(hashToken(token));
		expect(session.id).not.toContain(token);
		const validation = await validateSessionToken(testDb.db, token);
		expect(validation.user?.id).toBe(user.id);
		expect(validation.user?.roles.sort()).toEqual(['facilitator', 'trainer']);
		expect(validation.renewed).toBe(false);
	});

	it('slides the expiry forward when less than 15 days remain, and refuses expired sessions', async () => {
		const user = await makeUser(testDb.db);
		const { token, session } = await createSession(testDb.db, user.id);
		const inTenDays = new Date(Date.now() + 10 * 86_400_000);
		await testDb.db.update(sessions).set({ expiresAt: inTenDays }).where(eq(sessions.id, session.id));
		const renewed = await validateSessionToken(testDb.db, token);
		expect(renewed.renewed).toBe(true);
		expect(renewed.session!.expiresAt.getTime()).toBeGreaterThan(Date.now() + SESSION_LIFETIME_MS - 60_000);

		await testDb.db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(sessions.id, session.id));
		expect((await validateSessionToken(testDb.db, token)).user).toBeNull();
		expect(await testDb.db.select().from(sessions).where(eq(sessions.id, session.id))).toHaveLength(0);
	});

	it('refuses malformed and unknown tokens, and signs out everywhere but the current session', async () => {
		expect((await validateSessionToken(testDb.db, "'; drop table users; --")).user).toBeNull();
		expect((await validateSessionToken(testDb.db, 'abcdefghijklmnopqrstuvwxyz234567')).user).toBeNull();
		const user = await makeUser(testDb.db);
		const first = await createSession(testDb.db, user.id);
		const second = await createSession(testDb.db, user.id);
		await invalidateUserSessions(testDb.db, user.id, first.session.id);
		expect((await validateSessionToken(testDb.db, first.token)).user).not.toBeNull();
		expect((await validateSessionToken(testDb.db, second.token)).user).toBeNull();
	});
});
