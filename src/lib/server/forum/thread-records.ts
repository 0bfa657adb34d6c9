/**
 * Loading a thread or a post with the reader's right to see it: what every forum command and
 * view starts from. A thread or post the reader may not read is a 404 that does not tell it exists.
 */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { forumCategories, forumPosts, forumThreads, type ForumCategory, type ForumPost, type ForumThread } from '../db/schema';
import { notFound } from '../shared/errors';
import { canModerateCategory, canReadThread, type MaybeViewer } from './permissions';

export interface ThreadRecord extends ForumThread {
	category: ForumCategory;
}

/** Loads a thread with its category (`lock`: the thread row is locked for update). */
export async function loadThread(db: DbOrTx, threadId: number, lock = false): Promise<ThreadRecord> {
	if (!Number.isSafeInteger(threadId) || threadId <= 0) throw notFound('forum.threadNotFound');
	const query = db
		.select({ thread: forumThreads, category: forumCategories })
		.from(forumThreads)
		.innerJoin(forumCategories, eq(forumCategories.id, forumThreads.categoryId))
		.where(eq(forumThreads.id, threadId));
	const [row] = lock ? await query.for('update', { of: forumThreads }) : await query;
	if (!row) throw notFound('forum.threadNotFound');
	return { ...row.thread, category: row.category };
}

/** The thread if this reader may read it; otherwise a 404 that does not tell it exists. */
export async function requireReadableThread(db: DbOrTx, viewer: MaybeViewer, threadId: number): Promise<ThreadRecord> {
	const thread = await loadThread(db, threadId);
	if (!canReadThread(viewer, thread)) throw notFound('forum.threadNotFound');
	return thread;
}

/** Loads a post (`lock`: its row is locked for update). */
export async function loadPost(db: DbOrTx, postId: number, lock = false): Promise<ForumPost> {
	if (!Number.isSafeInteger(postId) || postId <= 0) throw notFound('forum.postNotFound');
	const query = db.select().from(forumPosts).where(eq(forumPosts.id, postId));
	const [row] = lock ? await query.for('update') : await query;
	if (!row) throw notFound('forum.postNotFound');
	return row;
}

/** A post and its thread, if this reader may read them. */
export async function requireReadablePost(db: DbOrTx, viewer: MaybeViewer, postId: number) {
	const post = await loadPost(db, postId);
	const thread = await requireReadableThread(db, viewer, post.threadId);
	if (post.hiddenAt && !canModerateCategory(viewer, thread.category)) throw notFound('forum.postNotFound');
	return { post, thread };
}

/** The page of a thread, for links and notifications. */
export function threadPath(threadId: number, position?: number): string {
	return position && position > 1 ? `/forums/sujet/${threadId}?depuis=${position}#message-${position}` : `/forums/sujet/${threadId}`;
}
