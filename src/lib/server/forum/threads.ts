/**
 * Threads and posts: open a thread, reply, edit (keeping every earlier version), read a
 * thread from the first unread post, and list a category's threads by latest activity or
 * by top with keyset pagination.
 *
 * Positions: each thread's posts are numbered 1, 2, 3… A reply takes its number from the
 * thread row, updated (so locked) in the reply's transaction: two concurrent replies get
 * two numbers, and the unique (thread, position) index guarantees it.
 */
import { and, asc, desc, eq, gt, gte, inArray, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type DbOrTx } from '../db';
import {
	forumBookmarks,
	forumCategories,
	forumPostRevisions,
	forumPosts,
	forumReactions,
	forumReadPositions,
	forumThreads,
	forumThreadWatches,
	users,
	type ForumCategory,
	type ForumPost,
	type ForumThread
} from '../db/schema';
import { renderMarkdown } from '../library/markdown';
import { writeAudit } from '../audit';
import { requireVerifiedEmail } from '../auth/guards';
import { AppError, forbidden, notFound } from '../shared/errors';
import { getLogger } from '../logger';
import { MAX_THREAD_TITLE_LENGTH, POSTS_PAGE_SIZE, THREADS_PAGE_SIZE, type ReactionKind, type WatchLevel } from '../../domain/forum';
import type { Profession, TerritoryNature } from '../../domain/professions';
import { postBody, type ThreadInput } from './forms';
import { queuePostPublished } from './live';
import { extractMentions } from './mentions';
import { notifyNewPost } from './notify';
import {
	canAcceptAnswer,
	canEditPost,
	canModerateCategory,
	canReact,
	canReadCategory,
	canReadThread,
	canReply,
	canScheduleExchange,
	canSeePostHistory,
	canStartThread,
	type ForumViewer,
	type MaybeViewer
} from './permissions';

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

function invalid(messageKey: string, field: string): AppError {
	return new AppError('invalid', messageKey, { field });
}

/** Validates a body outside forms (createThread's callers): the same rules as the reply form. */
function checkedBody(body: string): string {
	const parsed = postBody.safeParse(body);
	if (!parsed.success) throw invalid(parsed.error.issues[0].message, 'body');
	return parsed.data;
}

function renderedColumns(source: string) {
	const rendered = renderMarkdown(source);
	return { bodySource: source, bodyHtml: rendered.html, bodyText: rendered.text };
}

export interface CreateThreadInput {
	categoryId: string;
	authorId: string | null;
	title: string;
	/** Markdown; rendered and sanitised here. */
	body: string;
	natures?: TerritoryNature[];
	professions?: Profession[];
	/** Makes the call idempotent: a second call with the same key returns the first thread. */
	externalKey?: string;
	createdAt?: Date;
}

export interface CreatedThread {
	threadId: number;
	postId: number;
	/** False when a thread with the same externalKey already existed. */
	created: boolean;
}

async function insertThread(tx: DbOrTx, input: CreateThreadInput & { title: string; body: string }): Promise<CreatedThread> {
	const at = input.createdAt ?? new Date();
	const inserted = await tx
		.insert(forumThreads)
		.values({
			categoryId: input.categoryId,
			authorId: input.authorId,
			title: input.title,
			natures: input.natures ?? [],
			professions: input.professions ?? [],
			postCount: 1,
			externalKey: input.externalKey ?? null,
			lastPostAt: at,
			lastPosterId: input.authorId,
			createdAt: at
		})
		.onConflictDoNothing()
		.returning({ id: forumThreads.id });
	if (inserted.length === 0) {
		const [existing] = await tx
			.select({ id: forumThreads.id })
			.from(forumThreads)
			.where(eq(forumThreads.externalKey, input.externalKey ?? ''));
		if (!existing) throw new Error('createThread: insert refused without an existing external key');
		const [first] = await tx
			.select({ id: forumPosts.id })
			.from(forumPosts)
			.where(and(eq(forumPosts.threadId, existing.id), eq(forumPosts.position, 1)));
		return { threadId: existing.id, postId: first?.id ?? 0, created: false };
	}
	const threadId = inserted[0].id;
	const [post] = await tx
		.insert(forumPosts)
		.values({ threadId, position: 1, authorId: input.authorId, createdAt: at, ...renderedColumns(input.body) })
		.returning({ id: forumPosts.id });
	await tx
		.update(forumCategories)
		.set({
			threadCount: sql`${forumCategories.threadCount} + 1`,
			postCount: sql`${forumCategories.postCount} + 1`,
			lastPostAt: sql`greatest(${forumCategories.lastPostAt}, ${at.toISOString()}::timestamptz)`
		})
		.where(eq(forumCategories.id, input.categoryId));
	return { threadId, postId: post.id, created: true };
}

