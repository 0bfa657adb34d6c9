/**
 * Who may do what in the forums. Pages, actions, the live feed, search, notifications and
 * the feature functions all ask these; each rule lives here only.
 *
 * - Mission, regional and general categories are read by everyone signed in or not; posting
 *   needs an account.
 * - A CPTS's private space is read and written by that CPTS's active members only, and
 *   moderated by its coordinators. Facilitators and admins are not let in by their role: the
 *   space is the CPTS's own (they may be members like anyone).
 * - Facilitators (animateurs) and admins manage categories and moderate the other
 *   categories; they schedule practice exchanges.
 * - Authors edit their own posts (not hidden ones); moderators may edit any post they moderate.
 */
import { hasRole } from '../auth/guards';
import type { SessionUser } from '../auth/session';
import type { DbOrTx } from '../db';
import { listUserCpts } from '../cpts';

/** What the rules know of the reader: the session user and their CPTS memberships. */
export interface ForumViewer {
	id: string;
	name: string;
	roles: SessionUser['roles'];
	emailVerified: boolean;
	/** CPTS where the membership is approved. */
	memberOf: ReadonlySet<string>;
	/** CPTS where they are an active coordinator. */
	coordinatorOf: ReadonlySet<string>;
}

export type MaybeViewer = ForumViewer | null | undefined;

/** What the rules need to know of a category. */
export interface CategoryFacts {
	kind: string;
	cptsId: string | null;
}

/** What the rules need to know of a thread (with its category). */
export interface ThreadFacts {
	authorId: string | null;
	lockedAt: Date | null;
	hiddenAt: Date | null;
	category: CategoryFacts;
}

export interface PostFacts {
	authorId: string | null;
	hiddenAt: Date | null;
}

/** Loads the viewer's forum facts (one query for the memberships); null when signed out. */
export async function loadForumViewer(db: DbOrTx, user: SessionUser | null | undefined): Promise<ForumViewer | null> {
	return user ? forumViewerOf(user, await listUserCpts(db, user.id)) : null;
}

/** The same from the user's CPTS already read (a page that also lists them reads them once). */
export function forumViewerOf(user: SessionUser, cpts: Awaited<ReturnType<typeof listUserCpts>>): ForumViewer {
	const memberships = cpts.filter((entry) => entry.status === 'active');
	return {
		id: user.id,
		name: user.name,
		roles: user.roles,
		emailVerified: user.emailVerified,
		memberOf: new Set(memberships.map((entry) => entry.cptsId)),
		coordinatorOf: new Set(memberships.filter((entry) => entry.role === 'coordinator').map((entry) => entry.cptsId))
	};
}

/** Facilitators (animateurs) and admins. */
export function isForumFacilitator(viewer: MaybeViewer): boolean {
	return hasRole(viewer as SessionUser | null | undefined, 'facilitator');
}

/** Facilitators manage categories (create, rename, order). */
export function canManageCategories(viewer: MaybeViewer): boolean {
	return isForumFacilitator(viewer);
}

/** May this reader see the category, its threads and their posts? */
export function canReadCategory(viewer: MaybeViewer, category: CategoryFacts): boolean {
	if (category.cptsId === null) return true;
	return Boolean(viewer?.memberOf.has(category.cptsId));
}

/** May this reader open a thread in the category? */
export function canStartThread(viewer: MaybeViewer, category: CategoryFacts): boolean {
	return Boolean(viewer) && canReadCategory(viewer, category);
}

/** Moderation of a category: its CPTS's coordinators for a private space, facilitators elsewhere. */
export function canModerateCategory(viewer: MaybeViewer, category: CategoryFacts): boolean {
	if (!viewer) return false;
	if (category.cptsId !== null) return viewer.coordinatorOf.has(category.cptsId);
	return isForumFacilitator(viewer);
}

export function canReadThread(viewer: MaybeViewer, thread: ThreadFacts): boolean {
	if (!canReadCategory(viewer, thread.category)) return false;
	return thread.hiddenAt === null || canModerateCategory(viewer, thread.category);
}

/** Replies: readers with an account, unless the thread is locked (moderators still may). */
export function canReply(viewer: MaybeViewer, thread: ThreadFacts): boolean {
	if (!viewer || !canReadThread(viewer, thread)) return false;
	return thread.lockedAt === null || canModerateCategory(viewer, thread.category);
}

export function isPostAuthor(viewer: MaybeViewer, post: PostFacts): boolean {
	return Boolean(viewer && post.authorId && post.authorId === viewer.id);
}

/** The author edits their post while it is visible; moderators edit any. */
export function canEditPost(viewer: MaybeViewer, thread: ThreadFacts, post: PostFacts): boolean {
	if (!viewer || !canReadThread(viewer, thread)) return false;
	if (canModerateCategory(viewer, thread.category)) return true;
	return isPostAuthor(viewer, post) && post.hiddenAt === null && thread.lockedAt === null;
}

/** The edit history is shown to anyone who may read the post. */
export function canSeePostHistory(viewer: MaybeViewer, thread: ThreadFacts, post: PostFacts): boolean {
	return canReadThread(viewer, thread) && (post.hiddenAt === null || canModerateCategory(viewer, thread.category));
}

/** The thread's author or a moderator marks a reply as the accepted answer. */
export function canAcceptAnswer(viewer: MaybeViewer, thread: ThreadFacts): boolean {
	if (!viewer || !canReadThread(viewer, thread)) return false;
	return (thread.authorId !== null && thread.authorId === viewer.id) || canModerateCategory(viewer, thread.category);
}

/** Reactions, bookmarks, flags, watch levels: signed-in readers. */
export function canReact(viewer: MaybeViewer, thread: ThreadFacts): boolean {
	return Boolean(viewer) && canReadThread(viewer, thread);
}

/** Facilitators schedule practice exchanges in threads they may moderate. */
export function canScheduleExchange(viewer: MaybeViewer, thread: ThreadFacts): boolean {
	return isForumFacilitator(viewer) && canReadThread(viewer, thread);
}
