/**
 * The forum's write primitives, without permission checks: a thread with its first post, a
 * post appended at the next position, a reader's read position. Commands (commands/) check
 * who may, then call these inside their transaction; other features (a DPC session's
 * discussion thread) and the demo seed call them directly.
 *
 * Positions: each thread's posts are numbered 1, 2, 3… A reply takes its number from the
 * thread row, updated (so locked) in the reply's transaction: two concurrent replies get
 * two numbers, and the unique (thread, position) index guarantees it.
 */
import { and, eq, sql } from 'drizzle-orm';
import { getDb, type DbOrTx } from '../db';
import { forumCategories, forumPosts, forumReadPositions, forumThreads } from '../db/schema';
import { renderMarkdown } from '../library/markdown';
import type { Profession, TerritoryNature } from '../../domain/professions';
import { checkedPostBody, checkedThreadTitle } from './forms';
import { canReadThread, type MaybeViewer } from './permissions';
import type { ThreadRecord } from './thread-records';

/** The stored columns of a Markdown body: source, sanitised HTML and plain text (for search). */
export function renderedColumns(source: string) {
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

/** Inserts a thread, its first post and the category's counters (run it in a transaction). */
export async function insertThread(tx: DbOrTx, input: CreateThreadInput & { title: string; body: string }): Promise<CreatedThread> {
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
	const title = checkedThreadTitle(input.title);
	const body = checkedPostBody(input.body);
	return handle.transaction((tx) => insertThread(tx, { ...input, title, body }));
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

/** Moves a reader's position forward to `position` (never back; no write when already there). */
export async function upsertReadPosition(db: DbOrTx, userId: string, threadId: number, position: number): Promise<void> {
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
