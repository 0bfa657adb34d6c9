/**
 * A CPTS territory is a set of INSEE codes (communes, or arrondissements in Paris, Lyon and
 * Marseille). Its population, département(s), région and ACI size band are computed from the
 * referential, never typed: saving a territory writes them on the cpts row in the same
 * transaction, so every page that reads cpts.population reads the territory's.
 */
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../db';
import { cpts, cptsTerritories, geoCommunes, geoDepartements, geoEpci } from '../db/schema';
import { AppError } from '../shared/errors';
import { resolveCodes, type CodeProblem, type GeoUnit } from '../geo/units';
import { sizeBandFor, type SizeBand } from '../../domain/professions';

/** One unit of a territory, with the names pages show. */
export interface TerritoryUnit extends GeoUnit {
	departementName: string;
	epciName: string | null;
	retired: boolean;
}

export interface TerritorySummary {
	population: number;
	/** Départements by population in the territory, largest first. */
	departements: { code: string; name: string; population: number }[];
	regionCodes: string[];
	sizeBand: SizeBand;
	unitCount: number;
}

/** The units of a CPTS territory, by département then name. */
export async function getTerritoryUnits(db: DbOrTx, cptsId: string): Promise<TerritoryUnit[]> {
	return db
		.select({
			code: geoCommunes.code,
			name: geoCommunes.name,
			kind: geoCommunes.kind,
			population: geoCommunes.population,
			departementCode: geoCommunes.departementCode,
			regionCode: geoCommunes.regionCode,
			epciCode: geoCommunes.epciCode,
			postcodes: geoCommunes.postcodes,
			departementName: geoDepartements.name,
			epciName: geoEpci.name,
			retired: geoCommunes.retired
		})
		.from(cptsTerritories)
		.innerJoin(geoCommunes, eq(geoCommunes.code, cptsTerritories.communeCode))
		.innerJoin(geoDepartements, eq(geoDepartements.code, geoCommunes.departementCode))
		.leftJoin(geoEpci, eq(geoEpci.code, geoCommunes.epciCode))
		.where(eq(cptsTerritories.cptsId, cptsId))
		.orderBy(asc(geoCommunes.departementCode), sql`immutable_unaccent(lower(${geoCommunes.name}))`);
}

/** Population, départements, régions and size band of a set of units. */
export function summarizeTerritory(units: readonly (GeoUnit & { departementName?: string })[]): TerritorySummary {
	const byDepartement = new Map<string, { code: string; name: string; population: number }>();
	let population = 0;
	for (const unit of units) {
		population += unit.population;
		const entry = byDepartement.get(unit.departementCode) ?? { code: unit.departementCode, name: unit.departementName ?? unit.departementCode, population: 0 };
		entry.population += unit.population;
		byDepartement.set(unit.departementCode, entry);
	}
	const departements = [...byDepartement.values()].sort((a, b) => b.population - a.population || a.code.localeCompare(b.code));
	return {
		population,
		departements,
		regionCodes: [...new Set(units.map((unit) => unit.regionCode))],
		sizeBand: sizeBandFor(population),
		unitCount: units.length
	};
}

/** A territory refused as a whole: every offending value, nothing saved. */
export class TerritoryRejected extends AppError {
	constructor(readonly problems: CodeProblem[]) {
		super('invalid', 'territory.rejected', { count: problems.length });
	}
}

/**
 * Replaces a CPTS territory by the given codes, or refuses the whole list (TerritoryRejected)
 * when one value is wrong. Permission is the caller's (see canEditTerritory).
 */
export async function replaceTerritory(db: DbOrTx, cptsId: string, codes: readonly string[]): Promise<TerritorySummary> {
	const { units, problems } = await resolveCodes(db, codes);
	if (problems.length) throw new TerritoryRejected(problems);
	return db.transaction(async (tx) => {
		// The row lock orders two editors of one territory: the second one's list wins whole.
		await tx.select({ id: cpts.id }).from(cpts).where(eq(cpts.id, cptsId)).for('update');
		await tx.delete(cptsTerritories).where(eq(cptsTerritories.cptsId, cptsId));
		if (units.length) await tx.insert(cptsTerritories).values(units.map((unit) => ({ cptsId, communeCode: unit.code })));
		return writeTerritoryFigures(tx, cptsId);
	});
}

/**
 * Writes the computed figures of a territory on its cpts row: population, main département
 * and its région. An empty territory keeps the département and région it had (the CPTS still
 * exists), with population 0.
 */
