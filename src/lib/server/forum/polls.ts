/**
 * Simple polls in threads (choosing a date for an exchange, a theme…): the thread's author
 * or a moderator adds one, with 2 to 10 choices and an optional closing time; readers vote
 * once and may change their mind until it closes. Counts are read from the votes themselves
 * (one row per voter, primary key), so concurrent clicks never count twice.
 */
import { and, count, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../db';
import { forumPolls, forumPollVotes } from '../db/schema';
import { fields } from '../shared/forms';
import { AppError, forbidden, notFound } from '../shared/errors';
import { generateId } from '../shared/ids';
import { canModerateCategory, canReact, type MaybeViewer } from './permissions';
import { requireReadableThread, type ThreadRecord } from './thread-records';

export const pollFormSchema = z.object({
	question: fields.requiredText(300),
	options: z
		.string({ error: 'form.required' })
		.transform((value) =>
			[...new Set(value.split(/\r?\n/).map((line) => line.replace(/^\s*[-*•]\s*/, '').trim()).filter(Boolean))]
		)
		.pipe(z.array(z.string().max(200, 'form.tooLong')).min(2, 'forum.poll.twoOptions').max(10, 'forum.poll.tooManyOptions'))
});
export type PollInput = z.output<typeof pollFormSchema>;

/** The thread's author or a moderator adds a poll. */
export function canAddPoll(viewer: MaybeViewer, thread: ThreadRecord): boolean {
	if (!viewer || !canReact(viewer, thread)) return false;
	return thread.authorId === viewer.id || canModerateCategory(viewer, thread.category);
}

export async function addPoll(db: DbOrTx, viewer: MaybeViewer, threadId: number, input: PollInput, closesAt: Date | null = null): Promise<void> {
	const thread = await requireReadableThread(db, viewer, threadId);
	if (!viewer || !canAddPoll(viewer, thread)) throw forbidden('forum.poll.cannotAdd');
	const inserted = await db
		.insert(forumPolls)
		.values({ id: generateId(), threadId, question: input.question, options: input.options, closesAt, createdBy: viewer.id })
		.onConflictDoNothing()
		.returning({ id: forumPolls.id });
	if (inserted.length === 0) throw new AppError('conflict', 'forum.poll.alreadyThere');
}

/** Votes (or changes the vote); a closed poll refuses. */
export async function votePoll(db: DbOrTx, viewer: MaybeViewer, threadId: number, optionIndex: number, now = new Date()): Promise<void> {
	const thread = await requireReadableThread(db, viewer, threadId);
	if (!viewer || !canReact(viewer, thread)) throw forbidden();
	const [poll] = await db.select().from(forumPolls).where(eq(forumPolls.threadId, threadId));
	if (!poll) throw notFound('forum.poll.notFound');
	if (poll.closesAt && poll.closesAt.getTime() <= now.getTime()) throw new AppError('conflict', 'forum.poll.closed');
	if (!Number.isInteger(optionIndex) || optionIndex < 0 || optionIndex >= poll.options.length) throw new AppError('invalid', 'form.choice');
	await db
		.insert(forumPollVotes)
		.values({ pollId: poll.id, userId: viewer.id, optionIndex })
		.onConflictDoUpdate({ target: [forumPollVotes.pollId, forumPollVotes.userId], set: { optionIndex, votedAt: sql`now()` } });
}

export interface PollView {
	question: string;
	options: { label: string; votes: number }[];
	total: number;
	/** The reader's choice (null: not voted). */
	myChoice: number | null;
	closed: boolean;
	closesAt: Date | null;
	canVote: boolean;
}

/** The thread's poll with its counts, or null. */
export async function getPollView(db: DbOrTx, viewer: MaybeViewer, thread: ThreadRecord, now = new Date()): Promise<PollView | null> {
	const [poll] = await db.select().from(forumPolls).where(eq(forumPolls.threadId, thread.id));
	if (!poll) return null;
	const rows = await db
		.select({ optionIndex: forumPollVotes.optionIndex, votes: count() })
		.from(forumPollVotes)
		.where(eq(forumPollVotes.pollId, poll.id))
		.groupBy(forumPollVotes.optionIndex);
	const byOption = new Map(rows.map((row) => [row.optionIndex, Number(row.votes)]));
	const [mine] = viewer
		? await db
				.select({ optionIndex: forumPollVotes.optionIndex })
				.from(forumPollVotes)
				.where(and(eq(forumPollVotes.pollId, poll.id), eq(forumPollVotes.userId, viewer.id)))
		: [];
	const closed = Boolean(poll.closesAt && poll.closesAt.getTime() <= now.getTime());
	return {
		question: poll.question,
		options: poll.options.map((label, index) => ({ label, votes: byOption.get(index) ?? 0 })),
		total: rows.reduce((sum, row) => sum + Number(row.votes), 0),
		myChoice: mine?.optionIndex ?? null,
		closed,
		closesAt: poll.closesAt,
		canVote: !closed && canReact(viewer, thread)
	};
}
