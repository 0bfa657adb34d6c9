/**
 * Coverage of the population by CPTS, computed from the territories (sets of INSEE codes)
 * and the referential's populations. Each unit counts once, under the most advanced stage
 * of the CPTS that cover it: in operation (ACI signed), in a project (validated lettre
 * d'intention or later), or in no CPTS (zone blanche). Overlaps never count twice.
 */
import { and, eq, gte, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { rowsOf, type DbOrTx } from '../db';
import { coverageSnapshots, cpts, cptsTerritories, geoCommunes, geoDepartements, geoReferential, regions } from '../db/schema';
import { generateId } from '../shared/ids';
import { startPeriodicJob } from '../shared/periodic';
import { OPERATING_STAGES, PROJECT_STAGES, SELECTABLE_KINDS, type SnapshotReason } from '../../domain/geography';
import { inList } from '../db/schema/sql';

export type CoverageLevel = 'france' | 'region' | 'departement';

export interface CoverageRow {
	level: CoverageLevel;
	/** 'FR' for the nation, else the INSEE code of the région or département. */
	code: string;
	name: string;
	/** The région of a département (its own code for a région, null for France). */
	regionCode: string | null;
	population: number;
	populationOperating: number;
	populationProject: number;
	populationUncovered: number;
}

/** A part of the country: a région or a département (the whole country when neither). */
export interface CoverageWithin {
	regionCode?: string;
	departementCode?: string;
}

/**
 * The per-unit status as a subquery: 2 in operation, 1 in a project, 0 in no CPTS (an
 * initiative alone does not cover anybody). Filtered inside, so a département's page reads
 * its own communes only (the planner does not push a filter through the grouping).
 */
function unitStatus(within: CoverageWithin = {}) {
	const place = within.departementCode
		? sql` and g.departement_code = ${within.departementCode}`
		: within.regionCode
			? sql` and g.region_code = ${within.regionCode}`
			: sql``;
	return sql`
	select g.code, g.population, g.departement_code, g.region_code, g.epci_code,
		coalesce(max(case when c.stage in (${inList(OPERATING_STAGES)}) then 2 when c.stage in (${inList(PROJECT_STAGES)}) then 1 else 0 end), 0) as status
	from ${geoCommunes} g
	left join ${cptsTerritories} t on t.commune_code = g.code
	left join ${cpts} c on c.id = t.cpts_id
	where g.kind in (${inList(SELECTABLE_KINDS)}) and not g.retired${place}
	group by g.code`;
}

/**
 * Coverage of France, every région and every département, in one query. With `within`, the
 * rows of that région or département only (the région's départements included); no France row.
 */
export async function computeCoverage(db: DbOrTx, within?: CoverageWithin): Promise<CoverageRow[]> {
	const result = await db.execute(sql`
		with unit_status as (${unitStatus(within)})
		select u.region_code, u.departement_code,
			sum(u.population)::bigint as population,
			coalesce(sum(u.population) filter (where u.status = 2), 0)::bigint as operating,
			coalesce(sum(u.population) filter (where u.status = 1), 0)::bigint as project,
			grouping(u.region_code)::int as no_region, grouping(u.departement_code)::int as no_departement
		from unit_status u
		group by grouping sets ((u.region_code, u.departement_code), (u.region_code), ())`);
	type Row = { region_code: string | null; departement_code: string | null; population: string; operating: string; project: string; no_region: number; no_departement: number };
	const [regionNames, departementNames] = await Promise.all([
		db.select({ code: regions.code, name: regions.name }).from(regions),
		db.select({ code: geoDepartements.code, name: geoDepartements.name }).from(geoDepartements)
	]);
	const regionName = new Map(regionNames.map((row) => [row.code, row.name]));
	const departementName = new Map(departementNames.map((row) => [row.code, row.name]));
	const rows = within ? rowsOf<Row>(result).filter((row) => !Number(row.no_region)) : rowsOf<Row>(result);
	return rows.map((row) => {
		const level: CoverageLevel = Number(row.no_region) ? 'france' : Number(row.no_departement) ? 'region' : 'departement';
		const code = level === 'france' ? 'FR' : level === 'region' ? row.region_code! : row.departement_code!;
		const population = Number(row.population);
		const populationOperating = Number(row.operating);
		const populationProject = Number(row.project);
		return {
			level,
			code,
			name: level === 'france' ? 'France' : level === 'region' ? (regionName.get(code) ?? code) : (departementName.get(code) ?? code),
			regionCode: level === 'france' ? null : row.region_code,
			population,
			populationOperating,
			populationProject,
			populationUncovered: population - populationOperating - populationProject
		};
	});
}

/**
 * What the figures depend on: every CPTS change writes its updated_at (a sum, not a max, so
 * an instance whose clock is behind still changes it) or the count; and the referential.
 */
async function coverageFingerprint(db: DbOrTx): Promise<string> {
	const result = await db.execute(sql`
		select (select count(*)::text || '|' || coalesce(sum(extract(epoch from updated_at)), 0)::text from ${cpts})
			|| '|' || coalesce((select loaded_at from ${geoReferential})::text, '') as fingerprint`);
	return rowsOf<{ fingerprint: string }>(result)[0].fingerprint;
}

/** Per database handle (tests open several in one process): the last figures of each scope. */
const coverageCache = new WeakMap<object, Map<string, { fingerprint: string; rows: Promise<CoverageRow[]> }>>();

/**
 * computeCoverage for pages: recomputed only when a CPTS (stage, territory, creation or
 * deletion: each writes cpts.updated_at or changes the count) or the referential changed
 * since the last call. One cheap read instead of the whole computation (≈ 75 ms with 1,000
 * CPTS on PostgreSQL). Safe with several instances: the fingerprint is read from the database.
 */
export async function cachedCoverage(db: DbOrTx, within?: CoverageWithin): Promise<CoverageRow[]> {
	const fingerprint = await coverageFingerprint(db);
	const key = JSON.stringify(within ?? {});
	let entries = coverageCache.get(db);
	if (!entries) coverageCache.set(db, (entries = new Map()));
	const cached = entries.get(key);
	if (cached?.fingerprint === fingerprint) return cached.rows;
	const rows = computeCoverage(db, within);
	entries.set(key, { fingerprint, rows });
	// A failed computation is not kept.
	rows.catch(() => entries.delete(key));
	return rows;
}

/** A unit in no CPTS (zone blanche), with its EPCI. */
export interface UncoveredUnit {
	code: string;
	name: string;
	population: number;
	epciCode: string | null;
}

/** The units of a département in no CPTS at the project stage or later, largest first. */
export async function uncoveredUnits(db: DbOrTx, departementCode: string): Promise<UncoveredUnit[]> {
	const result = await db.execute(sql`
		with unit_status as (${unitStatus({ departementCode })})
		select g.code, g.name, g.population, g.epci_code
		from unit_status u join ${geoCommunes} g on g.code = u.code
		where u.status = 0 and u.departement_code = ${departementCode}
		order by g.population desc, g.code`);
	return rowsOf<{ code: string; name: string; population: number; epci_code: string | null }>(result).map((row) => ({
		code: row.code,
		name: row.name,
		population: Number(row.population),
		epciCode: row.epci_code
	}));
}

/** Records the coverage of every level now (trend charts); returns the rows written. */
export async function snapshotCoverage(db: DbOrTx, reason: SnapshotReason, takenAt = new Date()): Promise<number> {
	const rows = await computeCoverage(db);
	await db.insert(coverageSnapshots).values(
		rows.map((row) => ({
			id: generateId(),
			takenAt,
			reason,
			level: row.level,
			code: row.code,
			population: row.population,
			populationOperating: row.populationOperating,
			populationProject: row.populationProject
		}))
	);
	return rows.length;
}

/** Serialises the monthly snapshot between instances (pg_advisory_xact_lock). */
const MONTHLY_SNAPSHOT_LOCK_KEY = 7_270_014;

/**
 * Takes this month's coverage snapshot unless one was taken (months counted in Paris time,
 * where the network works). Returns whether it took one. Two instances calling together
 * take one: the check and the insert run under one advisory lock.
 */
export async function takeMonthlySnapshotIfDue(db: DbOrTx, now = new Date()): Promise<boolean> {
	const monthStart = DateTime.fromJSDate(now, { zone: 'Europe/Paris' }).startOf('month').toJSDate();
	return db.transaction(async (tx) => {
		await tx.execute(sql`select pg_advisory_xact_lock(${MONTHLY_SNAPSHOT_LOCK_KEY})`);
		const [taken] = await tx
			.select({ id: coverageSnapshots.id })
			.from(coverageSnapshots)
			.where(and(eq(coverageSnapshots.reason, 'monthly'), gte(coverageSnapshots.takenAt, monthStart)))
			.limit(1);
		if (taken) return false;
		await snapshotCoverage(tx, 'monthly', now);
		return true;
	});
}

/** In the serving process: the monthly snapshot at start and then every six hours if due. */
export function startMonthlySnapshots(getDatabase: () => Promise<DbOrTx>, intervalMs = 6 * 3_600_000): () => void {
	return startPeriodicJob('monthly coverage snapshot', getDatabase, (db) => takeMonthlySnapshotIfDue(db), intervalMs);
}
