/**
 * Draft records: creation, listing and invited reviewers. The text itself is the Yjs
 * document named by draftDocumentName(id), served by ws-server.
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import { writeAudit } from '../audit';
import { hasRole } from '../auth/guards';
import { notifyAccessChanged } from '../collab/registry';
import { draftDocumentName } from '../collab/names';
import { getMembership } from '../cpts/permissions';
import type { DbOrTx } from '../db';
import { draftReviewers, drafts, users, yjsDocuments } from '../db/schema';
import { AppError, conflict, forbidden, notFound } from '../shared/errors';
import { generateId } from '../shared/ids';
import { getDraftAccess, type Draft, type DraftViewer } from './permissions';

export const DRAFT_TITLE_MAX = 200;

/**
 * Creates a draft in a CPTS; only its active members may. `initialState` (a Yjs state in
 * the editor's shape) is stored as the document's first compacted state in the same
 * transaction, so ws-server serves it from the first connection.
 */
export async function createDraft(
	db: DbOrTx,
	user: DraftViewer,
	input: { cptsId: string; title: string; initialState?: Uint8Array; sourceProfileSlug?: string | null }
): Promise<Draft> {
	if (!user) throw new AppError('unauthenticated', 'error.unauthenticated');
	const title = input.title.trim();
	if (title.length === 0 || title.length > DRAFT_TITLE_MAX) throw new AppError('invalid', 'drafts.title.invalid');
	const membership = await getMembership(db, user.id, input.cptsId);
	if (membership?.status !== 'active') throw forbidden();
	return db.transaction(async (tx) => {
		const [draft] = await tx
			.insert(drafts)
			.values({ id: generateId(), cptsId: input.cptsId, title, createdBy: user.id })
			.returning();
		if (input.initialState) {
			await tx.insert(yjsDocuments).values({ name: draftDocumentName(draft.id), state: input.initialState });
		}
		await writeAudit(tx, {
			actorId: user.id,
			action: 'draft.created',
			targetType: 'draft',
			targetId: draft.id,
			details: { cptsId: input.cptsId, profile: input.sourceProfileSlug ?? null }
		});
		return draft;
	});
}

/**
 * Drafts of a CPTS the viewer may read, newest first: all of them for its active members
 * and for facilitators, only those they were invited to for reviewers.
 */
export async function listCptsDrafts(db: DbOrTx, user: DraftViewer, cptsId: string): Promise<Draft[]> {
	if (!user) return [];
	const membership = await getMembership(db, user.id, cptsId);
	if (membership?.status === 'active' || hasRole(user, 'facilitator')) {
		return db.select().from(drafts).where(eq(drafts.cptsId, cptsId)).orderBy(desc(drafts.createdAt), drafts.id);
	}
	const invited = db.select({ draftId: draftReviewers.draftId }).from(draftReviewers).where(eq(draftReviewers.userId, user.id));
	return db
		.select()
		.from(drafts)
		.where(and(eq(drafts.cptsId, cptsId), inArray(drafts.id, invited)))
		.orderBy(desc(drafts.createdAt), drafts.id);
}

/** Invites someone with an account to read and comment a draft (its managers only). */
export async function addDraftReviewer(db: DbOrTx, actor: DraftViewer, draftId: string, email: string): Promise<{ userId: string }> {
	const access = await getDraftAccess(db, actor, draftId);
	if (!access) throw notFound('drafts.notFound');
	if (!access.canManage) throw forbidden();
	const [person] = await db.select({ id: users.id }).from(users).where(eq(users.email, email.trim().toLowerCase()));
	if (!person) throw new AppError('invalid', 'drafts.reviewers.unknownEmail');
	await db.transaction(async (tx) => {
		const [row] = await tx
			.insert(draftReviewers)
			.values({ draftId, userId: person.id, invitedBy: actor!.id })
			.onConflictDoNothing()
			.returning();
		if (!row) throw conflict('drafts.reviewers.alreadyInvited');
		await writeAudit(tx, { actorId: actor!.id, action: 'draft.reviewer_added', targetType: 'draft', targetId: draftId, details: { userId: person.id } });
	});
	await notifyAccessChanged({ userId: person.id, documentName: draftDocumentName(draftId) });
	return { userId: person.id };
}

/** Withdraws an invitation; the reviewer's open connections to the draft are closed. */
export async function removeDraftReviewer(db: DbOrTx, actor: DraftViewer, draftId: string, userId: string): Promise<void> {
	const access = await getDraftAccess(db, actor, draftId);
	if (!access) throw notFound('drafts.notFound');
	if (!access.canManage) throw forbidden();
	await db.transaction(async (tx) => {
		const [row] = await tx
			.delete(draftReviewers)
			.where(and(eq(draftReviewers.draftId, draftId), eq(draftReviewers.userId, userId)))
			.returning();
		if (!row) throw notFound('drafts.reviewers.notInvited');
		await writeAudit(tx, { actorId: actor!.id, action: 'draft.reviewer_removed', targetType: 'draft', targetId: draftId, details: { userId } });
	});
	// After the commit: the re-check that follows must see the invitation gone.
	await notifyAccessChanged({ userId, documentName: draftDocumentName(draftId) });
}

/** The people invited to review a draft, by name (shown to its managers). */
export async function listDraftReviewers(db: DbOrTx, draftId: string): Promise<{ userId: string; name: string; email: string }[]> {
	return db
		.select({ userId: users.id, name: users.name, email: users.email })
		.from(draftReviewers)
		.innerJoin(users, eq(users.id, draftReviewers.userId))
		.where(eq(draftReviewers.draftId, draftId))
		.orderBy(users.name, users.id);
}
