/**
 * Demo content of the drafts feature: La Plaine's health project, started from the rural
 * profil-type of the library, with one named version and a discussion. Idempotent: nothing
 * is added when La Plaine already has a draft of that title.
 */
import { and, eq } from 'drizzle-orm';
import { getCptsBySlug } from '../cpts/records';
import type { DbOrTx } from '../db';
import { drafts, users } from '../db/schema';
import type { SessionUser } from '../auth/session';
import { AppError } from '../shared/errors';
import { addComment } from '../drafts/comments';
import { startDraft } from '../drafts/start';
import { nameVersion } from '../drafts/versions';

export const DEMO_DRAFT_TITLE = 'Projet de santé 2026 de la CPTS de La Plaine';
const DEMO_PROFILE_SLUG = 'profil-type-rural-premier-recours-fragile';

async function sessionUser(db: DbOrTx, userId: string): Promise<SessionUser | null> {
	const [row] = await db.select().from(users).where(eq(users.id, userId));
	if (!row) return null;
	return { id: row.id, email: row.email, name: row.name, profession: row.profession, emailVerified: true, locale: 'fr', roles: [] };
}

/** Seeds La Plaine's demo draft (author: its coordinating demo account; a comment by the member). */
export async function seedDraftsDemo(db: DbOrTx, options: { authorId: string | null; commenterId: string | null }) {
	const place = await getCptsBySlug(db, 'la-plaine');
	const author = options.authorId ? await sessionUser(db, options.authorId) : null;
	if (!place || !author) return { drafts: 0 };
	const [existing] = await db
		.select({ id: drafts.id })
		.from(drafts)
		.where(and(eq(drafts.cptsId, place.id), eq(drafts.title, DEMO_DRAFT_TITLE)));
	if (existing) return { drafts: 0 };
	const draft = await startDraft(db, author, place, { title: DEMO_DRAFT_TITLE, profile: DEMO_PROFILE_SLUG }).catch((caught: unknown) => {
		// Without the library's demo profils-types, the bare template.
		if (!(caught instanceof AppError)) throw caught;
		return startDraft(db, author, place, { title: DEMO_DRAFT_TITLE, profile: null });
	});
	await nameVersion(db, author, draft.id, 'Trame de départ présentée au bureau');
	const commenter = options.commenterId ? await sessionUser(db, options.commenterId) : null;
	if (commenter) {
		await addComment(db, commenter, draft.id, {
			body: 'Pour le diagnostic, l’officine de Châtenois peut fournir le nombre de patients sans médecin traitant venus en 2025. Marc, je l’ajoute ?'
		});
	}
	return { drafts: 1 };
}
