/**
 * What a reader sees of a thread: a window of posts (from the first unread, or around a
 * position), a post's edit history, a post to quote. Read models only: nothing here writes.
 */
import { and, asc, desc, eq, gt, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { forumBookmarks, forumPostRevisions, forumPosts, forumReactions, forumReadPositions, forumThreadWatches, users } from '../db/schema';
import { POSTS_PAGE_SIZE, type ReactionKind, type WatchLevel } from '../../domain/forum';
import { activeCptsOf, type MemberOf } from '../cpts';
import { notFound } from '../shared/errors';
import {
	canAcceptAnswer,
	canEditPost,
	canModerateCategory,
	canReact,
	canReply,
	canScheduleExchange,
	canSeePostHistory,
	type MaybeViewer
} from './permissions';
import { requireReadablePost, requireReadableThread, type ThreadRecord } from './thread-records';

export interface PostVersion {
	number: number;
	bodyHtml: string;
	authorName: string | null;
	writtenAt: Date;
	replacedByName: string | null;
	replacedAt: Date;
	current: boolean;
}

/** Every version of a post, newest first (the current text first). */
export async function getPostHistory(db: DbOrTx, viewer: MaybeViewer, postId: number) {
	const { post, thread } = await requireReadablePost(db, viewer, postId);
	if (!canSeePostHistory(viewer, thread, post)) throw notFound('forum.postNotFound');
	const rows = await db
		.select({
			number: forumPostRevisions.number,
			bodyHtml: forumPostRevisions.bodyHtml,
			authorName: sql<string | null>`(select name from users where id = ${forumPostRevisions.authorId})`,
			writtenAt: forumPostRevisions.writtenAt,
			replacedByName: sql<string | null>`(select name from users where id = ${forumPostRevisions.replacedBy})`,
			replacedAt: forumPostRevisions.replacedAt
		})
		.from(forumPostRevisions)
		.where(eq(forumPostRevisions.postId, postId))
		.orderBy(desc(forumPostRevisions.number));
	const [author] = post.authorId ? await db.select({ name: users.name }).from(users).where(eq(users.id, post.authorId)) : [];
	const current: PostVersion = {
		number: post.editCount + 1,
		bodyHtml: post.bodyHtml,
		authorName: rows[0]?.replacedByName ?? author?.name ?? null,
		writtenAt: post.editedAt ?? post.createdAt,
		replacedByName: null,
		replacedAt: post.editedAt ?? post.createdAt,
		current: true
	};
	return {
		post,
		thread,
		versions: [current, ...rows.map((row) => ({ ...row, number: row.number, current: false }) as PostVersion)]
	};
}

export interface PostView {
	id: number;
	position: number;
	authorId: string | null;
	authorName: string | null;
	authorProfession: string | null;
	/** How the author wants her profession written (null: not chosen). */
	authorProfessionForm: string | null;
	/** The CPTS the author is an active member of (her user card). */
	authorCpts: MemberOf[];
	bodyHtml: string;
	/** The Markdown, for quoting (empty when hidden from this reader). */
	bodySource: string;
	createdAt: Date;
	editedAt: Date | null;
	editCount: number;
	hidden: boolean;
	/** Hidden, but shown to this moderator. */
	hiddenShown: boolean;
	merciCount: number;
	utileCount: number;
	myReactions: ReactionKind[];
	bookmarked: boolean;
	accepted: boolean;
	canEdit: boolean;
}

const postViewColumns = {
	id: forumPosts.id,
	position: forumPosts.position,
	authorId: forumPosts.authorId,
	authorName: users.name,
	authorProfession: users.profession,
	authorProfessionForm: users.professionForm,
	bodyHtml: forumPosts.bodyHtml,
	bodySource: forumPosts.bodySource,
	createdAt: forumPosts.createdAt,
	editedAt: forumPosts.editedAt,
	editCount: forumPosts.editCount,
	hiddenAt: forumPosts.hiddenAt,
	merciCount: forumPosts.merciCount,
	utileCount: forumPosts.utileCount
};

/** Posts of a thread in a position range, as this reader sees them. */
async function postViews(db: DbOrTx, viewer: MaybeViewer, thread: ThreadRecord, where: SQL, order: 'asc' | 'desc', limit: number): Promise<PostView[]> {
	const rows = await db
		.select(postViewColumns)
		.from(forumPosts)
		.leftJoin(users, eq(users.id, forumPosts.authorId))
		.where(and(eq(forumPosts.threadId, thread.id), where))
		.orderBy(order === 'asc' ? asc(forumPosts.position) : desc(forumPosts.position))
		.limit(limit);
	if (order === 'desc') rows.reverse();
	const ids = rows.map((row) => row.id);
	const mine = new Map<number, ReactionKind[]>();
	const bookmarks = new Set<number>();
	if (viewer && ids.length > 0) {
		const [reactions, marks] = await Promise.all([
			db
				.select({ postId: forumReactions.postId, kind: forumReactions.kind })
				.from(forumReactions)
				.where(and(eq(forumReactions.userId, viewer.id), inArray(forumReactions.postId, ids))),
			db
				.select({ postId: forumBookmarks.postId })
				.from(forumBookmarks)
				.where(and(eq(forumBookmarks.userId, viewer.id), inArray(forumBookmarks.postId, ids)))
		]);
		for (const reaction of reactions) mine.set(reaction.postId, [...(mine.get(reaction.postId) ?? []), reaction.kind]);
		for (const mark of marks) bookmarks.add(mark.postId);
	}
	const authorIds = rows.flatMap((row) => (row.authorId ? [row.authorId] : []));
	const cptsByAuthor = await activeCptsOf(db, authorIds);
	const moderator = canModerateCategory(viewer, thread.category);
	return rows.map((row) => {
		const hidden = row.hiddenAt !== null;
		const concealed = hidden && !moderator;
		return {
			id: row.id,
			position: row.position,
			authorId: row.authorId,
			authorName: row.authorName,
			authorProfession: row.authorProfession,
			authorProfessionForm: row.authorProfessionForm,
			authorCpts: (row.authorId && cptsByAuthor.get(row.authorId)) || [],
			bodyHtml: concealed ? '' : row.bodyHtml,
			bodySource: concealed ? '' : row.bodySource,
			createdAt: row.createdAt,
			editedAt: row.editedAt,
			editCount: row.editCount,
			hidden,
			hiddenShown: hidden && moderator,
			merciCount: row.merciCount,
			utileCount: row.utileCount,
			myReactions: mine.get(row.id) ?? [],
			bookmarked: bookmarks.has(row.id),
			accepted: thread.acceptedPostId === row.id,
			canEdit: canEditPost(viewer, thread, { authorId: row.authorId, hiddenAt: row.hiddenAt })
		};
	});
}

export interface ThreadView {
	thread: ThreadRecord;
	/** The reader's read position before this view (null: never opened, or signed out). */
	lastRead: number | null;
	authorName: string | null;
	/** The opening post, when the window starts further down. */
	opening: PostView | null;
	/** The accepted answer, shown under the question. */
	accepted: PostView | null;
	posts: PostView[];
	/** Position of the first post the reader had not read (null: nothing new). */
	firstUnread: number | null;
	/** Where the previous / next windows start (null: none). */
	earlierBefore: number | null;
	laterFrom: number | null;
	watchLevel: WatchLevel;
	permissions: {
		reply: boolean;
		accept: boolean;
		moderate: boolean;
		react: boolean;
		schedule: boolean;
	};
}

/**
 * A window of a thread for this reader: from `from` when given, before `before` when
 * given, else from the first unread post (or the start for a first visit). Reads at most
 * a page of posts through the (thread, position) index, however long the thread.
 */
export async function getThreadView(
	db: DbOrTx,
	viewer: MaybeViewer,
	threadId: number,
	options: { from?: number | null; before?: number | null } = {}
): Promise<ThreadView> {
	const thread = await requireReadableThread(db, viewer, threadId);
	let lastRead: number | null = null;
	let watchLevel: WatchLevel = 'normal';
	if (viewer) {
		// One round trip for both (a thread page is read far more often than anything else).
		const [facts] = await db
			.select({
				position: sql<number | null>`(select ${forumReadPositions.lastReadPosition} from ${forumReadPositions} where ${forumReadPositions.userId} = ${viewer.id} and ${forumReadPositions.threadId} = ${threadId})`,
				level: sql<WatchLevel | null>`(select ${forumThreadWatches.level} from ${forumThreadWatches} where ${forumThreadWatches.userId} = ${viewer.id} and ${forumThreadWatches.threadId} = ${threadId})`
			})
			.from(sql`(select 1) as one`);
		const position = facts?.position === null || facts?.position === undefined ? undefined : { value: Number(facts.position) };
		const watch = facts?.level ? { level: facts.level } : undefined;
		lastRead = position?.value ?? null;
		watchLevel = watch?.level ?? 'normal';
	}
	const firstUnread = viewer && lastRead !== null && lastRead < thread.postCount ? lastRead + 1 : null;
	let posts: PostView[];
	if (options.before && options.before > 1) {
		posts = await postViews(db, viewer, thread, lt(forumPosts.position, options.before), 'desc', POSTS_PAGE_SIZE);
	} else {
		const start = options.from && options.from >= 1 ? options.from : (firstUnread ?? 1);
		posts = await postViews(db, viewer, thread, gte(forumPosts.position, start), 'asc', POSTS_PAGE_SIZE + 1);
	}
	const hasLater = posts.length > POSTS_PAGE_SIZE && !(options.before && options.before > 1);
	if (hasLater) posts = posts.slice(0, POSTS_PAGE_SIZE);
	const firstShown = posts[0]?.position ?? 1;
	const lastShown = posts[posts.length - 1]?.position ?? 0;
	const acceptedShown = thread.acceptedPostId ? (posts.find((post) => post.id === thread.acceptedPostId) ?? null) : null;
	// The opening post, the accepted answer and the author's name, when needed, side by side.
	const [opening, acceptedRead, [author]] = await Promise.all([
		firstShown > 1 ? postViews(db, viewer, thread, eq(forumPosts.position, 1), 'asc', 1).then((rows) => rows[0] ?? null) : null,
		thread.acceptedPostId && !acceptedShown
			? postViews(db, viewer, thread, eq(forumPosts.id, thread.acceptedPostId), 'asc', 1).then((rows) => rows[0] ?? null)
			: acceptedShown,
		thread.authorId ? db.select({ name: users.name }).from(users).where(eq(users.id, thread.authorId)) : Promise.resolve([])
	]);
	const accepted = acceptedRead && !(acceptedRead.hidden && !acceptedRead.hiddenShown) ? acceptedRead : null;
	return {
		thread,
		lastRead,
		authorName: author?.name ?? null,
		opening,
		accepted,
		posts,
		firstUnread,
		earlierBefore: firstShown > 1 ? firstShown : null,
		laterFrom: hasLater || lastShown < thread.postCount ? lastShown + 1 : null,
		watchLevel,
		permissions: {
			reply: canReply(viewer, thread),
			accept: canAcceptAnswer(viewer, thread),
			moderate: canModerateCategory(viewer, thread.category),
			react: canReact(viewer, thread),
			schedule: canScheduleExchange(viewer, thread)
		}
	};
}

/** Posts after `position` (the live feed's fetch), as the page would show them. */
export async function getPostsAfter(db: DbOrTx, viewer: MaybeViewer, threadId: number, position: number): Promise<PostView[]> {
	const thread = await requireReadableThread(db, viewer, threadId);
	return postViews(db, viewer, thread, gt(forumPosts.position, Math.max(0, position)), 'asc', POSTS_PAGE_SIZE);
}


/** A post's author and Markdown, to quote it in a reply (null when not quotable by this reader). */
export async function quotablePost(db: DbOrTx, viewer: MaybeViewer, threadId: number, postId: number): Promise<{ authorName: string | null; source: string } | null> {
	const found = await requireReadablePost(db, viewer, postId).catch(() => null);
	if (!found || found.post.threadId !== threadId || found.post.hiddenAt) return null;
	const [author] = found.post.authorId ? await db.select({ name: users.name }).from(users).where(eq(users.id, found.post.authorId)) : [];
	return { authorName: author?.name ?? null, source: found.post.bodySource };
}