/**
 * Opens a thread with its first post, without permission checks: for other features
 * (e.g. the discussion thread of a DPC session), which decide who may trigger it. Title and
 * body follow the form's rules (AppError 'invalid' otherwise). With `externalKey` the call
 * is idempotent. Returns the ids; the thread's page is `/forums/sujet/<threadId>`.
 */
export async function createThread(input: CreateThreadInput, db?: DbOrTx): Promise<CreatedThread> {
	const handle = db ?? (await getDb());
	const title = input.title.trim();
	if (title.length === 0) throw invalid('form.required', 'title');
	if (title.length > MAX_THREAD_TITLE_LENGTH) throw invalid('form.tooLong', 'title');
	const body = checkedBody(input.body);
	return handle.transaction((tx) => insertThread(tx, { ...input, title, body }));
}

/** The page of a thread, for links and notifications. */
export function threadPath(threadId: number, position?: number): string {
	return position && position > 1 ? `/forums/sujet/${threadId}?depuis=${position}#message-${position}` : `/forums/sujet/${threadId}`;
}

/** A member opens a thread in a category they may write in; mentions are notified. */
export async function startThread(db: DbOrTx, viewer: MaybeViewer, categoryId: string, input: ThreadInput): Promise<CreatedThread> {
	if (!viewer) throw new AppError('unauthenticated', 'forum.signInToPost');
	const [category] = await db.select().from(forumCategories).where(eq(forumCategories.id, categoryId));
	if (!category || !canReadCategory(viewer, category)) throw notFound('forum.categoryNotFound');
	if (!canStartThread(viewer, category)) throw forbidden('forum.cannotPost');
	requireVerifiedEmail(viewer);
	return db.transaction(async (tx) => {
		const created = await insertThread(tx, {
			categoryId,
			authorId: viewer.id,
			title: input.title,
			body: input.body,
			natures: input.natures,
			professions: input.professions
		});
		await notifyInPost(tx, viewer, created.threadId, 1, input.body);
		return created;
	});
}

/**
 * Writes a post's notifications in the post's transaction (their mails go through the outbox).
 * In a savepoint: a failure rolls back the notifications only, never the post.
 */
async function notifyInPost(tx: DbOrTx, viewer: ForumViewer, threadId: number, position: number, body: string, previousBody?: string) {
	try {
		await tx.transaction(async (savepoint) => {
			const before = new Set(previousBody === undefined ? [] : extractMentions(previousBody));
			const handles = extractMentions(body).filter((handle) => !before.has(handle));
			await notifyNewPost(savepoint, viewer, await loadThread(savepoint, threadId), position, body, handles, previousBody === undefined);
		});
	} catch (caught) {
		// The post is saved; a failed notification must not turn it into an error for the author.
		getLogger().error({ err: caught, threadId, position }, 'forum notification failed');
	}
}

/**
 * Replies to a thread. A locked thread refuses with a clear message (moderators may still
 * write); an unverified address may not reply (requireVerifiedEmail).
 */
export async function replyToThread(db: DbOrTx, viewer: MaybeViewer, threadId: number, rawBody: string): Promise<{ postId: number; position: number }> {
	if (!viewer) throw new AppError('unauthenticated', 'forum.signInToPost');
	const body = checkedBody(rawBody);
	const result = await db.transaction(async (tx) => {
		const thread = await loadThread(tx, threadId, true);
		if (!canReadThread(viewer, thread)) throw notFound('forum.threadNotFound');
		if (thread.lockedAt && !canReply(viewer, thread)) throw new AppError('conflict', 'forum.thread.lockedRefusal');
		if (!canReply(viewer, thread)) throw forbidden('forum.cannotPost');
		requireVerifiedEmail(viewer);
		const appended = await appendPost(tx, thread, viewer.id, body);
		// The author has read their own reply.
		await upsertReadPosition(tx, viewer.id, threadId, appended.position);
		await queuePostPublished(tx, { threadId, position: appended.position });
		await notifyInPost(tx, viewer, threadId, appended.position, body);
		return appended;
	});
	return result;
}

/**
 * Appends a post to a thread, without permission checks (callers check them; the demo seed
 * uses it directly). Run it in a transaction: the thread row's update gives the position.
 */
