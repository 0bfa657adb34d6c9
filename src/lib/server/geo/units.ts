/**
 * Reading the INSEE referential: find communes by name, postcode or code, resolve a pasted
 * list of codes with a reason for every value refused, the communes of an EPCI.
 */
import { and, asc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { geoCommunes, geoDepartements, geoEpci, geoFormerCommunes, regions } from '../db/schema';
import { SELECTABLE_KINDS } from '../../domain/geography';

/** A unit a territory can hold (commune or arrondissement), as pages show it. */
export interface GeoUnit {
	code: string;
	name: string;
	kind: string;
	population: number;
	departementCode: string;
	regionCode: string;
	epciCode: string | null;
	postcodes: string[];
}

const unitColumns = {
	code: geoCommunes.code,
	name: geoCommunes.name,
	kind: geoCommunes.kind,
	population: geoCommunes.population,
	departementCode: geoCommunes.departementCode,
	regionCode: geoCommunes.regionCode,
	epciCode: geoCommunes.epciCode,
	postcodes: geoCommunes.postcodes
};

const selectable = and(inArray(geoCommunes.kind, [...SELECTABLE_KINDS]), eq(geoCommunes.retired, false));

/** An INSEE code: five characters, département first (2A/2B for Corsica). */
export const INSEE_CODE = /^(?:\d{5}|2[AB]\d{3})$/i;
const POSTCODE = /^\d{5}$/;

/**
 * Communes and arrondissements matching what a person typed: a code INSEE, a postcode, or the
 * start of a name (accents and case ignored). Larger communes first.
 */
export async function searchUnits(db: DbOrTx, query: string, limit = 20): Promise<GeoUnit[]> {
	const text = query.trim().slice(0, 80);
	if (text.length < 2) return [];
	const byNumber = POSTCODE.test(text) || INSEE_CODE.test(text);
	const pattern = `${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
	const matches = byNumber
		? or(eq(geoCommunes.code, text.toUpperCase()), sql`${text} = any(${geoCommunes.postcodes})`)
		: sql`immutable_unaccent(lower(${geoCommunes.name})) like immutable_unaccent(lower(${pattern}))`;
	return db
		.select(unitColumns)
		.from(geoCommunes)
		.where(and(selectable, matches))
		// A code INSEE can also be another commune's postcode (97411): the code's commune first.
		.orderBy(sql`${geoCommunes.code} = ${text.toUpperCase()} desc`, sql`${geoCommunes.population} desc`, asc(geoCommunes.code))
		.limit(limit);
}

/** EPCI whose name contains the text (accents and case ignored), with their population. */
export async function searchEpci(db: DbOrTx, query: string, limit = 10) {
	const text = query.trim().slice(0, 80);
	if (text.length < 2) return [];
	return db
		.select({
			code: geoEpci.code,
			name: geoEpci.name,
			population: sql<number>`coalesce(sum(${geoCommunes.population}), 0)`.mapWith(Number),
			communes: sql<number>`count(${geoCommunes.code})`.mapWith(Number)
		})
		.from(geoEpci)
		.leftJoin(geoCommunes, and(eq(geoCommunes.epciCode, geoEpci.code), selectable))
		.where(
			and(
				eq(geoEpci.retired, false),
				or(eq(geoEpci.code, text), ilike(sql`immutable_unaccent(${geoEpci.name})`, sql`'%' || immutable_unaccent(${text}) || '%'`))
			)
		)
		.groupBy(geoEpci.code)
		.orderBy(sql`coalesce(sum(${geoCommunes.population}), 0) desc`)
		.limit(limit);
}

/** The selectable units of an EPCI (arrondissements for a métropole holding Lyon…). */
export async function unitsOfEpci(db: DbOrTx, epciCode: string): Promise<GeoUnit[]> {
	return db.select(unitColumns).from(geoCommunes).where(and(selectable, eq(geoCommunes.epciCode, epciCode))).orderBy(asc(geoCommunes.name));
}

/** Units by code, in no particular order; unknown codes are absent. */
export async function unitsByCode(db: DbOrTx, codes: readonly string[]): Promise<GeoUnit[]> {
	if (!codes.length) return [];
	return db.select(unitColumns).from(geoCommunes).where(and(selectable, inArray(geoCommunes.code, [...codes])));
}

/** Why a value of a pasted list was refused; `replacement` names the unit to use instead. */
export type CodeProblem =
	| { value: string; reason: 'format' | 'unknown' | 'duplicate' | 'retired' }
	| { value: string; reason: 'deleguee' | 'associee' | 'arrondissements'; name: string; replacement: string; replacementName: string };

/** Splits a pasted list: codes separated by spaces, commas, semicolons or new lines. */
export function splitCodes(text: string): string[] {
	return text
		.split(/[\s,;]+/)
		.map((value) => value.trim())
		.filter(Boolean);
}

/**
 * Checks a list of codes: each must be a current commune or arrondissement, named once. A code
 * of a commune déléguée/associée, or of Paris/Lyon/Marseille as a whole, is refused with the
 * unit(s) to use instead. Nothing is written.
 */
export async function resolveCodes(db: DbOrTx, values: readonly string[]): Promise<{ units: GeoUnit[]; problems: CodeProblem[] }> {
	// First pass: format and duplicates; the referential answers for the rest in one read each.
	const checked: { raw: string; code: string; problem?: CodeProblem }[] = [];
	const seen = new Set<string>();
	for (const raw of values) {
		const code = raw.toUpperCase();
		if (!INSEE_CODE.test(code)) checked.push({ raw, code, problem: { value: raw, reason: 'format' } });
		else if (seen.has(code)) checked.push({ raw, code, problem: { value: raw, reason: 'duplicate' } });
		else {
			seen.add(code);
			checked.push({ raw, code });
		}
	}
	const wanted = checked.filter((entry) => !entry.problem).map((entry) => entry.code);
	if (!wanted.length) return { units: [], problems: checked.map((entry) => entry.problem!) };

	const [rows, former] = await Promise.all([
		db
			.select({ ...unitColumns, retired: geoCommunes.retired })
			.from(geoCommunes)
			.where(inArray(geoCommunes.code, wanted)),
		db
			.select({ code: geoFormerCommunes.code, kind: geoFormerCommunes.kind, name: geoFormerCommunes.name, parentCode: geoFormerCommunes.parentCode, parentName: geoCommunes.name })
			.from(geoFormerCommunes)
			.innerJoin(geoCommunes, eq(geoCommunes.code, geoFormerCommunes.parentCode))
			.where(and(inArray(geoFormerCommunes.code, wanted), eq(geoFormerCommunes.retired, false)))
	]);
	const byCode = new Map(rows.map((row) => [row.code, row]));
	const wholeCities = rows.filter((row) => row.kind === 'commune_a_arrondissements').map((row) => row.code);
	// « 75056 is Paris as a whole: use 75101 to 75120 »: the range comes from the referential.
	const arrondissementRanges = new Map(
		wholeCities.length
			? (
					await db
						.select({ parent: geoCommunes.parentCode, first: sql<string>`min(${geoCommunes.code})`, last: sql<string>`max(${geoCommunes.code})` })
						.from(geoCommunes)
						.where(and(inArray(geoCommunes.parentCode, wholeCities), eq(geoCommunes.kind, 'arrondissement')))
						.groupBy(geoCommunes.parentCode)
				).map((range) => [range.parent!, `${range.first}–${range.last}`])
			: []
	);
	const formerByCode = new Map(former.map((row) => [row.code, row]));
	// Problems come back in the order the values were typed.
	const units: GeoUnit[] = [];
	const problems: CodeProblem[] = [];
	for (const { code, problem } of checked) {
		if (problem) {
			problems.push(problem);
			continue;
		}
		const row = byCode.get(code);
		if (row?.kind === 'commune_a_arrondissements') {
			problems.push({ value: code, reason: 'arrondissements', name: row.name, replacement: arrondissementRanges.get(code) ?? '', replacementName: row.name });
		} else if (row?.retired) {
			problems.push({ value: code, reason: 'retired' });
		} else if (row) {
			const { retired: _retired, ...unit } = row;
			units.push(unit);
		} else if (formerByCode.has(code)) {
			const part = formerByCode.get(code)!;
			problems.push({
				value: code,
				reason: part.kind === 'associee' ? 'associee' : 'deleguee',
				name: part.name,
				replacement: part.parentCode,
				replacementName: part.parentName
			});
		} else {
			problems.push({ value: code, reason: 'unknown' });
		}
	}
	return { units, problems };
}

/** Départements with their région, metropolitan first, in code order. */
export async function listDepartements(db: DbOrTx) {
	return db
		.select({ code: geoDepartements.code, name: geoDepartements.name, regionCode: geoDepartements.regionCode, regionName: regions.name, overseas: geoDepartements.overseas })
		.from(geoDepartements)
		.innerJoin(regions, eq(regions.code, geoDepartements.regionCode))
		.orderBy(asc(geoDepartements.overseas), asc(geoDepartements.code));
}
