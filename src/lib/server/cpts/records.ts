/** CPTS records: read one, create, edit; the regions reference list. */
import { eq, like, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { cpts, regions } from '../db/schema';
import { writeAudit } from '../audit';
import { AppError, forbidden, notFound } from '../shared/errors';
import { generateId } from '../shared/ids';
import { canManageCpts, type Viewer } from './permissions';
import type { CptsInput, PlaceChoices } from './forms';
import { listDepartements } from '../geo/units';
import { firstFreeSlug, slugify } from './slug';
import { getTerritoryUnits } from '../territories/territory';

export type Cpts = typeof cpts.$inferSelect;
export type Region = Pick<typeof regions.$inferSelect, 'code' | 'name' | 'overseas'>;
export type CptsWithRegion = Cpts & { regionName: string };

/** The 18 regions, metropolitan first, each group in alphabetical order. */
export async function listRegions(db: DbOrTx): Promise<Region[]> {
	return db
		.select({ code: regions.code, name: regions.name, overseas: regions.overseas })
		.from(regions)
		.orderBy(regions.overseas, sql`lower(immutable_unaccent(${regions.name}))`);
}

/** The régions and départements of the referential, for the CPTS form and its schema. */
export async function listPlaces(db: DbOrTx) {
	const [regionRows, departements] = await Promise.all([listRegions(db), listDepartements(db)]);
	const choices: PlaceChoices = { regionCodes: regionRows.map((region) => region.code), departements };
	return { regions: regionRows, departements, choices };
}

/** One CPTS by its slug, with its region's name; null when there is none. */
export async function getCptsBySlug(db: DbOrTx, slug: string): Promise<CptsWithRegion | null> {
	const [row] = await db
		.select({ cpts, regionName: regions.name })
		.from(cpts)
		.innerJoin(regions, eq(regions.code, cpts.regionCode))
		.where(eq(cpts.slug, slug));
	return row ? { ...row.cpts, regionName: row.regionName } : null;
}

/** Like getCptsBySlug, but a missing CPTS is an expected failure (404). */
export async function requireCptsBySlug(db: DbOrTx, slug: string): Promise<CptsWithRegion> {
	const found = await getCptsBySlug(db, slug);
	if (!found) throw notFound('cpts.notFound');
	return found;
}

/** Whether an error from either driver is a unique violation of the given index. */
function isUniqueViolation(error: unknown, constraint: string): boolean {
	for (let current = error as { code?: string; constraint?: string; constraint_name?: string; message?: string; cause?: unknown } | undefined; current; current = current.cause as typeof current) {
		if (current.code === '23505') {
			const name = current.constraint ?? current.constraint_name;
			return name ? name === constraint : Boolean(current.message?.includes(constraint));
		}
	}
	return false;
}

/**
 * The typed columns. Population is never among them (it is the territory's, see
 * territories/territory.ts); région and département only while the CPTS has no territory.
 */
const columnsOf = (input: CptsInput) => ({
	name: input.name,
	...(input.regionCode && input.department ? { regionCode: input.regionCode, department: input.department } : {}),
	nature: input.nature,
	stage: input.stage,
	professionalsCount: input.professionalsCount,
	contactEmail: input.contactEmail,
	phone: input.phone,
	website: input.website,
	description: input.description
});

/**
 * Creates a CPTS (facilitators and admins) with a unique slug made from its name. It has no
 * territory yet: population 0 in the chosen département until its communes are added.
 */
export async function createCpts(db: DbOrTx, actor: Viewer, input: CptsInput): Promise<Cpts> {
	if (!canManageCpts(actor)) throw forbidden();
	if (!input.regionCode || !input.department) throw new AppError('invalid', 'form.choice');
	const base = slugify(input.name);
	return db.transaction(async (tx) => {
		// Two creations with the same name can pick the same free slug; the unique index
		// refuses the second, which then takes the next one.
		for (let attempt = 0; attempt < 5; attempt++) {
			const taken = await tx
				.select({ slug: cpts.slug })
				.from(cpts)
				.where(or(eq(cpts.slug, base), like(cpts.slug, `${base}-%`)));
			const slug = firstFreeSlug(
				base,
				taken.map((row) => row.slug)
			);
			try {
				const created = await tx.transaction(async (savepoint) => {
					const [row] = await savepoint
						.insert(cpts)
						.values({ id: generateId(), slug, regionCode: input.regionCode!, department: input.department!, population: 0, ...columnsOf(input) })
						.returning();
					return row;
				});
				await writeAudit(tx, {
					actorId: actor!.id,
					action: 'cpts.created',
					targetType: 'cpts',
					targetId: created.id,
					details: { slug: created.slug, name: created.name }
				});
				return created;
			} catch (error) {
				if (!isUniqueViolation(error, 'cpts_slug_key')) throw error;
			}
		}
		throw new AppError('conflict', 'cpts.form.slugTaken');
	});
}

/**
 * Edits a CPTS (facilitators and admins). The slug stays: links to the page keep working. The
 * typed région and département are ignored once the CPTS has a territory.
 */
export async function updateCpts(db: DbOrTx, actor: Viewer, cptsId: string, input: CptsInput): Promise<Cpts> {
	if (!canManageCpts(actor)) throw forbidden();
	return db.transaction(async (tx) => {
		// Once a territory is drawn, its communes decide the département and région.
		const placeComputed = (await getTerritoryUnits(tx, cptsId)).length > 0;
		const [updated] = await tx
			.update(cpts)
			.set({ ...columnsOf(placeComputed ? { ...input, regionCode: undefined, department: undefined } : input), updatedAt: new Date() })
			.where(eq(cpts.id, cptsId))
			.returning();
		if (!updated) throw notFound('cpts.notFound');
		await writeAudit(tx, {
			actorId: actor!.id,
			action: 'cpts.updated',
			targetType: 'cpts',
			targetId: cptsId,
			details: { slug: updated.slug }
		});
		return updated;
	});
}

/** The form's text values for a CPTS (to fill the edit form). */
export function cptsFormValues(row: Cpts): Record<string, string> {
	return {
		name: row.name,
		regionCode: row.regionCode,
		department: row.department,
		nature: row.nature,
		stage: row.stage,
		professionalsCount: String(row.professionalsCount),
		contactEmail: row.contactEmail ?? '',
		phone: row.phone ?? '',
		website: row.website ?? '',
		description: row.description
	};
}

