/**
 * The coverage pages of the steering (/reseau, a région, a département) and their CSV
 * exports: each function checks who may see the place (scope.ts), then returns plain data
 * that the route hands to its page. Figures come from computeCoverage, never typed.
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../db';
import { coveragePlanCommunes, coveragePlans, coverageSnapshots, cpts, cptsTerritories, geoCommunes, geoDepartements, geoEpci, regions } from '../db/schema';
import type { SessionUser } from '../auth/session';
import { getConfig } from '../config';
import { NATIONAL_REFERENCE_2023 } from '../dashboard/stats';
import { loadedReferential } from '../geo/referential';
import { AppError, forbidden, notFound } from '../shared/errors';
import { csvDocument } from '../shared/csv';
import { cachedCoverage, uncoveredUnits, type CoverageLevel, type CoverageRow } from './coverage';
import { requireSteeringAccess, scopeCovers, steeringHome, steeringScopeOf, type SteeringScope } from './scope';
import { overlapsIn } from './territory';

/** Population of a place by coverage status. */
export interface CoverageFigures {
	population: number;
	populationOperating: number;
	populationProject: number;
	populationUncovered: number;
}

/** A région or département in a table, with its page. */
export interface PlaceCoverage extends CoverageFigures {
	code: string;
	name: string;
	href: string;
}

/** What every coverage page states: vintage, national reference, demo notice. */
export interface PageContext {
	/** The COG vintage ("2026"), null before the referential is loaded. */
	vintage: string | null;
	reference: typeof NATIONAL_REFERENCE_2023;
	/** The CPTS names are fictional (demo mode). */
	demoMode: boolean;
}

export interface CptsInPlace {
	slug: string;
	name: string;
	stage: string;
	/** Population of its territory inside the place; null when its territory is not entered yet. */
	populationHere: number | null;
	/** Population of its whole territory (cpts.population). */
	populationTotal: number;
	/** Whether its territory reaches beyond the place. */
	spansOutside: boolean;
}

export type Overlap = Awaited<ReturnType<typeof overlapsIn>>[number];

export interface NationalView extends PageContext {
	france: CoverageFigures;
	regions: (PlaceCoverage & { overseas: boolean })[];
	departements: (PlaceCoverage & { regionCode: string })[];
}

export interface RegionView extends PageContext {
	region: PlaceCoverage;
	/** Back to /reseau: only for those who see the nation. */
	nationalHref: string | null;
	departements: PlaceCoverage[];
	cpts: CptsInPlace[];
	overlaps: Overlap[];
}

/** A commune in no CPTS, with the plan d'action it belongs to (if any). */
export interface ZoneBlancheCommune {
	code: string;
	name: string;
	population: number;
	plan: { id: string; name: string; porteur: string | null } | null;
}

/** The uncovered communes of one EPCI (epciCode null: communes outside any EPCI). */
export interface ZoneBlancheGroup {
	epciCode: string | null;
	epciName: string | null;
	population: number;
	populationWithoutPlan: number;
	communes: ZoneBlancheCommune[];
}

export interface TrendPoint {
	/** The day (YYYY-MM-DD) of the last snapshot of that day. */
	day: string;
	population: number;
	populationOperating: number;
	populationProject: number;
}

export interface DepartementView extends PageContext {
	departement: PlaceCoverage;
	region: { code: string; name: string; href: string | null };
	nationalHref: string | null;
	cpts: CptsInPlace[];
	overlaps: Overlap[];
	zonesBlanches: {
		groups: ZoneBlancheGroup[];
		communes: number;
		communesWithoutPlan: number;
		population: number;
		populationWithoutPlan: number;
	};
	plansHref: string;
	trend: TrendPoint[];
}

const regionHref = (code: string) => `/reseau/regions/${code}`;
const departementHref = (code: string) => `/reseau/departements/${code}`;

function figuresOf(row: CoverageRow | undefined): CoverageFigures {
	return {
		population: row?.population ?? 0,
		populationOperating: row?.populationOperating ?? 0,
		populationProject: row?.populationProject ?? 0,
		populationUncovered: row?.populationUncovered ?? 0
	};
}

function signedIn(user: SessionUser | null | undefined): SessionUser {
	if (!user) throw new AppError('unauthenticated', 'error.unauthenticated');
	return user;
}

async function pageContext(db: DbOrTx): Promise<PageContext> {
	const referential = await loadedReferential(db);
	return { vintage: referential?.vintage ?? null, reference: NATIONAL_REFERENCE_2023, demoMode: getConfig().demoMode };
}

