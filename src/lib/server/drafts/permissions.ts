/**
 * Who may do what with a health-project draft. Pages, actions and the websocket
 * (ws-server) all ask these, so each rule lives here only:
 * - active members of the draft's CPTS (members and coordinators) edit;
 * - its active coordinators also manage it (status, reviewers);
 * - facilitators (animateurs, and admins who hold every role) comment;
 * - invited reviewers read and comment;
 * - everyone else, signed out included, is refused.
 * Commenting does not write the text: on the websocket, a commenter is read-only.
 */
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { hasRole } from '../auth/guards';
import { sessionUserId, type SessionUser } from '../auth/session';
import type { MembershipRole, MembershipStatus, ViewerMembership } from '../cpts/permissions';
import type { DbOrTx } from '../db';
import { preparedPerHandle } from '../db/prepared';
import { cptsMemberships, draftReviewers, drafts } from '../db/schema';

export type Draft = typeof drafts.$inferSelect;

/** The viewer: pages pass locals.user, the websocket the user of its session. */
export type DraftViewer = SessionUser | null | undefined;

/** What a viewer may do with a draft's text: write it, comment (and read) it, or nothing. */
export type DraftAccessLevel = 'edit' | 'comment' | 'none';

/** Rule: the access level from the viewer's membership of the draft's CPTS and invitation. */
export function draftAccessLevel(user: DraftViewer, membership: ViewerMembership | null, isReviewer: boolean): DraftAccessLevel {
	if (!user) return 'none';
	if (membership?.status === 'active') return 'edit';
	if (hasRole(user, 'facilitator') || isReviewer) return 'comment';
	return 'none';
}

/** Rule: the CPTS's active coordinators manage a draft (status, reviewers). */
export function managesDraft(user: DraftViewer, membership: ViewerMembership | null): boolean {
	return Boolean(user) && membership?.status === 'active' && membership.role === 'coordinator';
}

/** Everything a draft page or connection needs to know about its viewer. */
export interface DraftAccess {
	draft: Draft;
	level: DraftAccessLevel;
	canEdit: boolean;
	canComment: boolean;
	canRead: boolean;
	canManage: boolean;
}

/**
 * What the rules read about a draft and one viewer: the draft, the viewer's membership of
 * its CPTS and their invitation, read in one query. `viewerId` is whom the membership and
 * invitation were read for.
 */
export interface DraftAccessFacts {
	draft: Draft;
	viewerId: string | null;
	membership: ViewerMembership | null;
	isReviewer: boolean;
}

/** The one query behind DraftAccessFacts, for the viewer `viewerId` stands for. */
function draftAccessFactsQuery(db: DbOrTx, viewerId: SQL<string | null>) {
	return db
		.select({
			draft: drafts,
			viewerId: sql<string | null>`${viewerId}`,
			role: cptsMemberships.role,
			status: cptsMemberships.status,
			reviewerId: draftReviewers.userId
		})
		.from(drafts)
		.leftJoin(cptsMemberships, and(eq(cptsMemberships.cptsId, drafts.cptsId), eq(cptsMemberships.userId, viewerId)))
		.leftJoin(draftReviewers, and(eq(draftReviewers.draftId, drafts.id), eq(draftReviewers.userId, viewerId)))
		.where(eq(drafts.id, sql.placeholder('draftId')));
}

// Asked by every draft page and websocket connect: prepared (see db/prepared.ts).
const factsForUser = preparedPerHandle((db) =>
	draftAccessFactsQuery(db, sql<string | null>`${sql.placeholder('viewerId')}::text`).prepare('draft_access_facts_for_user')
);
const factsForSession = preparedPerHandle((db) =>
	draftAccessFactsQuery(db, sessionUserId(sql.placeholder('sessionId'))).prepare('draft_access_facts_for_session')
);

type DraftAccessFactsRow = Awaited<ReturnType<ReturnType<typeof factsForUser>['execute']>>[number];

function toFacts(row: DraftAccessFactsRow | undefined): DraftAccessFacts | null {
	if (!row) return null;
	return {
		draft: row.draft,
		viewerId: row.viewerId,
		membership: row.role && row.status ? { role: row.role as MembershipRole, status: row.status as MembershipStatus } : null,
		isReviewer: row.reviewerId !== null
	};
}

/**
 * The facts of a draft for the user of a session that is not validated yet: read beside
 * validateSessionToken, the websocket's connect costs one database round trip. They say
 * nothing until the session is known valid; then draftAccessFrom(user, facts).
 */
export async function readDraftAccessFactsOfSession(db: DbOrTx, sessionId: string, draftId: string): Promise<DraftAccessFacts | null> {
	const [row] = await factsForSession(db).execute({ sessionId, draftId });
	return toFacts(row);
}

/** The viewer's rights on a draft, from its facts. */
export function draftAccessFrom(user: DraftViewer, facts: DraftAccessFacts): DraftAccess {
	// Facts read for someone else (a session that ended between two reads) say nothing of
	// this viewer: without them, the rights can only be lower.
	const own = Boolean(user) && facts.viewerId === user!.id;
	const membership = own ? facts.membership : null;
	const level = draftAccessLevel(user, membership, own && facts.isReviewer);
	return {
		draft: facts.draft,
		level,
		canEdit: level === 'edit',
		canComment: level !== 'none',
		canRead: level !== 'none',
		canManage: managesDraft(user, membership)
	};
}

/** The draft and the viewer's rights on it (one query); null when the draft does not exist. */
export async function getDraftAccess(db: DbOrTx, user: DraftViewer, draftId: string): Promise<DraftAccess | null> {
	const [row] = await factsForUser(db).execute({ viewerId: user?.id ?? null, draftId });
	const facts = toFacts(row);
	return facts ? draftAccessFrom(user, facts) : null;
}

/** May this user change the text of this draft? */
export async function canEditDraft(db: DbOrTx, user: DraftViewer, draftId: string): Promise<boolean> {
	return (await getDraftAccess(db, user, draftId))?.canEdit ?? false;
}

/** May this user comment on this draft? */
export async function canCommentDraft(db: DbOrTx, user: DraftViewer, draftId: string): Promise<boolean> {
	return (await getDraftAccess(db, user, draftId))?.canComment ?? false;
}

/** May this user read this draft? */
export async function canReadDraft(db: DbOrTx, user: DraftViewer, draftId: string): Promise<boolean> {
	return (await getDraftAccess(db, user, draftId))?.canRead ?? false;
}

/** May this user change this draft's status and reviewers? */
export async function canManageDraft(db: DbOrTx, user: DraftViewer, draftId: string): Promise<boolean> {
	return (await getDraftAccess(db, user, draftId))?.canManage ?? false;
}
