/**
 * Who hears of a new post: the people it mentions ('forum.mention'), the thread's author
 * and those watching the thread or its category ('forum.reply'). Muting a thread or its
 * category silences replies (not mentions of oneself: someone asked for you by name).
 * Everyone is filtered by who may read the thread, so a private space never leaks a title.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { forumCategoryWatches, forumThreadWatches } from '../db/schema';
import { notify } from '../notifications';
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

/** Sends the notifications of a new (or edited: only new mentions) post. */
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
	for (const userId of mentioned) await notify(db, { userId, kind: 'forum.mention', params, link });
	if (!isNewPost || position === 1) return { mentioned, replied: [] };

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
	for (const userId of recipients) {
		const own = userId === thread.authorId;
		await notify(db, {
			userId,
			kind: 'forum.reply',
			params,
			link,
			...(own ? {} : { title: 'forum.notify.watched.title', body: 'forum.notify.watched.body' })
		});
	}
	return { mentioned, replied: recipients };
}

/**
 * After a post is written (new, or edited: `previousBody`): notifies the mentions it adds and,
 * for a reply, the watchers. Runs after the commit, so the thread's lock is not held while
 * mail goes out; a failure is logged, never turned into an error for the author, whose post
 * is saved.
 */
export async function notifyPostWritten(db: DbOrTx, author: ForumViewer, thread: PostedThread, position: number, body: string, previousBody?: string): Promise<void> {
	try {
		const before = new Set(previousBody === undefined ? [] : extractMentions(previousBody));
		const handles = extractMentions(body).filter((handle) => !before.has(handle));
		await notifyNewPost(db, author, thread, position, body, handles, previousBody === undefined);
	} catch (caught) {
		getLogger().error({ err: caught, threadId: thread.id, position }, 'forum notification failed');
	}
}