/** Sorted as people read them: metropolitan first, then by name (collations disagree on « Île »). */
const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name, 'fr');

/**
 * The national view, for the whole network (facilitators, admins); a partner is sent to her
 * own région or département ({ redirectTo }), anyone else refused.
 */
export async function nationalView(db: DbOrTx, user: SessionUser | null | undefined): Promise<NationalView | { redirectTo: string }> {
	const scope = await steeringScopeOf(db, signedIn(user));
	if (scope && scope.kind !== 'network') return { redirectTo: steeringHome(scope) };
	await requireSteeringAccess(db, user, { level: 'france' });
	const [rows, overseas, context] = await Promise.all([
		cachedCoverage(db),
		db.select({ code: regions.code, overseas: regions.overseas }).from(regions),
		pageContext(db)
	]);
	const overseasRegions = new Set(overseas.filter((row) => row.overseas).map((row) => row.code));
	return {
		...context,
		france: figuresOf(rows.find((row) => row.level === 'france')),
		regions: rows
			.filter((row) => row.level === 'region')
			.map((row) => ({ code: row.code, name: row.name, href: regionHref(row.code), overseas: overseasRegions.has(row.code), ...figuresOf(row) }))
			.sort((a, b) => Number(a.overseas) - Number(b.overseas) || byName(a, b)),
		departements: rows
			.filter((row) => row.level === 'departement')
			.map((row) => ({ code: row.code, name: row.name, href: departementHref(row.code), regionCode: row.regionCode!, ...figuresOf(row) }))
			.sort((a, b) => a.code.localeCompare(b.code))
	};
}

/** The view of a région (404 for an unknown code, 403 outside the viewer's scope). */
export async function regionView(db: DbOrTx, user: SessionUser | null | undefined, code: string): Promise<RegionView> {
	signedIn(user);
	const [region] = await db.select({ code: regions.code, name: regions.name }).from(regions).where(eq(regions.code, code));
	const [hasDepartements] = region ? await db.select({ code: geoDepartements.code }).from(geoDepartements).where(eq(geoDepartements.regionCode, code)).limit(1) : [];
	if (!region || !hasDepartements) throw notFound();
	const scope = await requireSteeringAccess(db, user, { level: 'region', regionCode: code });
	const [rows, cptsHere, overlaps, context] = await Promise.all([
		cachedCoverage(db, { regionCode: code }),
		cptsInPlace(db, { regionCode: code }),
		overlapsIn(db, { regionCode: code }),
		pageContext(db)
	]);
	return {
		...context,
		region: { code, name: region.name, href: regionHref(code), ...figuresOf(rows.find((row) => row.level === 'region')) },
		nationalHref: scopeCovers(scope, { level: 'france' }) ? '/reseau' : null,
		departements: rows
			.filter((row) => row.level === 'departement')
			.map((row) => ({ code: row.code, name: row.name, href: departementHref(row.code), ...figuresOf(row) }))
			.sort((a, b) => a.code.localeCompare(b.code)),
		cpts: cptsHere,
		overlaps
	};
}

/** The view of a département: its CPTS, overlaps, zones blanches with their plans, trend. */
export async function departementView(db: DbOrTx, user: SessionUser | null | undefined, code: string): Promise<DepartementView> {
	signedIn(user);
	const [departement] = await db
		.select({ code: geoDepartements.code, name: geoDepartements.name, regionCode: geoDepartements.regionCode, regionName: regions.name })
		.from(geoDepartements)
		.innerJoin(regions, eq(regions.code, geoDepartements.regionCode))
		.where(eq(geoDepartements.code, code));
	if (!departement) throw notFound();
	const scope = await requireSteeringAccess(db, user, { level: 'departement', regionCode: departement.regionCode, departementCode: code });
	const [rows, cptsHere, overlaps, zonesBlanches, trend, context] = await Promise.all([
		cachedCoverage(db, { departementCode: code }),
		cptsInPlace(db, { departementCode: code }),
		overlapsIn(db, { departementCode: code }),
		zonesBlanchesOf(db, code),
		coverageTrend(db, 'departement', code),
		pageContext(db)
	]);
	return {
		...context,
		departement: { code, name: departement.name, href: departementHref(code), ...figuresOf(rows.find((row) => row.level === 'departement')) },
		region: {
			code: departement.regionCode,
			name: departement.regionName,
			href: scopeCovers(scope, { level: 'region', regionCode: departement.regionCode }) ? regionHref(departement.regionCode) : null
		},
		nationalHref: scopeCovers(scope, { level: 'france' }) ? '/reseau' : null,
		cpts: cptsHere,
		overlaps,
		zonesBlanches,
		plansHref: `${departementHref(code)}/plans`,
		trend
	};
}

