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
import { and, eq } from 'drizzle-orm';
import { hasRole } from '../auth/guards';
import type { SessionUser } from '../auth/session';
import { getMembership, type ViewerMembership } from '../cpts/permissions';
import type { DbOrTx } from '../db';
import { draftReviewers, drafts } from '../db/schema';

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

export async function isDraftReviewer(db: DbOrTx, userId: string, draftId: string): Promise<boolean> {
	const [row] = await db
		.select({ userId: draftReviewers.userId })
		.from(draftReviewers)
		.where(and(eq(draftReviewers.draftId, draftId), eq(draftReviewers.userId, userId)));
	return Boolean(row);
}

/** The draft and the viewer's rights on it; null when the draft does not exist. */
export async function getDraftAccess(db: DbOrTx, user: DraftViewer, draftId: string): Promise<DraftAccess | null> {
	const [draft] = await db.select().from(drafts).where(eq(drafts.id, draftId));
	if (!draft) return null;
	const membership = user ? await getMembership(db, user.id, draft.cptsId) : null;
	// The invitation only matters to someone who is neither a member nor a facilitator.
	const needsInvitation = Boolean(user) && membership?.status !== 'active' && !hasRole(user, 'facilitator');
	const isReviewer = needsInvitation ? await isDraftReviewer(db, user!.id, draftId) : false;
	const level = draftAccessLevel(user, membership, isReviewer);
	return {
		draft,
		level,
		canEdit: level === 'edit',
		canComment: level !== 'none',
		canRead: level !== 'none',
		canManage: managesDraft(user, membership)
	};
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
