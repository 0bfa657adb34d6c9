/**
 * Sessions as in Lucia's guide (lucia-auth.com/sessions): the cookie holds a random token,
 * the database only its SHA-256. Sessions last 30 days and slide forward when less than
 * 15 remain. Shared by the site (hooks.server.ts) and the collaboration server (ws-server).
 */
import { and, eq, gt, ne, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { preparedPerHandle } from '../db/prepared';
import { notifications, partnerAccounts, sessions, userRoles, users } from '../db/schema';
import type { GrantedRole } from '../../domain/professions';
import { generateSecretToken, hashToken } from '../shared/ids';
import { storedLocale } from '../../i18n/locale';

export const SESSION_COOKIE = 'cpts_session';
const DAY_MS = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY_MS;
const SESSION_RENEW_BEFORE_MS = 15 * DAY_MS;
const LAST_SEEN_PRECISION_MS = 60 * 60 * 1000;

export type Session = typeof sessions.$inferSelect;

/** What pages and sockets know of the signed-in user. */
export interface SessionUser {
	id: string;
	email: string;
	name: string;
	profession: string;
	emailVerified: boolean;
	locale: 'fr' | 'en';
	roles: GrantedRole[];
}

/**
 * What every page's layout shows of the signed-in user beyond the session, read by the same
 * query: a member's page then costs one query more than a visitor's, not three (issue 16).
 */
export interface SessionExtras {
	unreadNotifications: number;
	/** The partner account (ARS, CPAM, URPS) of the user, for the « Pilotage » link; null for most. */
	partner: typeof partnerAccounts.$inferSelect | null;
}

export interface SessionValidation {
	session: Session | null;
	user: SessionUser | null;
	/** True when the expiry moved forward and the cookie must be sent again. */
	renewed: boolean;
	extras?: SessionExtras;
}

/** Creates a session and returns the token to put in the cookie. */
export async function createSession(
	db: DbOrTx,
	userId: string,
	client: { userAgent?: string | null; ip?: string | null } = {}
): Promise<{ token: string; session: Session }> {
	const token = generateSecretToken();
	const [session] = await db
		.insert(sessions)
		.values({
			id: hashToken(token),
			userId,
			expiresAt: new Date(Date.now() + SESSION_LIFETIME_MS),
			userAgent: client.userAgent?.slice(0, 300) ?? null,
			ip: client.ip ?? null
		})
		.returning();
	return { token, session };
}

/** The stored id of a cookie token (its SHA-256), or null when it cannot be one of ours. */
export function sessionIdOfToken(token: string): string | null {
	return /^[a-z2-7]{20,64}$/.test(token) ? hashToken(token) : null;
}

/**
 * The user of a session, as SQL, for a query that reads something about that user at the
 * same time as the session is validated (it ignores expiry: validateSessionToken decides).
 */
export function sessionUserId(sessionId: string | Placeholder): SQL<string | null> {
	return sql<string | null>`(select ${sessions.userId} from ${sessions} where ${sessions.id} = ${sessionId})`;
}

// Run on every request and every websocket connect: prepared (see db/prepared.ts).
const sessionWithUser = preparedPerHandle((db) =>
	db
		.select({
			session: sessions,
			user: users,
			role: userRoles.role,
			partner: partnerAccounts,
			unreadNotifications: sql<number>`(select count(*)::int from ${notifications} where ${notifications.userId} = ${users.id} and ${notifications.readAt} is null)`
		})
		.from(sessions)
		.innerJoin(users, eq(users.id, sessions.userId))
		.leftJoin(userRoles, eq(userRoles.userId, users.id))
		.leftJoin(partnerAccounts, eq(partnerAccounts.userId, users.id))
		.where(eq(sessions.id, sql.placeholder('sessionId')))
		.prepare('session_with_user')
);

/** Validates a cookie token: one query for the session and its user, sliding expiry. */
export async function validateSessionToken(db: DbOrTx, token: string): Promise<SessionValidation> {
	const none = { session: null, user: null, renewed: false };
	const sessionId = sessionIdOfToken(token);
	if (!sessionId) return none;
	const rows = await sessionWithUser(db).execute({ sessionId });
	if (rows.length === 0) return none;
	let { session } = rows[0];
	const user = rows[0].user;
	const now = Date.now();
	if (session.expiresAt.getTime() <= now) {
		await db.delete(sessions).where(eq(sessions.id, sessionId));
		return none;
	}
	let renewed = false;
	if (session.expiresAt.getTime() - now < SESSION_RENEW_BEFORE_MS) {
		const expiresAt = new Date(now + SESSION_LIFETIME_MS);
		await db.update(sessions).set({ expiresAt, lastSeenAt: new Date(now) }).where(eq(sessions.id, sessionId));
		session = { ...session, expiresAt, lastSeenAt: new Date(now) };
		renewed = true;
	} else if (now - session.lastSeenAt.getTime() > LAST_SEEN_PRECISION_MS) {
		// "Last activity" in the sessions list, at most one write per session an hour.
		const lastSeenAt = new Date(now);
		await db.update(sessions).set({ lastSeenAt }).where(eq(sessions.id, sessionId));
		session = { ...session, lastSeenAt };
	}
	return {
		session,
		renewed,
		extras: { unreadNotifications: Number(rows[0].unreadNotifications), partner: rows[0].partner },
		user: {
			id: user.id,
			email: user.email,
			name: user.name,
			profession: user.profession,
			emailVerified: user.emailVerifiedAt !== null,
			locale: storedLocale(user.locale),
			roles: rows.flatMap((row) => (row.role ? [row.role as GrantedRole] : []))
		}
	};
}

/** Signs out one session. */
export async function invalidateSession(db: DbOrTx, sessionId: string): Promise<void> {
	await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Signs out every session of a user, except `keepSessionId` when given. */
export async function invalidateUserSessions(db: DbOrTx, userId: string, keepSessionId?: string): Promise<void> {
	await db
		.delete(sessions)
		.where(keepSessionId ? and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId)) : eq(sessions.userId, userId));
}

/** The user's sessions still valid, newest first. */
export async function listUserSessions(db: DbOrTx, userId: string): Promise<Session[]> {
	const rows = await db
		.select()
		.from(sessions)
		.where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, new Date())));
	return rows.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
}

/** Reads the session token out of a Cookie header (for the websocket upgrade). */
export function sessionTokenFromCookieHeader(header: string | undefined): string | null {
	if (!header) return null;
	for (const part of header.split(';')) {
		const [name, ...rest] = part.trim().split('=');
		if (name === SESSION_COOKIE) return decodeURIComponent(rest.join('='));
	}
	return null;
}

/** Cookie attributes of the session cookie (httpOnly, sameSite=lax, secure over https). */
export function sessionCookieOptions(secure: boolean, expiresAt: Date) {
	return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure, expires: expiresAt };
}
