/**
 * Moderation: members flag posts with a reason; the flags wait in a queue for those who
 * moderate the category (facilitators; a CPTS's coordinators for its private space), who
 * hide or restore posts, dismiss flags, lock, pin, hide or move threads. Every moderator
 * action is written to the audit log in the same transaction.
 */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { forumCategories, forumFlags, forumPosts, forumReadPositions, forumThreads, users } from '../db/schema';
import { writeAudit } from '../audit';
import { AppError, forbidden, notFound } from '../shared/errors';
import type { FlagReason } from '../../domain/forum';
import { canModerateCategory, canReact, canReadCategory, isForumFacilitator, type ForumViewer, type MaybeViewer } from './permissions';
import { loadThread, requireReadablePost } from './thread-records';

/** A member reports a post; a second report by the same member while open is ignored. */
export async function flagPost(db: DbOrTx, viewer: MaybeViewer, postId: number, reason: FlagReason, comment: string): Promise<void> {
	const { post, thread } = await requireReadablePost(db, viewer, postId);
	if (!viewer || !canReact(viewer, thread)) throw forbidden();
	if (post.authorId === viewer.id) throw new AppError('invalid', 'forum.flag.ownPost');
	await db.insert(forumFlags).values({ postId, reporterId: viewer.id, reason, comment: comment.slice(0, 1000) }).onConflictDoNothing();
}

export interface FlagQueueEntry {
	postId: number;
	position: number;
	threadId: number;
	threadTitle: string;
	categoryName: string;
	authorName: string | null;
	bodyHtml: string;
	hidden: boolean;
	flags: { id: number; reason: FlagReason; comment: string; reporterName: string | null; createdAt: Date }[];
}

/** The open flags this moderator may handle, grouped by post, oldest first. */
export async function listFlagQueue(db: DbOrTx, viewer: MaybeViewer): Promise<FlagQueueEntry[]> {
	if (!viewer) throw new AppError('unauthenticated', 'forum.signInToPost');
	const moderatedCpts = [...viewer.coordinatorOf];
	const scope = isForumFacilitator(viewer)
		? moderatedCpts.length
			? sql`(${forumCategories.cptsId} is null or ${inArray(forumCategories.cptsId, moderatedCpts)})`
			: isNull(forumCategories.cptsId)
		: moderatedCpts.length
			? inArray(forumCategories.cptsId, moderatedCpts)
			: null;
	if (!scope) throw forbidden('forum.cannotModerate');
	const rows = await db
		.select({
			flagId: forumFlags.id,
			reason: forumFlags.reason,
			comment: forumFlags.comment,
			createdAt: forumFlags.createdAt,
			reporterName: sql<string | null>`(select name from users where id = ${forumFlags.reporterId})`,
			postId: forumPosts.id,
			position: forumPosts.position,
			bodyHtml: forumPosts.bodyHtml,
			hiddenAt: forumPosts.hiddenAt,
			authorName: users.name,
			threadId: forumThreads.id,
			threadTitle: forumThreads.title,
			categoryName: forumCategories.name
		})
		.from(forumFlags)
		.innerJoin(forumPosts, eq(forumPosts.id, forumFlags.postId))
		.innerJoin(forumThreads, eq(forumThreads.id, forumPosts.threadId))
		.innerJoin(forumCategories, eq(forumCategories.id, forumThreads.categoryId))
		.leftJoin(users, eq(users.id, forumPosts.authorId))
		.where(and(eq(forumFlags.status, 'open'), scope))
		.orderBy(asc(forumFlags.createdAt), asc(forumFlags.id))
		.limit(500);
	const byPost = new Map<number, FlagQueueEntry>();
	for (const row of rows) {
		let entry = byPost.get(row.postId);
		if (!entry) {
			entry = {
				postId: row.postId,
				position: row.position,
				threadId: row.threadId,
				threadTitle: row.threadTitle,
				categoryName: row.categoryName,
				authorName: row.authorName,
				bodyHtml: row.bodyHtml,
				hidden: row.hiddenAt !== null,
				flags: []
			};
			byPost.set(row.postId, entry);
		}
		entry.flags.push({ id: row.flagId, reason: row.reason, comment: row.comment, reporterName: row.reporterName, createdAt: row.createdAt });
	}
	return [...byPost.values()];
}

/** Whether this viewer has any moderation to do (to show the link). */
export function moderatesSomething(viewer: MaybeViewer): boolean {
	return Boolean(viewer) && (isForumFacilitator(viewer) || viewer!.coordinatorOf.size > 0);
}

