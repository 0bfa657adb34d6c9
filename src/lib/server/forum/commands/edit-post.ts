/** Editing a post, keeping every earlier version: the command behind the thread page's « Modifier ». */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db';
import { forumPostRevisions, forumPosts, type ForumPost } from '../../db/schema';
import { writeAudit } from '../../audit';
import { AppError, forbidden, notFound } from '../../shared/errors';
import { checkedPostBody } from '../forms';
import { notifyPostWritten } from '../notify';
import { canEditPost, canReadThread, type MaybeViewer } from '../permissions';
import { loadPost, loadThread } from '../thread-records';
import { renderedColumns } from '../thread-writes';

/**
 * Edits a post: the previous text becomes a revision (the visible edit history), the post
 * shows "modifié". Authors edit their own posts; moderators any (recorded in the audit log).
 */
export async function editPost(db: DbOrTx, viewer: MaybeViewer, postId: number, rawBody: string): Promise<ForumPost> {
	if (!viewer) throw new AppError('unauthenticated', 'forum.signInToPost');
	const body = checkedPostBody(rawBody);
	const { saved } = await db.transaction(async (tx) => {
		const post = await loadPost(tx, postId, true);
		const thread = await loadThread(tx, post.threadId);
		if (!canReadThread(viewer, thread)) throw notFound('forum.postNotFound');
		if (!canEditPost(viewer, thread, post)) throw forbidden('forum.cannotEdit');
		if (post.bodySource === body) return { saved: post };
		const now = new Date();
		await tx.insert(forumPostRevisions).values({
			postId,
			number: post.editCount + 1,
			bodySource: post.bodySource,
			bodyHtml: post.bodyHtml,
			authorId: post.authorId,
			writtenAt: post.editedAt ?? post.createdAt,
			replacedBy: viewer.id,
			replacedAt: now
		});
		const [saved] = await tx
			.update(forumPosts)
			.set({ ...renderedColumns(body), editCount: post.editCount + 1, editedAt: now })
			.where(eq(forumPosts.id, postId))
			.returning();
		if (post.authorId !== viewer.id) {
			await writeAudit(tx, {
				actorId: viewer.id,
				action: 'forum.post_edit',
				targetType: 'forum_post',
				targetId: String(postId),
				details: { threadId: thread.id, position: post.position }
			});
		}
		await notifyPostWritten(tx, viewer, thread, saved.position, body, post.bodySource);
		return { saved };
	});
	return saved;
}
