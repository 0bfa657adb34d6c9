/**
 * What readers do to posts and threads: "Merci" / "Utile" reactions, bookmarks, the
 * accepted answer, watch levels. Anything counted is guarded by a constraint: a reaction
 * is counted only when its row was inserted (primary key), so double clicks and concurrent
 * requests never count twice.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import {
	forumBookmarks,
	forumCategoryWatches,
	forumPosts,
	forumReactions,
	forumThreads,
	forumThreadWatches,
	users
} from '../db/schema';
import { writeAudit } from '../audit';
import { AppError, forbidden, notFound } from '../shared/errors';
import type { ReactionKind, WatchLevel } from '../../domain/forum';
import { canAcceptAnswer, canModerateCategory, canReact, canReadCategory, type MaybeViewer } from './permissions';
import { loadThread, requireReadablePost, type ThreadRecord } from './thread-records';
import type { ForumCategory } from '../db/schema';

const counterOf = { merci: forumPosts.merciCount, utile: forumPosts.utileCount } as const;
const counterName = { merci: 'merciCount', utile: 'utileCount' } as const;

/** Adds or removes the reader's reaction; returns whether anything changed. */
export async function setReaction(db: DbOrTx, viewer: MaybeViewer, postId: number, kind: ReactionKind, on: boolean): Promise<boolean> {
	const { post, thread } = await requireReadablePost(db, viewer, postId);
	if (!viewer || !canReact(viewer, thread)) throw forbidden();
	if (post.hiddenAt) throw forbidden();
	if (post.authorId === viewer.id) throw new AppError('invalid', 'forum.react.ownPost');
	return db.transaction(async (tx) => {
		const changed = on
			? await tx.insert(forumReactions).values({ postId, userId: viewer.id, kind }).onConflictDoNothing().returning({ postId: forumReactions.postId })
			: await tx
					.delete(forumReactions)
					.where(and(eq(forumReactions.postId, postId), eq(forumReactions.userId, viewer.id), eq(forumReactions.kind, kind)))
					.returning({ postId: forumReactions.postId });
		if (changed.length === 0) return false;
		const delta = on ? 1 : -1;
		await tx
			.update(forumPosts)
			.set({ [counterName[kind]]: sql`${counterOf[kind]} + ${delta}` })
			.where(eq(forumPosts.id, postId));
		await tx
			.update(forumThreads)
			.set({ reactionCount: sql`${forumThreads.reactionCount} + ${delta}` })
			.where(eq(forumThreads.id, thread.id));
		return true;
	});
}

export async function setBookmark(db: DbOrTx, viewer: MaybeViewer, postId: number, on: boolean): Promise<void> {
	const { thread } = await requireReadablePost(db, viewer, postId);
	if (!viewer || !canReact(viewer, thread)) throw forbidden();
	if (on) await db.insert(forumBookmarks).values({ postId, userId: viewer.id }).onConflictDoNothing();
	else await db.delete(forumBookmarks).where(and(eq(forumBookmarks.postId, postId), eq(forumBookmarks.userId, viewer.id)));
}

/** The reader's bookmarks that they may still read, newest first. */
export async function listBookmarks(db: DbOrTx, viewer: NonNullable<MaybeViewer>, limit = 100) {
	const rows = await db
		.select({
			postId: forumPosts.id,
			position: forumPosts.position,
			threadId: forumThreads.id,
			title: forumThreads.title,
			excerpt: sql<string>`left(${forumPosts.bodyText}, 200)`,
			authorName: users.name,
			createdAt: forumBookmarks.createdAt,
			hiddenAt: forumPosts.hiddenAt,
			threadHiddenAt: forumThreads.hiddenAt,
			categoryId: forumThreads.categoryId
		})
		.from(forumBookmarks)
		.innerJoin(forumPosts, eq(forumPosts.id, forumBookmarks.postId))
		.innerJoin(forumThreads, eq(forumThreads.id, forumPosts.threadId))
		.leftJoin(users, eq(users.id, forumPosts.authorId))
		.where(eq(forumBookmarks.userId, viewer.id))
		.orderBy(desc(forumBookmarks.createdAt))
		.limit(limit);
	const result = [];
	for (const row of rows) {
		// A membership ended or a post hidden since: the bookmark stays but is not shown.
		const thread = await loadThread(db, row.threadId);
		if (!canReadCategory(viewer, thread.category) || row.hiddenAt || row.threadHiddenAt) continue;
		result.push(row);
	}
	return result;
}

/**
 * Marks a reply as the accepted answer (or clears it with null). The thread holds one
 * accepted post by construction; concurrent clicks end with one of them, never two.
 */
export async function acceptAnswer(db: DbOrTx, viewer: MaybeViewer, threadId: number, postId: number | null): Promise<void> {
	await db.transaction(async (tx) => {
		const thread = await loadThread(tx, threadId, true);
		if (!viewer || !canAcceptAnswer(viewer, thread)) throw forbidden('forum.cannotAccept');
		if (postId !== null) {
			const [post] = await tx
				.select({ id: forumPosts.id, position: forumPosts.position, hiddenAt: forumPosts.hiddenAt })
				.from(forumPosts)
				.where(and(eq(forumPosts.id, postId), eq(forumPosts.threadId, threadId)));
			if (!post || post.hiddenAt) throw notFound('forum.postNotFound');
			if (post.position === 1) throw new AppError('invalid', 'forum.accept.notTheQuestion');
		}
		await tx.update(forumThreads).set({ acceptedPostId: postId, acceptedBy: postId ? viewer.id : null }).where(eq(forumThreads.id, threadId));
		if (thread.authorId !== viewer.id) {
			await writeAudit(tx, {
				actorId: viewer.id,
				action: postId ? 'forum.accept' : 'forum.unaccept',
				targetType: 'forum_thread',
				targetId: String(threadId),
				details: { postId }
			});
		}
	});
}

export async function setThreadWatch(db: DbOrTx, viewer: MaybeViewer, thread: ThreadRecord, level: WatchLevel): Promise<void> {
	if (!viewer || !canReact(viewer, thread)) throw forbidden();
	await db
		.insert(forumThreadWatches)
		.values({ userId: viewer.id, threadId: thread.id, level })
		.onConflictDoUpdate({ target: [forumThreadWatches.userId, forumThreadWatches.threadId], set: { level } });
}

export async function setCategoryWatch(db: DbOrTx, viewer: MaybeViewer, category: ForumCategory, level: WatchLevel): Promise<void> {
	if (!viewer || !canReadCategory(viewer, category)) throw forbidden();
	await db
		.insert(forumCategoryWatches)
		.values({ userId: viewer.id, categoryId: category.id, level })
		.onConflictDoUpdate({ target: [forumCategoryWatches.userId, forumCategoryWatches.categoryId], set: { level } });
}

export async function getCategoryWatch(db: DbOrTx, viewer: MaybeViewer, categoryId: string): Promise<WatchLevel> {
	if (!viewer) return 'normal';
	const [row] = await db
		.select({ level: forumCategoryWatches.level })
		.from(forumCategoryWatches)
		.where(and(eq(forumCategoryWatches.userId, viewer.id), eq(forumCategoryWatches.categoryId, categoryId)));
	return row?.level ?? 'normal';
}


