/**
 * Drafts on Mon espace: my projects with the comments I have not seen yet, and the drafts
 * waiting for my review. A comment is unseen when someone else wrote it after I last opened
 * the draft's page (draft_comment_reads), or at any time if I never did. One query each.
 */
import { and, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { cpts, cptsMemberships, draftCommentReads, draftComments, draftReviewers, drafts } from '../db/schema';
import type { DraftStatus } from '../db/schema';

export interface DraftOverview {
	id: string;
	title: string;
	status: DraftStatus;
	updatedAt: Date;
	cptsName: string;
	/** Comments and replies by others since I last opened the draft. */
	unreadComments: number;
}

/** Records that the user has just seen the draft's comments (called when the draft's page loads). */
export async function markDraftCommentsSeen(db: DbOrTx, userId: string, draftId: string): Promise<void> {
	await db
		.insert(draftCommentReads)
		.values({ userId, draftId })
		.onConflictDoUpdate({ target: [draftCommentReads.userId, draftCommentReads.draftId], set: { readAt: sql`now()` } });
}

const unreadComments = (userId: string) => sql<number>`(select count(*) from ${draftComments}
	where ${draftComments.draftId} = ${drafts.id}
		and ${draftComments.authorId} is distinct from ${userId}
		and ${draftComments.createdAt} > coalesce(${draftCommentReads.readAt}, '-infinity'::timestamptz))::int`;

const overviewColumns = (userId: string) => ({
	id: drafts.id,
	title: drafts.title,
	status: drafts.status,
	updatedAt: drafts.updatedAt,
	cptsName: cpts.name,
	unreadComments: unreadComments(userId)
});

/**
 * The drafts of the CPTS I am an active member of and those I was invited to review: the
 * ones with unseen comments first, then the latest changed; at most `limit`, and how many in all.
 */
export async function listMyDraftsOverview(db: DbOrTx, userId: string, limit = 6): Promise<{ drafts: DraftOverview[]; total: number }> {
	const mine = db
		.select({ cptsId: cptsMemberships.cptsId })
		.from(cptsMemberships)
		.where(and(eq(cptsMemberships.userId, userId), eq(cptsMemberships.status, 'active')));
	const invited = db.select({ draftId: draftReviewers.draftId }).from(draftReviewers).where(eq(draftReviewers.userId, userId));
	const rows = await db
		.select({ ...overviewColumns(userId), total: sql<number>`(count(*) over ())::int` })
		.from(drafts)
		.innerJoin(cpts, eq(cpts.id, drafts.cptsId))
		.leftJoin(draftCommentReads, and(eq(draftCommentReads.draftId, drafts.id), eq(draftCommentReads.userId, userId)))
		.where(or(inArray(drafts.cptsId, mine), inArray(drafts.id, invited)))
		.orderBy(desc(sql`${unreadComments(userId)} > 0`), desc(drafts.updatedAt), drafts.id)
		.limit(limit);
	return { drafts: rows.map(({ total: _total, ...row }) => row), total: rows[0]?.total ?? 0 };
}

/**
 * Drafts « en relecture » waiting for my reading: those I was invited to review, and, for
 * a facilitator, those of the CPTS she accompanies.
 */
export async function listDraftsToReview(db: DbOrTx, userId: string, limit = 10): Promise<DraftOverview[]> {
	const invited = db.select({ draftId: draftReviewers.draftId }).from(draftReviewers).where(eq(draftReviewers.userId, userId));
	return db
		.select(overviewColumns(userId))
		.from(drafts)
		.innerJoin(cpts, eq(cpts.id, drafts.cptsId))
		.leftJoin(draftCommentReads, and(eq(draftCommentReads.draftId, drafts.id), eq(draftCommentReads.userId, userId)))
		.where(and(eq(drafts.status, 'en_relecture'), or(inArray(drafts.id, invited), eq(cpts.facilitatorId, userId))))
		.orderBy(desc(drafts.updatedAt), drafts.id)
		.limit(limit);
}
