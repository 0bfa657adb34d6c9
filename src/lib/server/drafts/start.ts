/**
 * Starting a draft: from the projet de santé template, or from a profil-type of the library
 * (its missions, example actions, partners and indicators pre-filled), and the lists of
 * drafts pages show.
 */
import { and, desc, eq, inArray, or } from 'drizzle-orm';
import { z } from 'zod';
import type { TerritoryNature } from '../../domain/professions';
import { listMembers } from '../cpts/membership';
import { getTerritoryUnits } from '../territories/territory';
import type { CptsWithRegion } from '../cpts/records';
import type { DbOrTx } from '../db';
import { cpts, cptsMemberships, draftReviewers, drafts } from '../db/schema';
import { matchProfiles, type ProfileMatch } from '../library/matching';
import { requireReadableResource } from '../library/resources';
import { fields } from '../shared/forms';
import { AppError } from '../shared/errors';
import { stateFromJSON } from './content';
import { countOpenThreads } from './comments';
import { DRAFT_TITLE_MAX, createDraft } from './records';
import { buildProjectTemplate } from './template';
import type { Draft, DraftViewer } from './permissions';

/** The creation form: a title and a starting point ("" = the bare template, or a profil-type slug). */
export const draftCreateSchema = z.object({
	title: fields.requiredText(DRAFT_TITLE_MAX),
	profile: z
		.string()
		.trim()
		.max(100, 'form.tooLong')
		.regex(/^([a-z0-9-]+)?$/, 'drafts.create.profileInvalid')
		.optional()
		.transform((value) => value || null)
});

/** The profils-types a CPTS may start from, the closest to its figures first. */
export async function profileChoices(db: DbOrTx, viewer: DraftViewer, place: CptsWithRegion): Promise<ProfileMatch[]> {
	return matchProfiles(
		db,
		viewer,
		{ population: place.population, professionals: place.professionalsCount, nature: place.nature as TerritoryNature, maturity: null },
		50
	);
}

/** Creates a draft of this CPTS whose text is the template, filled from the CPTS and the profil-type. */
export async function startDraft(
	db: DbOrTx,
	user: DraftViewer,
	place: CptsWithRegion,
	input: { title: string; profile: string | null }
): Promise<Draft> {
	let source = null;
	if (input.profile) {
		// Missing, unpublished or unreadable: the same "choose a published profil-type".
		const resource = await requireReadableResource(db, user, input.profile).catch((caught: unknown) => {
			if (caught instanceof AppError) return null;
			throw caught;
		});
		if (!resource || resource.kind !== 'profil_type' || !resource.profile) throw new AppError('invalid', 'drafts.create.profileInvalid');
		source = { title: resource.title, profile: resource.profile };
	}
	const [members, territory] = await Promise.all([listMembers(db, place.id), getTerritoryUnits(db, place.id)]);
	const doc = buildProjectTemplate(
		{
			name: place.name,
			nature: place.nature,
			population: place.population,
			professionalsCount: place.professionalsCount,
			communes: territory.map((unit) => unit.name),
			regionName: place.regionName,
			department: place.department
		},
		members.map((member) => ({ name: member.name, profession: member.profession, professionForm: member.professionForm, role: member.role })),
		source
	);
	return createDraft(db, user, { cptsId: place.id, title: input.title, initialState: stateFromJSON(doc), sourceProfileSlug: input.profile });
}

export interface DraftCard {
	id: string;
	title: string;
	status: Draft['status'];
	updatedAt: Date;
	createdAt: Date;
	cptsName: string;
	cptsSlug: string;
	openThreads: number;
}

/**
 * Drafts of the CPTS the user is an active member of, and those they were invited to
 * review, newest first.
 */
export async function listMyDrafts(db: DbOrTx, user: DraftViewer): Promise<DraftCard[]> {
	if (!user) return [];
	const mine = db
		.select({ cptsId: cptsMemberships.cptsId })
		.from(cptsMemberships)
		.where(and(eq(cptsMemberships.userId, user.id), eq(cptsMemberships.status, 'active')));
	const invited = db.select({ draftId: draftReviewers.draftId }).from(draftReviewers).where(eq(draftReviewers.userId, user.id));
	const rows = await db
		.select({
			id: drafts.id,
			title: drafts.title,
			status: drafts.status,
			updatedAt: drafts.updatedAt,
			createdAt: drafts.createdAt,
			cptsName: cpts.name,
			cptsSlug: cpts.slug
		})
		.from(drafts)
		.innerJoin(cpts, eq(cpts.id, drafts.cptsId))
		.where(or(inArray(drafts.cptsId, mine), inArray(drafts.id, invited)))
		.orderBy(desc(drafts.createdAt), drafts.id)
		.limit(500);
	const threads = await countOpenThreads(
		db,
		rows.map((row) => row.id)
	);
	return rows.map((row) => ({ ...row, openThreads: threads.get(row.id) ?? 0 }));
}

/** The CPTS a draft belongs to, for the draft's pages (name and link). */
export async function draftCpts(db: DbOrTx, draft: Draft): Promise<{ slug: string; name: string }> {
	const [row] = await db.select({ slug: cpts.slug, name: cpts.name }).from(cpts).where(eq(cpts.id, draft.cptsId));
	return row;
}