/**
 * The CPTS whose territory reaches the place, with the population they cover there and in
 * all; a CPTS without a territory yet is listed under its declared département / région.
 */
export async function cptsInPlace(db: DbOrTx, place: { regionCode?: string; departementCode?: string }): Promise<CptsInPlace[]> {
	const inPlace = place.departementCode ? sql`g.departement_code = ${place.departementCode}` : sql`g.region_code = ${place.regionCode}`;
	const declared = place.departementCode ? sql`c.department = ${place.departementCode}` : sql`c.region_code = ${place.regionCode}`;
	const result = await db.execute(sql`
		select c.slug, c.name, c.stage, c.population as total,
			coalesce(sum(g.population) filter (where ${inPlace}), 0)::bigint as here,
			count(g.code) filter (where ${inPlace})::int as units_here,
			count(g.code)::int as units
		from ${cpts} c
		left join ${cptsTerritories} t on t.cpts_id = c.id
		left join ${geoCommunes} g on g.code = t.commune_code
		group by c.id
		having count(g.code) filter (where ${inPlace}) > 0 or (count(g.code) = 0 and ${declared})`);
	type Row = { slug: string; name: string; stage: string; total: number; here: string; units_here: number; units: number };
	return rowsOf<Row>(result)
		.map((row) => ({
			slug: row.slug,
			name: row.name,
			stage: row.stage,
			populationHere: Number(row.units) ? Number(row.here) : null,
			populationTotal: Number(row.total),
			spansOutside: Number(row.units_here) < Number(row.units)
		}))
		.sort((a, b) => (b.populationHere ?? -1) - (a.populationHere ?? -1) || byName(a, b));
}

/** The communes of a département in no CPTS, by EPCI (largest uncovered population first), with their plan. */
export async function zonesBlanchesOf(db: DbOrTx, departementCode: string): Promise<DepartementView['zonesBlanches']> {
	const units = await uncoveredUnits(db, departementCode);
	const codes = units.map((unit) => unit.code);
	const epciCodes = [...new Set(units.flatMap((unit) => (unit.epciCode ? [unit.epciCode] : [])))];
	const [plans, epci] = await Promise.all([
		codes.length
			? db
					.select({ communeCode: coveragePlanCommunes.communeCode, id: coveragePlans.id, name: coveragePlans.name, porteur: coveragePlans.porteur })
					.from(coveragePlanCommunes)
					.innerJoin(coveragePlans, eq(coveragePlans.id, coveragePlanCommunes.planId))
					.where(eq(coveragePlans.departementCode, departementCode))
			: [],
		epciCodes.length ? db.select({ code: geoEpci.code, name: geoEpci.name }).from(geoEpci).where(inArray(geoEpci.code, epciCodes)) : []
	]);
	const planOf = new Map(plans.map((plan) => [plan.communeCode, { id: plan.id, name: plan.name, porteur: plan.porteur }]));
	const epciName = new Map(epci.map((row) => [row.code, row.name]));
	const groups = new Map<string, ZoneBlancheGroup>();
	for (const unit of units) {
		const key = unit.epciCode ?? '';
		const group = groups.get(key) ?? {
			epciCode: unit.epciCode,
			epciName: unit.epciCode ? (epciName.get(unit.epciCode) ?? unit.epciCode) : null,
			population: 0,
			populationWithoutPlan: 0,
			communes: []
		};
		const plan = planOf.get(unit.code) ?? null;
		group.communes.push({ code: unit.code, name: unit.name, population: unit.population, plan });
		group.population += unit.population;
		if (!plan) group.populationWithoutPlan += unit.population;
		groups.set(key, group);
	}
	const sorted = [...groups.values()].sort((a, b) => b.population - a.population || (a.epciName ?? '').localeCompare(b.epciName ?? '', 'fr'));
	const withoutPlan = units.filter((unit) => !planOf.has(unit.code));
	return {
		groups: sorted,
		communes: units.length,
		communesWithoutPlan: withoutPlan.length,
		population: units.reduce((total, unit) => total + unit.population, 0),
		populationWithoutPlan: withoutPlan.reduce((total, unit) => total + unit.population, 0)
	};
}