export async function appendPost(
	tx: DbOrTx,
	thread: { id: number; categoryId: string },
	authorId: string | null,
	body: string,
	at: Date = new Date()
): Promise<{ postId: number; position: number }> {
	const [{ position }] = await tx
		.update(forumThreads)
		.set({ postCount: sql`${forumThreads.postCount} + 1`, lastPostAt: sql`greatest(${forumThreads.lastPostAt}, ${at.toISOString()}::timestamptz)`, lastPosterId: authorId })
		.where(eq(forumThreads.id, thread.id))
		.returning({ position: forumThreads.postCount });
	const [post] = await tx
		.insert(forumPosts)
		.values({ threadId: thread.id, position, authorId, createdAt: at, ...renderedColumns(body) })
		.returning({ id: forumPosts.id });
	await tx
		.update(forumCategories)
		.set({ postCount: sql`${forumCategories.postCount} + 1`, lastPostAt: sql`greatest(${forumCategories.lastPostAt}, ${at.toISOString()}::timestamptz)` })
		.where(eq(forumCategories.id, thread.categoryId));
	return { postId: post.id, position };
}

async function loadPost(db: DbOrTx, postId: number, lock = false): Promise<ForumPost> {
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

/**
 * Edits a post: the previous text becomes a revision (the visible edit history), the post
 * shows "modifié". Authors edit their own posts; moderators any (recorded in the audit log).
 */
export async function editPost(db: DbOrTx, viewer: MaybeViewer, postId: number, rawBody: string): Promise<ForumPost> {
	if (!viewer) throw new AppError('unauthenticated', 'forum.signInToPost');
	const body = checkedBody(rawBody);
	const { saved } = await db.transaction(async (tx) => {
		const post = await loadPost(tx, postId, true);
		const thread = await loadThread(tx, post.threadId);
		if (!canReadThread(viewer, thread)) throw notFound('forum.postNotFound');
		if (!canEditPost(viewer, thread, post)) throw forbidden('forum.cannotEdit');
		if (post.bodySource === body) return { saved: post, previous: post, thread };
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
		await notifyInPost(tx, viewer, thread.id, saved.position, body, post.bodySource);
		return { saved, previous: post, thread };
	});
	return saved;
}

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

async function upsertReadPosition(db: DbOrTx, userId: string, threadId: number, position: number): Promise<void> {
	await db
		.insert(forumReadPositions)
		.values({ userId, threadId, lastReadPosition: position })
		.onConflictDoUpdate({
			target: [forumReadPositions.userId, forumReadPositions.threadId],
			set: {
				lastReadPosition: sql`greatest(${forumReadPositions.lastReadPosition}, excluded.last_read_position)`,
				updatedAt: sql`now()`
			},
			// Reading back an old page must not write (nor move the position back).
			setWhere: sql`${forumReadPositions.lastReadPosition} < excluded.last_read_position`
		});
}

/** Records that the reader has seen the thread up to `position` (never moves back). */
export async function markThreadRead(db: DbOrTx, viewer: MaybeViewer, thread: ThreadRecord, position: number): Promise<void> {
	if (!viewer || !canReadThread(viewer, thread)) return;
	const upTo = Math.min(Math.max(1, Math.floor(position)), thread.postCount);
	await upsertReadPosition(db, viewer.id, thread.id, upTo);
}

export interface PostView {
	id: number;
	position: number;
	authorId: string | null;
	authorName: string | null;
	authorProfession: string | null;
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

export type ThreadOrder = 'latest' | 'top';

export interface ThreadListEntry {
	id: number;
	title: string;
	authorName: string | null;
	postCount: number;
	reactionCount: number;
	lastPostAt: Date;
	lastPosterName: string | null;
	solved: boolean;
	pinned: boolean;
	locked: boolean;
	hidden: boolean;
	natures: string[];
	professions: string[];
	/** Posts the reader has not read (0 when up to date or signed out). */
	unread: number;
	/** Never opened by this reader, with activity since they joined. */
	isNew: boolean;
}

const cursorSchema = z.union([
	z.string().regex(/^\d{4}-\d\d-\d\dT[\d:.]+Z_\d{1,15}$/),
	z.string().regex(/^\d{1,9}_\d{1,15}$/)
]);

/**
 * A page of a category's threads, pinned ones first on the first page. Keyset pagination:
 * `after` is the cursor the previous page ended at, read by the (category, order, id)
 * index; no OFFSET, so the thousandth page costs what the first does.
 */
export async function listThreads(
	db: DbOrTx,
	viewer: MaybeViewer,
	category: ForumCategory,
	options: { order?: ThreadOrder; after?: string | null } = {}
): Promise<{ threads: ThreadListEntry[]; next: string | null }> {
	if (!canReadCategory(viewer, category)) throw notFound('forum.categoryNotFound');
	const order = options.order === 'top' ? 'top' : 'latest';
	const cursor = options.after && cursorSchema.safeParse(options.after).success ? options.after : null;
	const moderator = canModerateCategory(viewer, category);
	const visible = moderator ? undefined : isNull(forumThreads.hiddenAt);
	let keyset: SQL | undefined;
	if (cursor) {
		const [key, id] = cursor.split('_');
		keyset =
			order === 'top'
				? sql`(${forumThreads.reactionCount}, ${forumThreads.id}) < (${Number(key)}, ${Number(id)})`
				: sql`(${forumThreads.lastPostAt}, ${forumThreads.id}) < (${key}::timestamptz, ${Number(id)})`;
	}
	const lastPoster = sql<string | null>`(select name from users where id = ${forumThreads.lastPosterId})`;
	const columns = {
		id: forumThreads.id,
		title: forumThreads.title,
		authorName: users.name,
		postCount: forumThreads.postCount,
		reactionCount: forumThreads.reactionCount,
		lastPostAt: forumThreads.lastPostAt,
		lastPosterName: lastPoster,
		acceptedPostId: forumThreads.acceptedPostId,
		pinnedAt: forumThreads.pinnedAt,
		lockedAt: forumThreads.lockedAt,
		hiddenAt: forumThreads.hiddenAt,
		natures: forumThreads.natures,
		professions: forumThreads.professions
	};
	const pinned = cursor
		? []
		: await db
				.select(columns)
				.from(forumThreads)
				.leftJoin(users, eq(users.id, forumThreads.authorId))
				.where(and(eq(forumThreads.categoryId, category.id), sql`${forumThreads.pinnedAt} is not null`, visible))
				.orderBy(desc(forumThreads.pinnedAt));
	const rows = await db
		.select(columns)
		.from(forumThreads)
		.leftJoin(users, eq(users.id, forumThreads.authorId))
		.where(and(eq(forumThreads.categoryId, category.id), isNull(forumThreads.pinnedAt), visible, keyset))
		.orderBy(...(order === 'top' ? [desc(forumThreads.reactionCount), desc(forumThreads.id)] : [desc(forumThreads.lastPostAt), desc(forumThreads.id)]))
		.limit(THREADS_PAGE_SIZE + 1);
	const page = rows.slice(0, THREADS_PAGE_SIZE);
	const last = page[page.length - 1];
	const next =
		rows.length > THREADS_PAGE_SIZE && last
			? order === 'top'
				? `${last.reactionCount}_${last.id}`
				: `${last.lastPostAt.toISOString()}_${last.id}`
			: null;
	const all = [...pinned, ...page];
	const readPositions = new Map<number, number>();
	let joinedAt: Date | null = null;
	if (viewer && all.length > 0) {
		const positions = await db
			.select({ threadId: forumReadPositions.threadId, position: forumReadPositions.lastReadPosition })
			.from(forumReadPositions)
			.where(and(eq(forumReadPositions.userId, viewer.id), inArray(forumReadPositions.threadId, all.map((row) => row.id))));
		for (const row of positions) readPositions.set(row.threadId, row.position);
		[{ joinedAt }] = await db.select({ joinedAt: users.createdAt }).from(users).where(eq(users.id, viewer.id));
	}
	return {
		threads: all.map((row) => {
			const read = readPositions.get(row.id);
			return {
				id: row.id,
				title: row.title,
				authorName: row.authorName,
				postCount: row.postCount,
				reactionCount: row.reactionCount,
				lastPostAt: row.lastPostAt,
				lastPosterName: row.lastPosterName,
				solved: row.acceptedPostId !== null,
				pinned: row.pinnedAt !== null,
				locked: row.lockedAt !== null,
				hidden: row.hiddenAt !== null,
				natures: row.natures,
				professions: row.professions,
				unread: read !== undefined ? Math.max(0, row.postCount - read) : 0,
				isNew: Boolean(viewer) && read === undefined && joinedAt !== null && row.lastPostAt > joinedAt
			};
		}),
		next
	};
}

/** A post's author and Markdown, to quote it in a reply (null when not quotable by this reader). */
export async function quotablePost(db: DbOrTx, viewer: MaybeViewer, threadId: number, postId: number): Promise<{ authorName: string | null; source: string } | null> {
	const found = await requireReadablePost(db, viewer, postId).catch(() => null);
	if (!found || found.post.threadId !== threadId || found.post.hiddenAt) return null;
	const [author] = found.post.authorId ? await db.select({ name: users.name }).from(users).where(eq(users.id, found.post.authorId)) : [];
	return { authorName: author?.name ?? null, source: found.post.bodySource };
}
