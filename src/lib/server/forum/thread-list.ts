/** A category's threads for a reader, by latest activity or by top, with keyset pagination. */
import { and, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { DbOrTx } from '../db';
import { forumCategories, forumCategoryWatches, forumReadPositions, forumThreadWatches, forumThreads, users, type ForumCategory } from '../db/schema';
import { THREADS_PAGE_SIZE } from '../../domain/forum';
import { notFound } from '../shared/errors';
import { readableCategoryCondition } from './categories';
import { canModerateCategory, canReadCategory, type MaybeViewer } from './permissions';

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

export interface WatchedUnreadThread {
	id: number;
	title: string;
	categoryName: string;
	lastPostAt: Date;
	lastPosterName: string | null;
	/** Posts after the reader's read position (all of them when never opened). */
	unread: number;
	/** The first of them, where her reading resumes. */
	firstUnread: number;
}

/**
 * The threads the reader follows that have posts she has not read, latest activity first (at
 * most `limit`, and how many in all). She follows a thread she watches or tracks, one of a
 * category she watches or tracks (unless she lowered the thread's level), and one she started
 * (unless muted), as the reply notifications do (notify.ts). One query.
 */
export async function listWatchedUnread(db: DbOrTx, viewer: MaybeViewer, limit = 8): Promise<{ threads: WatchedUnreadThread[]; total: number }> {
	if (!viewer) return { threads: [], total: 0 };
	const following = ['watching', 'tracking'];
	const level = sql<string | null>`coalesce(${forumThreadWatches.level}, ${forumCategoryWatches.level})`;
	// Never opened: every post is unread, except the opening post for its author (she wrote it).
	const readUpTo = sql<number>`coalesce(${forumReadPositions.lastReadPosition}, case when ${forumThreads.authorId} = ${viewer.id} then 1 else 0 end)`;
	const unread = sql<number>`(${forumThreads.postCount} - ${readUpTo})::int`;
	const lastPoster = alias(users, 'last_poster');
	const rows = await db
		.select({
			id: forumThreads.id,
			title: forumThreads.title,
			categoryName: forumCategories.name,
			lastPostAt: forumThreads.lastPostAt,
			lastPosterName: lastPoster.name,
			unread,
			readUpTo: sql<number>`${readUpTo}::int`,
			total: sql<number>`(count(*) over ())::int`
		})
		.from(forumThreads)
		.innerJoin(forumCategories, eq(forumCategories.id, forumThreads.categoryId))
		.leftJoin(forumThreadWatches, and(eq(forumThreadWatches.threadId, forumThreads.id), eq(forumThreadWatches.userId, viewer.id)))
		.leftJoin(forumCategoryWatches, and(eq(forumCategoryWatches.categoryId, forumThreads.categoryId), eq(forumCategoryWatches.userId, viewer.id)))
		.leftJoin(forumReadPositions, and(eq(forumReadPositions.threadId, forumThreads.id), eq(forumReadPositions.userId, viewer.id)))
		.leftJoin(lastPoster, eq(lastPoster.id, forumThreads.lastPosterId))
		.where(
			and(
				readableCategoryCondition(viewer),
				isNull(forumThreads.hiddenAt),
				sql`${unread} > 0`,
				or(
					inArray(level, following),
					and(eq(forumThreads.authorId, viewer.id), sql`${level} is distinct from 'muted'`)
				)
			)
		)
		.orderBy(desc(forumThreads.lastPostAt), desc(forumThreads.id))
		.limit(limit);
	return { threads: rows.map((row) => ({ id: row.id, title: row.title, categoryName: row.categoryName, lastPostAt: row.lastPostAt, lastPosterName: row.lastPosterName, unread: row.unread, firstUnread: Number(row.readUpTo) + 1 })), total: rows[0]?.total ?? 0 };
}
