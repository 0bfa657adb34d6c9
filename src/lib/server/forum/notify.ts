/**
 * Who hears of a new post: the people it mentions ('forum.mention'), the thread's author
 * and those watching the thread or its category ('forum.reply'). Muting a thread or its
 * category silences replies (not mentions of oneself: someone asked for you by name).
 * Everyone is filtered by who may read the thread, so a private space never leaks a title.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { forumCategoryWatches, forumThreadWatches } from '../db/schema';
import { notifyAll } from '../notifications';
import type { ForumViewer } from './permissions';
import { extractMentions, readersAmong, resolveMentions } from './mentions';
import { getLogger } from '../logger';
import type { ThreadRecord } from './thread-records';

const EXCERPT_LENGTH = 180;

/** What notifications read of a thread: its title and link, its category (who may read it), its author. */
export type PostedThread = Pick<ThreadRecord, 'id' | 'title' | 'categoryId' | 'authorId' | 'category'>;

function excerptOf(markdown: string): string {
	const text = markdown
		.replace(/```[\s\S]*?```/g, ' ')
		.replace(/^>.*$/gm, ' ')
		.replace(/[*_`#>\[\]()]/g, '')
		.replace(/\s+/g, ' ')
		.trim();
	return text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH - 1)}…` : text;
}

function postLink(threadId: number, position: number): string {
	return position > 1 ? `/forums/sujet/${threadId}?depuis=${position}#message-${position}` : `/forums/sujet/${threadId}`;
}

/** Writes the notifications of a new (or edited: only new mentions) post, in one batch. */
export async function notifyNewPost(
	db: DbOrTx,
	author: ForumViewer,
	thread: PostedThread,
	position: number,
	body: string,
	newHandles: string[],
	isNewPost: boolean
): Promise<{ mentioned: string[]; replied: string[] }> {
	const params = { name: author.name, topic: thread.title, excerpt: excerptOf(body) };
	const link = postLink(thread.id, position);
	const { userIds } = await resolveMentions(db, author, newHandles);
	const mentioned = await readersAmong(db, thread.category, userIds);
	const mentions = mentioned.map((userId) => ({ userId, kind: 'forum.mention' as const, params, link }));
	if (!isNewPost || position === 1) {
		await notifyAll(db, mentions);
		return { mentioned, replied: [] };
	}

	const [threadLevels, categoryLevels] = await Promise.all([
		db
			.select({ userId: forumThreadWatches.userId, level: forumThreadWatches.level })
			.from(forumThreadWatches)
			.where(eq(forumThreadWatches.threadId, thread.id)),
		db
			.select({ userId: forumCategoryWatches.userId, level: forumCategoryWatches.level })
			.from(forumCategoryWatches)
			.where(and(eq(forumCategoryWatches.categoryId, thread.categoryId), inArray(forumCategoryWatches.level, ['watching', 'muted'])))
	]);
	const threadLevel = new Map(threadLevels.map((row) => [row.userId, row.level]));
	const categoryLevel = new Map(categoryLevels.map((row) => [row.userId, row.level]));
	const levelOf = (userId: string) => threadLevel.get(userId) ?? categoryLevel.get(userId) ?? 'normal';
	const skip = new Set([author.id, ...mentioned]);
	const candidates = new Set<string>();
	if (thread.authorId && levelOf(thread.authorId) !== 'muted') candidates.add(thread.authorId);
	for (const [userId] of [...threadLevel, ...categoryLevel]) if (levelOf(userId) === 'watching') candidates.add(userId);
	const recipients = (await readersAmong(db, thread.category, candidates)).filter((userId) => !skip.has(userId));
	// Everyone in one batch: the mentioned and the repliers.
	await notifyAll(db, [
		...mentions,
		...recipients.map((userId) => ({
			userId,
			kind: 'forum.reply' as const,
			params,
			link,
			...(userId === thread.authorId ? {} : { title: 'forum.notify.watched.title' as const, body: 'forum.notify.watched.body' as const })
		}))
	]);
	return { mentioned, replied: recipients };
}

/**
 * When a post is written (new, or edited: `previousBody`): notifies the mentions it adds and,
 * for a reply, the watchers, in the post's transaction (their mails go through the outbox, so
 * nothing slow runs under the thread's lock). In a savepoint: a failure rolls back the
 * notifications only, is logged, and never turns into an error for the author, whose post is
 * saved.
 */
export async function notifyPostWritten(tx: DbOrTx, author: ForumViewer, thread: PostedThread, position: number, body: string, previousBody?: string): Promise<void> {
	try {
		await tx.transaction(async (savepoint) => {
			const before = new Set(previousBody === undefined ? [] : extractMentions(previousBody));
			const handles = extractMentions(body).filter((handle) => !before.has(handle));
			await notifyNewPost(savepoint, author, thread, position, body, handles, previousBody === undefined);
		});
	} catch (caught) {
		getLogger().error({ err: caught, threadId: thread.id, position }, 'forum notification failed');
	}
}
