/**
 * Who may do what with a CPTS. The rules are the pure functions taking the viewer's
 * membership; the async ones fetch that membership first. Pages, actions and the feature
 * functions all ask these, so each rule lives here only.
 */
import { and, eq } from 'drizzle-orm';
import type { SessionUser } from '../auth/session';
import { hasRole } from '../auth/guards';
import type { DbOrTx } from '../db';
import { cptsMemberships } from '../db/schema';

/** The signed-in user (locals.user), or nobody. */
export type Viewer = SessionUser | null | undefined;

export type MembershipRole = 'member' | 'coordinator';
export type MembershipStatus = 'pending' | 'active' | 'refused';

/** The viewer's own membership row of one CPTS, reduced to what the rules read. */
export interface ViewerMembership {
	role: MembershipRole;
	status: MembershipStatus;
}

/** Facilitators (animateurs) and admins create and edit CPTS and name their coordinators. */
export function canManageCpts(user: Viewer): boolean {
	return hasRole(user, 'facilitator');
}

const isActiveCoordinator = (membership: ViewerMembership | null) =>
	membership?.status === 'active' && membership.role === 'coordinator';

/** Rule: the CPTS's own active coordinators, facilitators and admins decide on joins and invite. */
export function managesMembers(user: Viewer, membership: ViewerMembership | null): boolean {
	if (!user) return false;
	return canManageCpts(user) || isActiveCoordinator(membership);
}

/** Rule: the member list is for active members of that CPTS, facilitators and admins. */
export function seesMembers(user: Viewer, membership: ViewerMembership | null): boolean {
	if (!user) return false;
	return canManageCpts(user) || membership?.status === 'active';
}

/** Rule: removing a coordinator is for facilitators and admins; members for any manager. */
export function removesMember(user: Viewer, membership: ViewerMembership | null, target: ViewerMembership): boolean {
	if (target.role === 'coordinator') return canManageCpts(user);
	return managesMembers(user, membership);
}

/**
 * Rule: a CPTS territory is drawn by that CPTS's own active coordinators, facilitators and
 * admins; members, other CPTS's coordinators, partners and visitors read it only.
 */
export function editsTerritory(user: Viewer, membership: ViewerMembership | null): boolean {
	if (!user) return false;
	return canManageCpts(user) || isActiveCoordinator(membership);
}

/** A user's membership of a CPTS, or null when they never asked. */
export async function getMembership(db: DbOrTx, userId: string, cptsId: string): Promise<ViewerMembership | null> {
	const [row] = await db
		.select({ role: cptsMemberships.role, status: cptsMemberships.status })
		.from(cptsMemberships)
		.where(and(eq(cptsMemberships.cptsId, cptsId), eq(cptsMemberships.userId, userId)));
	return row ? { role: row.role as MembershipRole, status: row.status as MembershipStatus } : null;
}

/** The viewer's membership of a CPTS, or null (signed out, never asked). */
export async function getViewerMembership(db: DbOrTx, user: Viewer, cptsId: string): Promise<ViewerMembership | null> {
	return user ? getMembership(db, user.id, cptsId) : null;
}

/** May this user approve or refuse join requests of, and invite people to, this CPTS? */
export async function canManageMembers(db: DbOrTx, user: Viewer, cptsId: string): Promise<boolean> {
	if (!user) return false;
	if (canManageCpts(user)) return true;
	return managesMembers(user, await getViewerMembership(db, user, cptsId));
}

/** May this user read the member list of this CPTS? */
export async function canSeeMembers(db: DbOrTx, user: Viewer, cptsId: string): Promise<boolean> {
	if (!user) return false;
	if (canManageCpts(user)) return true;
	return seesMembers(user, await getViewerMembership(db, user, cptsId));
}

/** May this user change the territory (set of communes) of this CPTS? */
export async function canEditTerritory(db: DbOrTx, user: Viewer, cptsId: string): Promise<boolean> {
	if (!user) return false;
	if (canManageCpts(user)) return true;
	return editsTerritory(user, await getViewerMembership(db, user, cptsId));
}

/** Everything a CPTS page needs to know about its viewer, from one membership read. */
export interface ViewerAccess {
	membership: ViewerMembership | null;
	canEdit: boolean;
	canSeeMembers: boolean;
	canManageMembers: boolean;
	canEditTerritory: boolean;
	/** Signed in and neither a member nor waiting for an answer. */
	canAskToJoin: boolean;
}

export async function getViewerAccess(db: DbOrTx, user: Viewer, cptsId: string): Promise<ViewerAccess> {
	const membership = await getViewerMembership(db, user, cptsId);
	return {
		membership,
		canEdit: canManageCpts(user),
		canSeeMembers: seesMembers(user, membership),
		canManageMembers: managesMembers(user, membership),
		canEditTerritory: editsTerritory(user, membership),
		canAskToJoin: Boolean(user) && (membership === null || membership.status === 'refused')
	};
}
