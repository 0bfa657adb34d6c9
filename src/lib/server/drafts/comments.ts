/**
 * Comments on a draft: threads anchored to a stretch of text (two Yjs relative positions,
 * which follow the text through everyone's edits), replies, resolution. Whoever may
 * comment (members, facilitators, invited reviewers) may start a thread or reply; the
 * thread's author and the draft's editors resolve it. "@prenom-nom" of someone who may read
 * the draft notifies them (the forum's rule, shared/mentions.ts); a reply notifies the
 * thread's author. Every change to the threads reaches open editors live (live.ts).
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { writeAudit } from '../audit';
import { listMembers } from '../cpts/membership';
import type { DbOrTx } from '../db';
import { draftComments, draftReviewers, users } from '../db/schema';
import { notifyAll } from '../notifications';
import { AppError, forbidden, notFound } from '../shared/errors';
import { generateId } from '../shared/ids';
import { distinctHandles, extractMentions, handleOf, matchHandles } from '../shared/mentions';
import { queueCommentsChanged } from './live';
import { getDraftAccess, type Draft, type DraftAccess, type DraftViewer } from './permissions';

export const COMMENT_MAX = 4000;
/** A Yjs relative position encodes in a few dozen bytes; anything larger is not one. */
const ANCHOR_MAX_BYTES = 512;

export interface CommentInput {
	body: string;
	/** Y.encodeRelativePosition of the start and end, base64 (both or neither). */
	anchorStart?: string | null;
	anchorEnd?: string | null;
	quote?: string | null;
}

function decodeAnchor(value: string | null | undefined): Uint8Array | null {
	if (!value) return null;
	if (!/^[A-Za-z0-9+/=]{1,1024}$/.test(value)) throw new AppError('invalid', 'drafts.comments.anchorInvalid');
	const bytes = Buffer.from(value, 'base64');
	if (bytes.byteLength === 0 || bytes.byteLength > ANCHOR_MAX_BYTES) throw new AppError('invalid', 'drafts.comments.anchorInvalid');
	return new Uint8Array(bytes);
}

function checkBody(body: string): string {
	const trimmed = body.trim();
	if (!trimmed || trimmed.length > COMMENT_MAX) throw new AppError('invalid', 'drafts.comments.bodyInvalid');
	return trimmed;
}

async function requireCommenter(db: DbOrTx, user: DraftViewer, draftId: string): Promise<Draft> {
	if (!user) throw new AppError('unauthenticated', 'error.unauthenticated');
	const access = await getDraftAccess(db, user, draftId);
	if (!access?.canRead) throw notFound('drafts.notFound');
	if (!access.canComment) throw forbidden();
	return access.draft;
}

/** People who may read the draft and could be mentioned: its CPTS's members and its reviewers. */
export async function mentionablePeople(db: DbOrTx, draft: Draft): Promise<{ userId: string; name: string }[]> {
	const members = await listMembers(db, draft.cptsId);
	const reviewers = await db
		.select({ userId: users.id, name: users.name })
		.from(draftReviewers)
		.innerJoin(users, eq(users.id, draftReviewers.userId))
		.where(eq(draftReviewers.draftId, draft.id));
	const people = new Map<string, string>();
	for (const person of [...members, ...reviewers]) people.set(person.userId, person.name);
	return [...people].map(([userId, name]) => ({ userId, name }));
}

/** Who the @handles of a comment name among the people who may read the draft. */
export function findMentions(body: string, people: { userId: string; name: string }[]): string[] {
	const candidates = people.map((person) => ({ id: person.userId, handle: handleOf(person) }));
	return [...matchHandles(extractMentions(body), candidates).userIds];
}

/**
 * The @ completion of a draft's comments: the people who may read it (its CPTS's members,
 * its reviewers) whose handle or name holds what was typed, each with the handle to type.
 * Commenters only: the list of members is no more open through here than elsewhere.
 */
export async function suggestDraftMentions(db: DbOrTx, user: DraftViewer, draftId: string, typed: string, limit = 8) {
	const draft = await requireCommenter(db, user, draftId);
	const query = handleOf({ name: typed }).slice(0, 40);
	if (query.length < 2) return [];
	const people = distinctHandles((await mentionablePeople(db, draft)).map((person) => ({ id: person.userId, name: person.name, handle: handleOf(person) })));
	return people
		.filter((person) => person.handle.includes(query))
		.sort((a, b) => Number(!b.handle.startsWith(query)) - Number(!a.handle.startsWith(query)) || a.name.localeCompare(b.name, 'fr'))
		.slice(0, limit)
		.map((person) => ({ handle: person.handle, label: person.name, kind: 'person' as const }));
}

async function notifyComment(db: DbOrTx, draft: Draft, author: NonNullable<DraftViewer>, body: string, threadAuthorId: string | null) {
	const link = `/projets/${draft.id}#commentaires`;
	const excerpt = body.length > 160 ? `${body.slice(0, 157)}…` : body;
	const mentioned = findMentions(body, await mentionablePeople(db, draft)).filter((id) => id !== author.id);
	const toThreadAuthor = threadAuthorId && threadAuthorId !== author.id && !mentioned.includes(threadAuthorId) ? [threadAuthorId] : [];
	await notifyAll(db, [
		...mentioned.map((userId) => ({ userId, kind: 'draft.mention' as const, params: { name: author.name, draft: draft.title, excerpt }, link })),
		...toThreadAuthor.map((userId) => ({ userId, kind: 'draft.comment' as const, params: { name: author.name, draft: draft.title }, link }))
	]);
	return mentioned;
}

