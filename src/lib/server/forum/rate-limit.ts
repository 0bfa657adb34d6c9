/**
 * Rate limits for new accounts, that do not cut off a real discussion: an account whose
 * e-mail is not verified and that no CPTS has approved yet opens at most 3 threads a day
 * and writes at most 10 replies an hour elsewhere; replies in a thread they opened are never
 * limited (they can always answer the people answering them). Verifying the e-mail or an
 * approved CPTS membership lifts the limits at once.
 */
import { and, count, eq, gt, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { forumPosts, forumThreads } from '../db/schema';
import { AppError } from '../shared/errors';
import { isNewAccountLimited, type ForumViewer } from './permissions';

export const NEW_ACCOUNT_THREADS_PER_DAY = 3;
export const NEW_ACCOUNT_REPLIES_PER_HOUR = 10;

/** Throws 'rate_limited' when a new account has opened too many threads today. */
export async function checkThreadRate(db: DbOrTx, viewer: ForumViewer): Promise<void> {
	if (!isNewAccountLimited(viewer)) return;
	const [row] = await db
		.select({ value: count() })
		.from(forumThreads)
		.where(and(eq(forumThreads.authorId, viewer.id), gt(forumThreads.createdAt, sql`now() - interval '1 day'`)));
	if (Number(row.value) >= NEW_ACCOUNT_THREADS_PER_DAY) {
		throw new AppError('rate_limited', 'forum.rate.threads', { limit: NEW_ACCOUNT_THREADS_PER_DAY });
	}
}

/** Throws 'rate_limited' when a new account has replied too often this hour (own threads excepted). */
export async function checkReplyRate(db: DbOrTx, viewer: ForumViewer, thread: { authorId: string | null }): Promise<void> {
	if (!isNewAccountLimited(viewer) || thread.authorId === viewer.id) return;
	const [row] = await db
		.select({ value: count() })
		.from(forumPosts)
		.innerJoin(forumThreads, eq(forumThreads.id, forumPosts.threadId))
		.where(
			and(
				eq(forumPosts.authorId, viewer.id),
				gt(forumPosts.createdAt, sql`now() - interval '1 hour'`),
				ne(forumPosts.position, 1),
				sql`${forumThreads.authorId} is distinct from ${viewer.id}`
			)
		);
	if (Number(row.value) >= NEW_ACCOUNT_REPLIES_PER_HOUR) {
		throw new AppError('rate_limited', 'forum.rate.replies', { limit: NEW_ACCOUNT_REPLIES_PER_HOUR });
	}
}
