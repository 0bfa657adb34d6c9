/**
 * A member replies to a thread: the whole path of a reply after the route has parsed the
 * form. Checks who may, validates the body once, then writes in one transaction (the post
 * at the next position, the thread's and category's counters, the author's read position)
 * on the thread row loaded once and locked, with its effects: the notifications of mentions
 * and watchers, and the live-feed event the outbox worker publishes once this commits.
 */
import type { DbOrTx } from '../../db';
import { requireVerifiedEmail } from '../../auth/guards';
import { AppError, forbidden, notFound } from '../../shared/errors';
import { checkedPostBody } from '../forms';
import { queuePostPublished } from '../live';
import { notifyPostWritten } from '../notify';
import { canReadThread, canReply, type MaybeViewer } from '../permissions';
import { loadThread } from '../thread-records';
import { appendPost, upsertReadPosition } from '../thread-writes';

/**
 * Replies to a thread. A locked thread refuses with a clear message (moderators may still
 * write); an unverified address may not reply (requireVerifiedEmail); a body that breaks the
 * form's rules is an 'invalid' refusal about the `body` field.
 */
export async function replyToThread(db: DbOrTx, viewer: MaybeViewer, threadId: number, rawBody: string): Promise<{ postId: number; position: number }> {
	if (!viewer) throw new AppError('unauthenticated', 'forum.signInToPost');
	const body = checkedPostBody(rawBody);
	return db.transaction(async (tx) => {
		// Locked: the thread row gives the next position, and a concurrent lock or move waits.
		const thread = await loadThread(tx, threadId, true);
		if (!canReadThread(viewer, thread)) throw notFound('forum.threadNotFound');
		if (thread.lockedAt && !canReply(viewer, thread)) throw new AppError('conflict', 'forum.thread.lockedRefusal');
		if (!canReply(viewer, thread)) throw forbidden('forum.cannotPost');
		requireVerifiedEmail(viewer);
		const appended = await appendPost(tx, thread, viewer.id, body);
		// The author has read their own reply.
		await upsertReadPosition(tx, viewer.id, thread.id, appended.position);
		await queuePostPublished(tx, { threadId: thread.id, position: appended.position });
		await notifyPostWritten(tx, viewer, thread, appended.position, body);
		return appended;
	});
}