async function moderatedThread(tx: DbOrTx, viewer: MaybeViewer, threadId: number) {
	const thread = await loadThread(tx, threadId, true);
	if (!canReadCategory(viewer, thread.category)) throw notFound('forum.threadNotFound');
	if (!viewer || !canModerateCategory(viewer, thread.category)) throw forbidden('forum.cannotModerate');
	return { thread, moderator: viewer };
}

/** Hides (or restores) a post; hiding settles its open flags. */
export async function setPostHidden(db: DbOrTx, viewer: MaybeViewer, postId: number, hidden: boolean): Promise<void> {
	await db.transaction(async (tx) => {
		const [post] = await tx.select().from(forumPosts).where(eq(forumPosts.id, postId)).for('update');
		if (!post) throw notFound('forum.postNotFound');
		const { moderator } = await moderatedThread(tx, viewer, post.threadId);
		await tx
			.update(forumPosts)
			.set(hidden ? { hiddenAt: new Date(), hiddenBy: moderator.id } : { hiddenAt: null, hiddenBy: null })
			.where(eq(forumPosts.id, postId));
		if (hidden) {
			await tx
				.update(forumFlags)
				.set({ status: 'hidden', handledBy: moderator.id, handledAt: new Date() })
				.where(and(eq(forumFlags.postId, postId), eq(forumFlags.status, 'open')));
		}
		await writeAudit(tx, {
			actorId: moderator.id,
			action: hidden ? 'forum.post_hide' : 'forum.post_restore',
			targetType: 'forum_post',
			targetId: String(postId),
			details: { threadId: post.threadId, position: post.position }
		});
	});
}

/** Dismisses the open flags of a post (it stays visible). */
export async function dismissFlags(db: DbOrTx, viewer: MaybeViewer, postId: number): Promise<void> {
	await db.transaction(async (tx) => {
		const [post] = await tx.select().from(forumPosts).where(eq(forumPosts.id, postId));
		if (!post) throw notFound('forum.postNotFound');
		const { moderator } = await moderatedThread(tx, viewer, post.threadId);
		const dismissed = await tx
			.update(forumFlags)
			.set({ status: 'dismissed', handledBy: moderator.id, handledAt: new Date() })
			.where(and(eq(forumFlags.postId, postId), eq(forumFlags.status, 'open')))
			.returning({ id: forumFlags.id });
		await writeAudit(tx, {
			actorId: moderator.id,
			action: 'forum.flags_dismiss',
			targetType: 'forum_post',
			targetId: String(postId),
			details: { flags: dismissed.length }
		});
	});
}

export type ThreadModeration = 'lock' | 'unlock' | 'pin' | 'unpin' | 'hide' | 'restore';

/** Locks, pins or hides a thread (and the reverse). */
export async function moderateThread(db: DbOrTx, viewer: MaybeViewer, threadId: number, action: ThreadModeration): Promise<void> {
	await db.transaction(async (tx) => {
		const { moderator } = await moderatedThread(tx, viewer, threadId);
		const now = new Date();
		const changes = {
			lock: { lockedAt: now },
			unlock: { lockedAt: null },
			pin: { pinnedAt: now },
			unpin: { pinnedAt: null },
			hide: { hiddenAt: now },
			restore: { hiddenAt: null }
		}[action];
		await tx.update(forumThreads).set(changes).where(eq(forumThreads.id, threadId));
		await writeAudit(tx, { actorId: moderator.id, action: `forum.thread_${action}`, targetType: 'forum_thread', targetId: String(threadId) });
	});
}

/** Moves a thread to another category both ends of which the moderator moderates. */
export async function moveThread(db: DbOrTx, viewer: MaybeViewer, threadId: number, categoryId: string): Promise<void> {
	await db.transaction(async (tx) => {
		const { thread, moderator } = await moderatedThread(tx, viewer, threadId);
		const [target] = await tx.select().from(forumCategories).where(eq(forumCategories.id, categoryId));
		if (!target) throw notFound('forum.categoryNotFound');
		if (!canModerateCategory(moderator, target)) throw forbidden('forum.cannotModerate');
		if (target.id === thread.categoryId) return;
		await tx.update(forumThreads).set({ categoryId: target.id }).where(eq(forumThreads.id, threadId));
		// Counters follow the thread.
		const posts = thread.postCount;
		await tx
			.update(forumCategories)
			.set({ threadCount: sql`greatest(0, ${forumCategories.threadCount} - 1)`, postCount: sql`greatest(0, ${forumCategories.postCount} - ${posts})` })
			.where(eq(forumCategories.id, thread.categoryId));
		await tx
			.update(forumCategories)
			.set({
				threadCount: sql`${forumCategories.threadCount} + 1`,
				postCount: sql`${forumCategories.postCount} + ${posts}`,
				lastPostAt: sql`greatest(${forumCategories.lastPostAt}, ${thread.lastPostAt.toISOString()}::timestamptz)`
			})
			.where(eq(forumCategories.id, target.id));
		await writeAudit(tx, {
			actorId: moderator.id,
			action: 'forum.thread_move',
			targetType: 'forum_thread',
			targetId: String(threadId),
			details: { from: thread.category.slug, to: target.slug }
		});
	});
}

