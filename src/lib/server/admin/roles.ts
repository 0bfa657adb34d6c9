/**
 * Role management: find users, grant and revoke roles. Every change writes its audit
 * entry in the same transaction. The last admin keeps their role, so the site always has
 * someone who can administer it. Sessions read roles on every request, so a change takes
 * effect at the user's next request.
 */
import { and, asc, desc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { userRoles, users } from '../db/schema';
import type { SessionUser } from '../auth/session';
import { writeAudit } from '../audit';
import { AppError, conflict, forbidden, notFound } from '../shared/errors';
import { GRANTED_ROLES, type GrantedRole } from '../../domain/professions';
import { canManageRoles } from './permissions';

export const ROLE_GRANTED = 'role.grant';
export const ROLE_REVOKED = 'role.revoke';

type Actor = Pick<SessionUser, 'id' | 'roles'>;

export interface UserWithRoles {
	id: string;
	name: string;
	email: string;
	profession: string;
	/** How she wants her profession written beside her name (null: not chosen). */
	professionForm: string | null;
	emailVerified: boolean;
	createdAt: Date;
	roles: GrantedRole[];
}

/** Escapes the LIKE wildcards of user input. */
function likePattern(query: string): string {
	return `%${query.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/**
 * Users whose name or e-mail contains `query` (accents and case ignored), or the newest
 * users when the query is empty; optionally only those holding `role`.
 */
export async function searchUsers(
	db: DbOrTx,
	options: { query?: string; role?: GrantedRole | null; limit?: number } = {}
): Promise<UserWithRoles[]> {
	const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
	const query = options.query?.trim().slice(0, 200) ?? '';
	const pattern = likePattern(query);
	const matches = query
		? or(sql`unaccent(${users.name}) ilike unaccent(${pattern})`, ilike(users.email, pattern))
		: undefined;
	const withRole = options.role
		? inArray(users.id, db.select({ id: userRoles.userId }).from(userRoles).where(eq(userRoles.role, options.role)))
		: undefined;
	const found = await db
		.select({
			id: users.id,
			name: users.name,
			email: users.email,
			profession: users.profession,
			professionForm: users.professionForm,
			emailVerifiedAt: users.emailVerifiedAt,
			createdAt: users.createdAt
		})
		.from(users)
		.where(and(matches, withRole))
		.orderBy(query ? asc(users.name) : desc(users.createdAt), asc(users.id))
		.limit(limit);
	if (found.length === 0) return [];
	const roleRows = await db
		.select({ userId: userRoles.userId, role: userRoles.role })
		.from(userRoles)
		.where(inArray(userRoles.userId, found.map((user) => user.id)));
	return found.map(({ emailVerifiedAt, ...user }) => ({
		...user,
		emailVerified: emailVerifiedAt !== null,
		roles: GRANTED_ROLES.filter((role) => roleRows.some((row) => row.userId === user.id && row.role === role))
	}));
}

function assertGrantedRole(role: string): asserts role is GrantedRole {
	if (!(GRANTED_ROLES as readonly string[]).includes(role)) throw new AppError('invalid', 'admin.roles.unknownRole');
}

/**
 * Locks the admin rows and checks the actor is still one of them: the session's roles were
 * read at the start of the request, and role changes are serialised behind this lock.
 */
async function lockAdminsAsActor(tx: DbOrTx, actor: Actor): Promise<string[]> {
	const admins = await tx
		.select({ userId: userRoles.userId })
		.from(userRoles)
		.where(eq(userRoles.role, 'admin'))
		.for('update');
	const adminIds = admins.map((admin) => admin.userId);
	if (!adminIds.includes(actor.id)) throw forbidden();
	return adminIds;
}

/** The target's name, or not found. */
async function targetName(db: DbOrTx, userId: string): Promise<string> {
	const [row] = await db.select({ name: users.name }).from(users).where(eq(users.id, userId));
	if (!row) throw notFound('admin.users.notFound');
	return row.name;
}

export interface RoleChange {
	/** False when there was nothing to do (role already held, or not held). */
	changed: boolean;
	userName: string;
}

/** Grants a role (nothing written when the user already held it). Admins only. */
export async function grantRole(db: DbOrTx, actor: Actor, userId: string, role: string): Promise<RoleChange> {
	if (!canManageRoles(actor)) throw forbidden();
	assertGrantedRole(role);
	return db.transaction(async (tx) => {
		await lockAdminsAsActor(tx, actor);
		const userName = await targetName(tx, userId);
		const inserted = await tx
			.insert(userRoles)
			.values({ userId, role, grantedBy: actor.id })
			.onConflictDoNothing()
			.returning({ userId: userRoles.userId });
		if (inserted.length === 0) return { changed: false, userName };
		await writeAudit(tx, { actorId: actor.id, action: ROLE_GRANTED, targetType: 'user', targetId: userId, details: { role } });
		return { changed: true, userName };
	});
}

/**
 * Revokes a role (nothing written when the user did not hold it). Admins only. Refuses to remove
 * the last admin: the admin rows are locked first, so two admins revoking each other at
 * the same moment cannot both succeed (the second sees one admin left).
 */
export async function revokeRole(db: DbOrTx, actor: Actor, userId: string, role: string): Promise<RoleChange> {
	if (!canManageRoles(actor)) throw forbidden();
	assertGrantedRole(role);
	return db.transaction(async (tx) => {
		const adminIds = await lockAdminsAsActor(tx, actor);
		const userName = await targetName(tx, userId);
		// The actor is an admin, so the last admin can only be the actor themself.
		if (role === 'admin' && adminIds.includes(userId) && adminIds.length <= 1) throw conflict('admin.roles.lastAdmin');
		const deleted = await tx
			.delete(userRoles)
			.where(and(eq(userRoles.userId, userId), eq(userRoles.role, role)))
			.returning({ userId: userRoles.userId });
		if (deleted.length === 0) return { changed: false, userName };
		await writeAudit(tx, { actorId: actor.id, action: ROLE_REVOKED, targetType: 'user', targetId: userId, details: { role } });
		return { changed: true, userName };
	});
}
