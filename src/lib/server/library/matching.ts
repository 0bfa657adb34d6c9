/**
 * "Quels profils-types pour ma CPTS ?": the published profils-types closest to a territory
 * (a CPTS of the directory, or typed figures), each with the reasons it matches.
 *
 * Score out of 100: territory nature 40 (neighbouring natures get part of it), population
 * 30 and professionals 20 (see closeness: most inside the profile's range, then decreasing
 * with the ratio to the nearest bound, nothing beyond a factor of 4), cooperation maturity
 * 10 (half when either side does not say).
 */
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { CooperationMaturity } from '../../domain/library';
import { sizeBandFor, type SizeBand, type TerritoryNature } from '../../domain/professions';
import type { DbOrTx } from '../db';
import { cpts, libraryResources } from '../db/schema';
import { getCptsBySlug } from '../cpts';
import type { Viewer } from './permissions';
import { inRange, type ResourceProfile } from './profile';
import { readablePublished } from './resources';
import { newestFirst } from './columns';

export interface MatchTarget {
	population: number;
	professionals: number;
	nature: TerritoryNature;
	maturity: CooperationMaturity | null;
}

export type MatchReason =
	| { kind: 'nature'; same: boolean; nature: TerritoryNature }
	| { kind: 'population'; inside: boolean; value: number; min: number; max: number | null }
	| { kind: 'professionals'; inside: boolean; value: number; min: number; max: number | null }
	| { kind: 'maturity'; same: boolean; maturity: CooperationMaturity };

export interface ProfileMatch {
	slug: string;
	title: string;
	summary: string;
	profile: ResourceProfile;
	score: number;
	reasons: MatchReason[];
}

const WEIGHTS = { nature: 40, population: 30, professionals: 20, maturity: 10 };

/** Share of the nature points when natures differ but are neighbours in the typology. */
const NATURE_NEIGHBOURS: Record<TerritoryNature, Partial<Record<TerritoryNature, number>>> = {
	rural: { periurbain: 0.4, outre_mer: 0.1 },
	periurbain: { rural: 0.4, urbain_dense: 0.4, outre_mer: 0.1 },
	urbain_dense: { periurbain: 0.4, outre_mer: 0.1 },
	outre_mer: { rural: 0.1, periurbain: 0.1, urbain_dense: 0.1 }
};

/**
 * How close a value is to a profile's range, from 0 to 1. Outside the range: 1 − log(ratio
 * to the nearest bound) / log 4, floored at 0. Inside: from 0.85 at a bound to 1 at the
 * range's geometric centre, so that among profiles that all fit, the most typical wins.
 */
export function closeness(value: number, min: number, max: number | null): number {
	const safe = Math.max(value, 1);
	if (!inRange(value, min, max)) {
		const bound = value < min ? min : (max as number);
		return Math.max(0, 1 - Math.abs(Math.log(safe / Math.max(bound, 1))) / Math.log(4));
	}
	// An open range ("80 000 and more") is treated as going up to twice its minimum.
	const low = Math.max(min, 1);
	const high = Math.max(max ?? low * 2, low);
	const centre = Math.sqrt(low * high);
	const halfWidth = Math.log(high / centre);
	if (halfWidth === 0) return 1;
	const distance = Math.min(1, Math.abs(Math.log(safe / centre)) / halfWidth);
	return 1 - 0.15 * distance;
}

/** Scores one profil-type against a territory; pure, so tests and pages agree. */
export function scoreProfile(target: MatchTarget, profile: ResourceProfile): { score: number; reasons: MatchReason[] } {
	const natureShare = profile.nature === target.nature ? 1 : (NATURE_NEIGHBOURS[target.nature][profile.nature] ?? 0);
	const population = closeness(target.population, profile.populationMin, profile.populationMax);
	const professionals = closeness(target.professionals, profile.professionalsMin, profile.professionalsMax);
	const populationInside = inRange(target.population, profile.populationMin, profile.populationMax);
	const professionalsInside = inRange(target.professionals, profile.professionalsMin, profile.professionalsMax);
	const maturityShare =
		target.maturity && profile.maturity ? (target.maturity === profile.maturity ? 1 : 0) : 0.5;
	const score = Math.round(
		WEIGHTS.nature * natureShare +
			WEIGHTS.population * population +
			WEIGHTS.professionals * professionals +
			WEIGHTS.maturity * maturityShare
	);
	const reasons: MatchReason[] = [
		{ kind: 'nature', same: natureShare === 1, nature: profile.nature },
		{ kind: 'population', inside: populationInside, value: target.population, min: profile.populationMin, max: profile.populationMax },
		{
			kind: 'professionals',
			inside: professionalsInside,
			value: target.professionals,
			min: profile.professionalsMin,
			max: profile.professionalsMax
		}
	];
	if (target.maturity && profile.maturity) {
		reasons.push({ kind: 'maturity', same: target.maturity === profile.maturity, maturity: profile.maturity });
	}
	return { score, reasons };
}

/** The published profils-types this viewer may read, closest first. */
export async function matchProfiles(db: DbOrTx, viewer: Viewer, target: MatchTarget, limit = 4): Promise<ProfileMatch[]> {
	const rows = await db
		.select({
			slug: libraryResources.slug,
			title: libraryResources.title,
			summary: libraryResources.summary,
			profile: libraryResources.profile
		})
		.from(libraryResources)
		.where(and(readablePublished(viewer), eq(libraryResources.kind, 'profil_type'), isNotNull(libraryResources.profile)))
		.orderBy(newestFirst, libraryResources.id)
		// Profils-types are a handful per territory nature; the bound keeps a flooded table cheap.
		.limit(500);
	return rows
		.map((row) => ({ ...row, profile: row.profile!, ...scoreProfile(target, row.profile!) }))
		.sort((a, b) => b.score - a.score || a.title.localeCompare(b.title, 'fr'))
		.slice(0, limit);
}

export interface CptsTarget extends MatchTarget {
	name: string;
	slug: string;
	sizeBand: SizeBand;
}

/** The figures of a CPTS of the directory, or null when there is no such CPTS. */
export async function targetFromCpts(db: DbOrTx, slug: string): Promise<CptsTarget | null> {
	const found = await getCptsBySlug(db, slug);
	if (!found) return null;
	return {
		name: found.name,
		slug: found.slug,
		population: found.population,
		professionals: found.professionalsCount,
		nature: found.nature as TerritoryNature,
		maturity: null,
		sizeBand: sizeBandFor(found.population)
	};
}

/**
 * The CPTS of the directory for the picker, by name.
 * TODO(cpts): a minimal read of the directory's table, to be replaced by a listing function
 * of src/lib/server/cpts when it offers one (searchDirectory pages by 30).
 */
export async function listCptsChoices(db: DbOrTx): Promise<{ slug: string; name: string }[]> {
	return db.select({ slug: cpts.slug, name: cpts.name }).from(cpts).orderBy(asc(cpts.name)).limit(2000);
}
