/**
 * Membership of CPTS: a user asks to join (pending), the CPTS's coordinators (or a
 * facilitator, or an admin) approve or refuse; facilitators name coordinators; members leave.
 * A user may belong to several CPTS. Every decision is recorded on the row and in the audit log.
 */
import { notifyAccessChanged } from '../collab/registry';
import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { cpts, cptsMemberships, regions, users } from '../db/schema';
import { writeAudit } from '../audit';
import { requireVerifiedEmail } from '../auth/guards';
import { AppError, conflict, forbidden, notFound } from '../shared/errors';
import {
	canManageCpts,
	canManageMembers,
	getMembership,
	getViewerMembership,
	removesMember,
	type MembershipRole,
	type MembershipStatus,
	type Viewer
} from './permissions';
import { notifyCptsEvent } from './notify';

export type Membership = typeof cptsMemberships.$inferSelect;

async function cptsSummary(db: DbOrTx, cptsId: string): Promise<{ id: string; slug: string; name: string }> {
	const [row] = await db.select({ id: cpts.id, slug: cpts.slug, name: cpts.name }).from(cpts).where(eq(cpts.id, cptsId));
	if (!row) throw notFound('cpts.notFound');
	return row;
}

/** Active coordinators' user ids. */
async function coordinatorIds(db: DbOrTx, cptsId: string): Promise<string[]> {
	const rows = await db
		.select({ userId: cptsMemberships.userId })
		.from(cptsMemberships)
		.where(
			and(eq(cptsMemberships.cptsId, cptsId), eq(cptsMemberships.status, 'active'), eq(cptsMemberships.role, 'coordinator'))
		);
	return rows.map((row) => row.userId);
}

/**
 * Asks to join a CPTS. After a refusal the user may ask again; an active member or a
 * pending request is a conflict. Coordinators are notified.
 */
export async function requestToJoin(
	db: DbOrTx,
	user: Viewer,
	cptsId: string,
	message: string | null
): Promise<Membership> {
	if (!user) throw new AppError('unauthenticated', 'error.unauthenticated');
	requireVerifiedEmail(user);
	const target = await cptsSummary(db, cptsId);
	return db.transaction(async (tx) => {
		// One statement: a new row, or a refused one asked again; anything else is left alone.
		const [row] = await tx
			.insert(cptsMemberships)
			.values({ cptsId, userId: user.id, role: 'member', status: 'pending', message })
			.onConflictDoUpdate({
				target: [cptsMemberships.cptsId, cptsMemberships.userId],
				set: { status: 'pending', role: 'member', message, requestedAt: sql`now()`, decidedAt: null, decidedBy: null },
				setWhere: eq(cptsMemberships.status, 'refused')
			})
			.returning();
		if (!row) {
			const existing = await getViewerMembership(tx, user, cptsId);
			throw conflict(existing?.status === 'active' ? 'cpts.join.alreadyMember' : 'cpts.join.alreadyPending');
		}
		await notifyCptsEvent(
			tx,
			(await coordinatorIds(tx, cptsId)).map((userId) => ({
				userId,
				kind: 'cpts.join_request' as const,
				title: 'notifications.kind.cpts.join_request.title' as const,
				body: 'notifications.kind.cpts.join_request.body' as const,
				params: { cpts: target.name, name: user.name },
				link: `/cpts/${target.slug}/membres`
			}))
		);
		return row;
	});
}

/** Approves or refuses a pending request; only managers of that CPTS may. */
export async function decideJoinRequest(
	db: DbOrTx,
	actor: Viewer,
	cptsId: string,
	userId: string,
	decision: 'approve' | 'refuse'
): Promise<Membership> {
	if (!(await canManageMembers(db, actor, cptsId))) throw forbidden();
	const target = await cptsSummary(db, cptsId);
	const decided = await db.transaction(async (tx) => {
		// The status condition makes a double click (or two coordinators) decide only once.
		const [row] = await tx
			.update(cptsMemberships)
			.set({ status: decision === 'approve' ? 'active' : 'refused', decidedBy: actor!.id, decidedAt: new Date() })
			.where(
				and(eq(cptsMemberships.cptsId, cptsId), eq(cptsMemberships.userId, userId), eq(cptsMemberships.status, 'pending'))
			)
			.returning();
		if (!row) throw conflict('cpts.join.notPending');
		await writeAudit(tx, {
			actorId: actor!.id,
			action: decision === 'approve' ? 'cpts.membership_approved' : 'cpts.membership_refused',
			targetType: 'cpts',
			targetId: cptsId,
			details: { userId }
		});
		await notifyCptsEvent(tx, [
			{
				userId,
				kind: 'cpts.join_decision',
				title: decision === 'approve' ? 'notifications.kind.cpts.join_accepted.title' : 'notifications.kind.cpts.join_refused.title',
				body: decision === 'approve' ? 'notifications.kind.cpts.join_accepted.body' : 'notifications.kind.cpts.join_refused.body',
				params: { cpts: target.name },
				link: `/cpts/${target.slug}`
			}
		]);
		return row;
	});
	return decided;
}

