/** A member opens a thread in a category they may write in; the mentions of its first post are notified. */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db';
import { forumCategories } from '../../db/schema';
import { requireVerifiedEmail } from '../../auth/guards';
import { AppError, forbidden, notFound } from '../../shared/errors';
import type { ThreadInput } from '../forms';
import { notifyPostWritten } from '../notify';
import { canReadCategory, canStartThread, type MaybeViewer } from '../permissions';
import { insertThread, type CreatedThread } from '../thread-writes';

/** Opens a thread (the form has validated title and body); an unverified address may not. */
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
		// The new thread as notifications read it, without loading it again.
		const thread = { id: created.threadId, categoryId, category, title: input.title, authorId: viewer.id };
		await notifyPostWritten(tx, viewer, thread, 1, input.body);
		return created;
	});
}
