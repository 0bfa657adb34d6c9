/**
 * Demo content of the drafts feature: La Plaine's health project, started from the rural
 * profil-type of the library, with one named version and a discussion; and the Sud-Toulois
 * revision of its health project, that its coordinatrice finds on Mon espace with a comment
 * she has not read. Idempotent: nothing is added when the CPTS already has a draft of that title.
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

interface DemoDraft {
	cptsSlug: string;
	title: string;
	profile: string;
	version: string;
	comment: string;
}

const LA_PLAINE_DRAFT: DemoDraft = {
	cptsSlug: 'la-plaine',
	title: DEMO_DRAFT_TITLE,
	profile: DEMO_PROFILE_SLUG,
	version: 'Trame de départ présentée au bureau',
	comment: 'Pour le diagnostic, l’officine de Châtenois peut fournir le nombre de patients sans médecin traitant venus en 2025. Marc, je l’ajoute ?'
};

/** Sud-Toulois works under its ACI contract since 2023: it revises its project, it does not write a first one. */
export const SUD_TOULOIS_DRAFT_TITLE = 'Actualisation 2027 du projet de santé de la CPTS du Sud-Toulois';
const SUD_TOULOIS_DRAFT: DemoDraft = {
	cptsSlug: 'sud-toulois',
	title: SUD_TOULOIS_DRAFT_TITLE,
	profile: 'profil-type-periurbain-gouvernance-interprofessionnelle',
	version: 'Base de travail pour l’assemblée générale',
	comment:
		'Pour la fiche soins non programmés, les officines du territoire peuvent noter pendant un mois les demandes du samedi qui restent sans réponse. Je prépare le tableau de relevé ?'
};

/** Starts one demo draft (from its profil-type, else the bare template), names a version and adds the comment. */
async function seedDemoDraft(db: DbOrTx, demo: DemoDraft, options: { authorId: string | null; commenterId: string | null }): Promise<number> {
	const place = await getCptsBySlug(db, demo.cptsSlug);
	const author = options.authorId ? await sessionUser(db, options.authorId) : null;
	if (!place || !author) return 0;
	const [existing] = await db
		.select({ id: drafts.id })
		.from(drafts)
		.where(and(eq(drafts.cptsId, place.id), eq(drafts.title, demo.title)));
	if (existing) return 0;
	const draft = await startDraft(db, author, place, { title: demo.title, profile: demo.profile }).catch((caught: unknown) => {
		// Without the library's demo profils-types, the bare template.
		if (!(caught instanceof AppError)) throw caught;
		return startDraft(db, author, place, { title: demo.title, profile: null });
	});
	await nameVersion(db, author, draft.id, demo.version);
	const commenter = options.commenterId ? await sessionUser(db, options.commenterId) : null;
	if (commenter) await addComment(db, commenter, draft.id, { body: demo.comment });
	return 1;
}

/** Seeds La Plaine's demo draft (author: its coordinating demo account; a comment by the member). */
export async function seedDraftsDemo(db: DbOrTx, options: { authorId: string | null; commenterId: string | null }) {
	return { drafts: await seedDemoDraft(db, LA_PLAINE_DRAFT, options) };
}

/** Seeds the Sud-Toulois revision (author: its demo coordinatrice; a comment by the member, unread by her). */
export async function seedRevisionDraftDemo(db: DbOrTx, options: { authorId: string | null; commenterId: string | null }) {
	return { drafts: await seedDemoDraft(db, SUD_TOULOIS_DRAFT, options) };
}