export const approveJoinRequest = (db: DbOrTx, actor: Viewer, cptsId: string, userId: string) =>
	decideJoinRequest(db, actor, cptsId, userId, 'approve');
export const refuseJoinRequest = (db: DbOrTx, actor: Viewer, cptsId: string, userId: string) =>
	decideJoinRequest(db, actor, cptsId, userId, 'refuse');

/** Leaves a CPTS, or withdraws a pending request. */
export async function leaveCpts(db: DbOrTx, user: Viewer, cptsId: string): Promise<void> {
	if (!user) throw new AppError('unauthenticated', 'error.unauthenticated');
	await db.transaction(async (tx) => {
		const [row] = await tx
			.delete(cptsMemberships)
			.where(
				and(
					eq(cptsMemberships.cptsId, cptsId),
					eq(cptsMemberships.userId, user.id),
					inArray(cptsMemberships.status, ['active', 'pending'])
				)
			)
			.returning();
		if (!row) throw notFound('cpts.leave.notMember');
		await writeAudit(tx, {
			actorId: user.id,
			action: row.status === 'active' ? 'cpts.membership_left' : 'cpts.join_request_withdrawn',
			targetType: 'cpts',
			targetId: cptsId,
			details: { userId: user.id, role: row.role }
		});
	});
	// Collaboration sockets on this CPTS's drafts are re-checked (and closed) once committed.
	await notifyAccessChanged({ userId: user.id });
}

/** Removes an active member (managers; removing a coordinator needs a facilitator). */
export async function removeMember(db: DbOrTx, actor: Viewer, cptsId: string, userId: string): Promise<void> {
	const viewerMembership = await getViewerMembership(db, actor, cptsId);
	const targetMembership = await getMembership(db, userId, cptsId);
	if (!targetMembership || targetMembership.status !== 'active') throw notFound('cpts.members.notMember');
	if (!removesMember(actor, viewerMembership, targetMembership)) throw forbidden();
	await db.transaction(async (tx) => {
		await tx.delete(cptsMemberships).where(and(eq(cptsMemberships.cptsId, cptsId), eq(cptsMemberships.userId, userId)));
		await writeAudit(tx, {
			actorId: actor!.id,
			action: 'cpts.member_removed',
			targetType: 'cpts',
			targetId: cptsId,
			details: { userId, role: targetMembership.role }
		});
	});
	await notifyAccessChanged({ userId });
}

/**
 * Names a coordinator by e-mail (facilitators and admins): the user becomes an active
 * member with the coordinator role, whatever their membership was before.
 */
export async function appointCoordinator(
	db: DbOrTx,
	actor: Viewer,
	cptsId: string,
	email: string
): Promise<{ userId: string; name: string }> {
	if (!canManageCpts(actor)) throw forbidden();
	await cptsSummary(db, cptsId);
	const [person] = await db
		.select({ id: users.id, name: users.name })
		.from(users)
		.where(eq(users.email, email.trim().toLowerCase()));
	if (!person) throw new AppError('invalid', 'cpts.coordinators.unknownEmail', { field: 'email' });
	await db.transaction(async (tx) => {
		const decided = { role: 'coordinator', status: 'active', decidedBy: actor!.id, decidedAt: new Date() };
		await tx
			.insert(cptsMemberships)
			.values({ cptsId, userId: person.id, ...decided })
			.onConflictDoUpdate({ target: [cptsMemberships.cptsId, cptsMemberships.userId], set: decided });
		await writeAudit(tx, {
			actorId: actor!.id,
			action: 'cpts.coordinator_appointed',
			targetType: 'cpts',
			targetId: cptsId,
			details: { userId: person.id }
		});
	});
	return { userId: person.id, name: person.name };
}

/** Takes the coordinator role back (facilitators and admins); the person stays a member. */
export async function removeCoordinatorRole(db: DbOrTx, actor: Viewer, cptsId: string, userId: string): Promise<void> {
	if (!canManageCpts(actor)) throw forbidden();
	await db.transaction(async (tx) => {
		const [row] = await tx
			.update(cptsMemberships)
			.set({ role: 'member' })
			.where(
				and(eq(cptsMemberships.cptsId, cptsId), eq(cptsMemberships.userId, userId), eq(cptsMemberships.role, 'coordinator'))
			)
			.returning();
		if (!row) throw notFound('cpts.coordinators.notCoordinator');
		await writeAudit(tx, {
			actorId: actor!.id,
			action: 'cpts.coordinator_removed',
			targetType: 'cpts',
			targetId: cptsId,
			details: { userId }
		});
	});
	await notifyAccessChanged({ userId });
}

export interface MemberEntry {
	userId: string;
	name: string;
	profession: string;
	/** How she wants her profession written beside her name (null: not chosen). */
	professionForm: string | null;
	role: MembershipRole;
	/** When the membership started (decision or request date). */
	since: Date;
}