/** Most points a trend shows: two years of monthly snapshots. */
const TREND_POINTS = 24;

/** The coverage of a place over time: the last snapshot of each day, oldest first. */
export async function coverageTrend(db: DbOrTx, level: CoverageLevel, code: string): Promise<TrendPoint[]> {
	const rows = await db
		.select({
			takenAt: coverageSnapshots.takenAt,
			population: coverageSnapshots.population,
			populationOperating: coverageSnapshots.populationOperating,
			populationProject: coverageSnapshots.populationProject
		})
		.from(coverageSnapshots)
		.where(and(eq(coverageSnapshots.level, level), eq(coverageSnapshots.code, code)))
		.orderBy(desc(coverageSnapshots.takenAt))
		.limit(TREND_POINTS * 8);
	const byDay = new Map<string, TrendPoint>();
	for (const row of rows) {
		const day = row.takenAt.toISOString().slice(0, 10);
		// Newest first: the first row of a day is its last snapshot.
		if (!byDay.has(day)) byDay.set(day, { day, population: row.population, populationOperating: row.populationOperating, populationProject: row.populationProject });
	}
	return [...byDay.values()].slice(0, TREND_POINTS).reverse();
}

// --- CSV exports -----------------------------------------------------------------------

export const COVERAGE_CSV_HEADER = [
	'niveau',
	'code',
	'nom',
	'population',
	'population_cpts_fonctionnement',
	'population_cpts_projet',
	'population_non_couverte'
] as const;

export const ZONES_BLANCHES_CSV_HEADER = ['code_insee', 'commune', 'population', 'epci', 'plan'] as const;

const LEVEL_ORDER: Record<CoverageLevel, number> = { france: 0, region: 1, departement: 2 };

/** couverture.csv: France, régions and départements, only the rows of the viewer's scope. */
export async function coverageCsv(db: DbOrTx, user: SessionUser | null | undefined): Promise<string> {
	const scope = await requireAnyScope(db, user);
	const rows = (await cachedCoverage(db))
		.filter((row) =>
			scopeCovers(
				scope,
				row.level === 'france'
					? { level: 'france' }
					: row.level === 'region'
						? { level: 'region', regionCode: row.code }
						: { level: 'departement', regionCode: row.regionCode!, departementCode: row.code }
			)
		)
		.sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || a.code.localeCompare(b.code));
	return csvDocument(
		COVERAGE_CSV_HEADER,
		rows.map((row) => [row.level, row.code, row.name, row.population, row.populationOperating, row.populationProject, row.populationUncovered])
	);
}

/**
 * zones-blanches.csv of one département: one line per commune in no CPTS. A missing or
 * unknown département is a 400 naming the problem; a département outside the scope a 403.
 */
export async function zonesBlanchesCsv(
	db: DbOrTx,
	user: SessionUser | null | undefined,
	departementCode: string | null
): Promise<{ filename: string; body: string }> {
	await requireAnyScope(db, user);
	const code = departementCode?.trim() ?? '';
	if (!code) throw new AppError('invalid', 'steering.csv.departementMissing');
	const [departement] = await db
		.select({ code: geoDepartements.code, regionCode: geoDepartements.regionCode })
		.from(geoDepartements)
		.where(eq(geoDepartements.code, code.toUpperCase()));
	if (!departement) throw new AppError('invalid', 'steering.csv.departementUnknown', { code: code.slice(0, 20) });
	await requireSteeringAccess(db, user, { level: 'departement', regionCode: departement.regionCode, departementCode: departement.code });
	const { groups } = await zonesBlanchesOf(db, departement.code);
	const lines = groups
		.flatMap((group) => group.communes.map((commune) => ({ ...commune, epci: group.epciName ?? '' })))
		.sort((a, b) => b.population - a.population || a.code.localeCompare(b.code));
	return {
		filename: `zones-blanches-${departement.code}.csv`,
		body: csvDocument(
			ZONES_BLANCHES_CSV_HEADER,
			lines.map((line) => [line.code, line.name, line.population, line.epci, line.plan?.name ?? ''])
		)
	};
}

/** Any steering scope (a CSV filters by it); not signed in: sign in; no scope: refused. */
async function requireAnyScope(db: DbOrTx, user: SessionUser | null | undefined): Promise<SteeringScope> {
	const scope = await steeringScopeOf(db, signedIn(user));
	if (!scope) throw forbidden();
	return scope;
}