/** Starts a thread, anchored to text when both anchors are given. */
export async function addComment(db: DbOrTx, user: DraftViewer, draftId: string, input: CommentInput) {
	const draft = await requireCommenter(db, user, draftId);
	const body = checkBody(input.body);
	const anchorStart = decodeAnchor(input.anchorStart);
	const anchorEnd = decodeAnchor(input.anchorEnd);
	if (Boolean(anchorStart) !== Boolean(anchorEnd)) throw new AppError('invalid', 'drafts.comments.anchorInvalid');
	const quote = input.quote?.trim().slice(0, 500) || null;
	return db.transaction(async (tx) => {
		const [comment] = await tx
			.insert(draftComments)
			.values({ id: generateId(), draftId, authorId: user!.id, body, anchorStart, anchorEnd, quote: anchorStart ? quote : null })
			.returning();
		await writeAudit(tx, { actorId: user!.id, action: 'draft.comment_added', targetType: 'draft', targetId: draftId, details: { commentId: comment.id } });
		const mentioned = await notifyComment(tx, draft, user!, body, null);
		await queueCommentsChanged(tx, draftId, comment.id);
		return { comment, mentioned };
	});
}

/** Replies to a thread (its first comment). */
export async function replyToComment(db: DbOrTx, user: DraftViewer, draftId: string, threadId: string, body: string) {
	const draft = await requireCommenter(db, user, draftId);
	const text = checkBody(body);
	const [thread] = await db
		.select()
		.from(draftComments)
		.where(and(eq(draftComments.id, threadId), eq(draftComments.draftId, draftId), isNull(draftComments.parentId)));
	if (!thread) throw notFound('drafts.comments.notFound');
	return db.transaction(async (tx) => {
		const [reply] = await tx
			.insert(draftComments)
			.values({ id: generateId(), draftId, parentId: thread.id, authorId: user!.id, body: text })
			.returning();
		await notifyComment(tx, draft, user!, text, thread.authorId);
		await queueCommentsChanged(tx, draftId, reply.id);
		return reply;
	});
}

/** Resolves a thread (or reopens it): its author and the draft's editors may. */
export async function setCommentResolved(db: DbOrTx, user: DraftViewer, draftId: string, threadId: string, resolved: boolean) {
	if (!user) throw new AppError('unauthenticated', 'error.unauthenticated');
	const access = await getDraftAccess(db, user, draftId);
	if (!access?.canRead) throw notFound('drafts.notFound');
	const [thread] = await db
		.select()
		.from(draftComments)
		.where(and(eq(draftComments.id, threadId), eq(draftComments.draftId, draftId), isNull(draftComments.parentId)));
	if (!thread) throw notFound('drafts.comments.notFound');
	if (!access.canEdit && thread.authorId !== user.id) throw forbidden();
	await db.transaction(async (tx) => {
		await tx
			.update(draftComments)
			.set(resolved ? { resolvedAt: new Date(), resolvedBy: user.id } : { resolvedAt: null, resolvedBy: null })
			.where(eq(draftComments.id, threadId));
		await queueCommentsChanged(tx, draftId, threadId);
	});
}

export interface CommentEntry {
	id: string;
	authorName: string | null;
	body: string;
	createdAt: Date;
}

export interface CommentThread extends CommentEntry {
	anchorStart: string | null;
	anchorEnd: string | null;
	quote: string | null;
	resolved: boolean;
	canResolve: boolean;
	replies: CommentEntry[];
}

/** The threads of a draft, oldest first, with their replies (readers of the draft only). */
export async function listComments(db: DbOrTx, user: DraftViewer, draftId: string, known?: DraftAccess): Promise<CommentThread[]> {
	// A page that already judged the viewer passes its verdict (same rules, fewer queries).
	const access = known?.draft.id === draftId ? known : await getDraftAccess(db, user, draftId);
	if (!access?.canRead) throw notFound('drafts.notFound');
	const rows = await db
		.select({ comment: draftComments, authorName: users.name })
		.from(draftComments)
		.leftJoin(users, eq(users.id, draftComments.authorId))
		.where(eq(draftComments.draftId, draftId))
		.orderBy(asc(draftComments.createdAt), asc(draftComments.id))
		.limit(2000);
	const threads = new Map<string, CommentThread>();
	const base64 = (bytes: Uint8Array | null) => (bytes ? Buffer.from(bytes).toString('base64') : null);
	for (const { comment, authorName } of rows) {
		if (comment.parentId) continue;
		threads.set(comment.id, {
			id: comment.id,
			authorName,
			body: comment.body,
			createdAt: comment.createdAt,
			anchorStart: base64(comment.anchorStart),
			anchorEnd: base64(comment.anchorEnd),
			quote: comment.quote,
			resolved: comment.resolvedAt !== null,
			canResolve: access.canEdit || comment.authorId === user?.id,
			replies: []
		});
	}
	for (const { comment, authorName } of rows) {
		if (comment.parentId) threads.get(comment.parentId)?.replies.push({ id: comment.id, authorName, body: comment.body, createdAt: comment.createdAt });
	}
	return [...threads.values()];
}

/** Open threads per draft, for the lists of drafts. */
export async function countOpenThreads(db: DbOrTx, draftIds: string[]): Promise<Map<string, number>> {
	if (draftIds.length === 0) return new Map();
	const rows = await db
		.select({ draftId: draftComments.draftId })
		.from(draftComments)
		.where(and(inArray(draftComments.draftId, draftIds), isNull(draftComments.parentId), isNull(draftComments.resolvedAt)));
	const counts = new Map<string, number>();
	for (const row of rows) counts.set(row.draftId, (counts.get(row.draftId) ?? 0) + 1);
	return counts;
}