/** Active members, coordinators first, then by name. Callers check canSeeMembers first. */
export async function listMembers(db: DbOrTx, cptsId: string): Promise<MemberEntry[]> {
	const rows = await db
		.select({
			userId: users.id,
			name: users.name,
			profession: users.profession,
			professionForm: users.professionForm,
			role: cptsMemberships.role,
			decidedAt: cptsMemberships.decidedAt,
			requestedAt: cptsMemberships.requestedAt
		})
		.from(cptsMemberships)
		.innerJoin(users, eq(users.id, cptsMemberships.userId))
		.where(and(eq(cptsMemberships.cptsId, cptsId), eq(cptsMemberships.status, 'active')))
		.orderBy(desc(sql`${cptsMemberships.role} = 'coordinator'`), sql`lower(immutable_unaccent(${users.name}))`, users.id);
	return rows.map((row) => ({
		userId: row.userId,
		name: row.name,
		profession: row.profession,
		professionForm: row.professionForm,
		role: row.role as MembershipRole,
		since: row.decidedAt ?? row.requestedAt
	}));
}

export interface JoinRequestEntry {
	userId: string;
	name: string;
	profession: string;
	/** How she wants her profession written beside her name (null: not chosen). */
	professionForm: string | null;
	message: string | null;
	requestedAt: Date;
}

/** Pending requests, oldest first. Callers check canManageMembers first. */
export async function listPendingRequests(db: DbOrTx, cptsId: string): Promise<JoinRequestEntry[]> {
	return db
		.select({
			userId: users.id,
			name: users.name,
			profession: users.profession,
			professionForm: users.professionForm,
			message: cptsMemberships.message,
			requestedAt: cptsMemberships.requestedAt
		})
		.from(cptsMemberships)
		.innerJoin(users, eq(users.id, cptsMemberships.userId))
		.where(and(eq(cptsMemberships.cptsId, cptsId), eq(cptsMemberships.status, 'pending')))
		.orderBy(asc(cptsMemberships.requestedAt), users.id);
}

/** What anyone may know of a CPTS's people: its coordinators' names and its member count. */
export async function getPublicMembership(
	db: DbOrTx,
	cptsId: string
): Promise<{ coordinators: { userId: string; name: string }[]; memberCount: number }> {
	const coordinators = await db
		.select({ userId: users.id, name: users.name })
		.from(cptsMemberships)
		.innerJoin(users, eq(users.id, cptsMemberships.userId))
		.where(
			and(eq(cptsMemberships.cptsId, cptsId), eq(cptsMemberships.status, 'active'), eq(cptsMemberships.role, 'coordinator'))
		)
		.orderBy(sql`lower(immutable_unaccent(${users.name}))`, users.id);
	const [{ memberCount }] = await db
		.select({ memberCount: count() })
		.from(cptsMemberships)
		.where(and(eq(cptsMemberships.cptsId, cptsId), eq(cptsMemberships.status, 'active')));
	return { coordinators, memberCount: Number(memberCount) };
}

export interface MyCptsEntry {
	cptsId: string;
	slug: string;
	name: string;
	regionName: string;
	role: MembershipRole;
	status: MembershipStatus;
	requestedAt: Date;
	decidedAt: Date | null;
}

/** The user's memberships and requests (refused ones included, so they know), by name. */
export async function listUserCpts(db: DbOrTx, userId: string): Promise<MyCptsEntry[]> {
	const rows = await db
		.select({
			cptsId: cpts.id,
			slug: cpts.slug,
			name: cpts.name,
			regionName: regions.name,
			role: cptsMemberships.role,
			status: cptsMemberships.status,
			requestedAt: cptsMemberships.requestedAt,
			decidedAt: cptsMemberships.decidedAt
		})
		.from(cptsMemberships)
		.innerJoin(cpts, eq(cpts.id, cptsMemberships.cptsId))
		.innerJoin(regions, eq(regions.code, cpts.regionCode))
		.where(eq(cptsMemberships.userId, userId))
		.orderBy(sql`lower(immutable_unaccent(${cpts.name}))`, cpts.id);
	return rows.map((row) => ({ ...row, role: row.role as MembershipRole, status: row.status as MembershipStatus }));
}

/** A CPTS a person is an active member of, as shown beside her name. */
export interface MemberOf {
	slug: string;
	name: string;
}

/**
 * The CPTS each of these people is an active member of, by user id (by name): what a forum
 * post shows beside its author. Pending and refused requests are not said.
 */
export async function activeCptsOf(db: DbOrTx, userIds: readonly string[]): Promise<Map<string, MemberOf[]>> {
	const byUser = new Map<string, MemberOf[]>();
	if (userIds.length === 0) return byUser;
	const rows = await db
		.select({ userId: cptsMemberships.userId, slug: cpts.slug, name: cpts.name })
		.from(cptsMemberships)
		.innerJoin(cpts, eq(cpts.id, cptsMemberships.cptsId))
		.where(and(inArray(cptsMemberships.userId, [...new Set(userIds)]), eq(cptsMemberships.status, 'active')))
		.orderBy(sql`lower(immutable_unaccent(${cpts.name}))`, cpts.id);
	for (const row of rows) byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), { slug: row.slug, name: row.name }]);
	return byUser;
}