export async function writeTerritoryFigures(db: DbOrTx, cptsId: string): Promise<TerritorySummary> {
	const units = await getTerritoryUnits(db, cptsId);
	const summary = summarizeTerritory(units);
	const main = summary.departements[0];
	const [departement] = main
		? await db.select({ regionCode: geoDepartements.regionCode }).from(geoDepartements).where(eq(geoDepartements.code, main.code))
		: [];
	await db
		.update(cpts)
		.set({
			population: summary.population,
			...(main ? { department: main.code, regionCode: departement.regionCode } : {}),
			updatedAt: new Date()
		})
		.where(eq(cpts.id, cptsId));
	return summary;
}

/** After a new vintage of the referential: every territory's figures again. */
export async function rewriteAllTerritoryFigures(db: DbOrTx): Promise<number> {
	const withTerritory = await db.selectDistinct({ cptsId: cptsTerritories.cptsId }).from(cptsTerritories);
	for (const { cptsId } of withTerritory) await writeTerritoryFigures(db, cptsId);
	return withTerritory.length;
}

/** Another CPTS sharing units with this one: allowed, flagged for the ARS to arbitrate. */
export interface TerritoryOverlap {
	cptsId: string;
	slug: string;
	name: string;
	stage: string;
	units: { code: string; name: string; population: number }[];
	population: number;
}

/** The CPTS whose territory shares units with this one, largest shared population first. */
export async function territoryOverlaps(db: DbOrTx, cptsId: string): Promise<TerritoryOverlap[]> {
	const mine = db.select({ code: cptsTerritories.communeCode }).from(cptsTerritories).where(eq(cptsTerritories.cptsId, cptsId));
	const rows = await db
		.select({
			cptsId: cpts.id,
			slug: cpts.slug,
			name: cpts.name,
			stage: cpts.stage,
			code: geoCommunes.code,
			unitName: geoCommunes.name,
			population: geoCommunes.population
		})
		.from(cptsTerritories)
		.innerJoin(cpts, eq(cpts.id, cptsTerritories.cptsId))
		.innerJoin(geoCommunes, eq(geoCommunes.code, cptsTerritories.communeCode))
		.where(and(ne(cptsTerritories.cptsId, cptsId), inArray(cptsTerritories.communeCode, mine)))
		.orderBy(asc(cpts.name), asc(geoCommunes.name));
	return groupOverlaps(rows);
}

/** Every pair of CPTS sharing units in a scope (a département or a région), for the steering pages. */
export async function overlapsIn(db: DbOrTx, scope: { departementCode?: string; regionCode?: string }) {
	const a = sql.raw('a');
	const b = sql.raw('b');
	const result = await db.execute(sql`
		select ca.slug as first_slug, ca.name as first_name, cb.slug as second_slug, cb.name as second_name,
			count(*)::int as units, coalesce(sum(g.population), 0)::int as population
		from ${cptsTerritories} ${a}
		join ${cptsTerritories} ${b} on ${b}.commune_code = ${a}.commune_code and ${b}.cpts_id > ${a}.cpts_id
		join ${geoCommunes} g on g.code = ${a}.commune_code
		join ${cpts} ca on ca.id = ${a}.cpts_id
		join ${cpts} cb on cb.id = ${b}.cpts_id
		where ${scope.departementCode ? sql`g.departement_code = ${scope.departementCode}` : scope.regionCode ? sql`g.region_code = ${scope.regionCode}` : sql`true`}
		group by ca.slug, ca.name, cb.slug, cb.name
		order by population desc`);
	type Row = { first_slug: string; first_name: string; second_slug: string; second_name: string; units: number; population: number };
	return rowsOf<Row>(result).map((row) => ({
		first: { slug: row.first_slug, name: row.first_name },
		second: { slug: row.second_slug, name: row.second_name },
		units: Number(row.units),
		population: Number(row.population)
	}));
}

function groupOverlaps(
	rows: { cptsId: string; slug: string; name: string; stage: string; code: string; unitName: string; population: number }[]
): TerritoryOverlap[] {
	const byCpts = new Map<string, TerritoryOverlap>();
	for (const row of rows) {
		const entry = byCpts.get(row.cptsId) ?? { cptsId: row.cptsId, slug: row.slug, name: row.name, stage: row.stage, units: [], population: 0 };
		entry.units.push({ code: row.code, name: row.unitName, population: row.population });
		entry.population += row.population;
		byCpts.set(row.cptsId, entry);
	}
	return [...byCpts.values()].sort((x, y) => y.population - x.population);
}