/** Categories a moderator may move a thread to. */
export async function moveTargets(db: DbOrTx, viewer: ForumViewer) {
	const rows = await db.select({ id: forumCategories.id, name: forumCategories.name, cptsId: forumCategories.cptsId, kind: forumCategories.kind }).from(forumCategories).orderBy(asc(forumCategories.position), asc(forumCategories.name));
	return rows.filter((row) => canModerateCategory(viewer, row));
}

/**
 * Splits a thread: the posts from `fromPosition` on become a new thread (same category,
 * numbered from 1, opened by the author of its first post) under `title`. Read positions
 * past the cut are brought back so later replies to the old thread show as unread; an
 * accepted answer that moved is cleared on the old thread.
 */
export async function splitThread(db: DbOrTx, viewer: MaybeViewer, threadId: number, fromPosition: number, title: string): Promise<number> {
	return db.transaction(async (tx) => {
		const { thread, moderator } = await moderatedThread(tx, viewer, threadId);
		if (!Number.isInteger(fromPosition) || fromPosition < 2 || fromPosition > thread.postCount) {
			throw new AppError('invalid', 'forum.split.position', { field: 'fromPosition' });
		}
		const [moved] = await tx
			.select({
				count: sql<number>`count(*)::int`,
				reactions: sql<number>`coalesce(sum(${forumPosts.merciCount} + ${forumPosts.utileCount}), 0)::int`,
				last: sql<string>`max(${forumPosts.createdAt})`,
				first: sql<string>`min(${forumPosts.createdAt})`,
				firstAuthor: sql<string | null>`(array_agg(${forumPosts.authorId} order by ${forumPosts.position}))[1]`,
				lastAuthor: sql<string | null>`(array_agg(${forumPosts.authorId} order by ${forumPosts.position} desc))[1]`,
				accepted: sql<boolean>`bool_or(${forumPosts.id} = ${thread.acceptedPostId ?? 0})`
			})
			.from(forumPosts)
			.where(and(eq(forumPosts.threadId, threadId), sql`${forumPosts.position} >= ${fromPosition}`));
		if (!moved || moved.count === 0) throw new AppError('invalid', 'forum.split.position', { field: 'fromPosition' });
		const [created] = await tx
			.insert(forumThreads)
			.values({
				categoryId: thread.categoryId,
				authorId: moved.firstAuthor,
				title,
				natures: thread.natures,
				professions: thread.professions,
				postCount: moved.count,
				reactionCount: moved.reactions,
				lastPostAt: new Date(moved.last),
				lastPosterId: moved.lastAuthor,
				createdAt: new Date(moved.first)
			})
			.returning({ id: forumThreads.id });
		await tx
			.update(forumPosts)
			.set({ threadId: created.id, position: sql`${forumPosts.position} - ${fromPosition - 1}` })
			.where(and(eq(forumPosts.threadId, threadId), sql`${forumPosts.position} >= ${fromPosition}`));
		const [remaining] = await tx
			.select({ last: sql<string>`max(${forumPosts.createdAt})`, lastAuthor: sql<string | null>`(array_agg(${forumPosts.authorId} order by ${forumPosts.position} desc))[1]` })
			.from(forumPosts)
			.where(eq(forumPosts.threadId, threadId));
		await tx
			.update(forumThreads)
			.set({
				postCount: fromPosition - 1,
				reactionCount: sql`greatest(0, ${forumThreads.reactionCount} - ${moved.reactions})`,
				lastPostAt: new Date(remaining.last),
				lastPosterId: remaining.lastAuthor,
				...(moved.accepted ? { acceptedPostId: null, acceptedBy: null } : {})
			})
			.where(eq(forumThreads.id, threadId));
		await tx
			.update(forumReadPositions)
			.set({ lastReadPosition: fromPosition - 1 })
			.where(and(eq(forumReadPositions.threadId, threadId), sql`${forumReadPositions.lastReadPosition} > ${fromPosition - 1}`));
		await tx
			.update(forumCategories)
			.set({ threadCount: sql`${forumCategories.threadCount} + 1` })
			.where(eq(forumCategories.id, thread.categoryId));
		await writeAudit(tx, {
			actorId: moderator.id,
			action: 'forum.thread_split',
			targetType: 'forum_thread',
			targetId: String(threadId),
			details: { newThreadId: created.id, fromPosition, posts: moved.count }
		});
		return created.id;
	});
}
