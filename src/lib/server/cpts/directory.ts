/**
 * The directory: CPTS filtered by region, territory nature, stage and ACI size band, searched
 * by name, commune or department whatever the accents, sorted by name, 30 per page, with
 * the count of results for each filter value.
 */
import { and, count, eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { cpts, cptsTerritories, geoCommunes, regions } from '../db/schema';
import { DIRECTORY_PAGE_SIZE, type DirectoryQuery } from './forms';

export interface DirectoryCard {
	id: string;
	slug: string;
	name: string;
	regionCode: string;
	regionName: string;
	department: string;
	nature: string;
	stage: string;
	sizeBand: number;
	population: number;
}

type Facet = 'region' | 'nature' | 'stage' | 'size';

export interface DirectoryPage {
	items: DirectoryCard[];
	total: number;
	page: number;
	pageCount: number;
	pageSize: number;
	/** For each filter, how many results each value would give with the other filters kept. */
	facets: Record<Facet, Record<string, number>>;
}

/** `%text%` for LIKE, with the user's own % and _ taken literally. */
function containsPattern(text: string): string {
	return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** Accent- and case-insensitive match on name, department or a commune of the territory. */
function searchCondition(text: string): SQL {
	const pattern = containsPattern(text);
	// unaccent first: lower()/ILIKE only fold ASCII under the C collation PGlite uses.
	return sql`(immutable_unaccent(${cpts.name}) ilike immutable_unaccent(${pattern})
		or immutable_unaccent(${cpts.department}) ilike immutable_unaccent(${pattern})
		or exists (select 1 from ${cptsTerritories} join ${geoCommunes} on ${geoCommunes.code} = ${cptsTerritories.communeCode}
			where ${cptsTerritories.cptsId} = ${cpts.id} and immutable_unaccent(${geoCommunes.name}) ilike immutable_unaccent(${pattern})))`;
}

/** The filters of a directory query as one condition (`except`: one facet left out, for its counts). */
export function directoryConditions(query: DirectoryQuery, except?: Facet): SQL | undefined {
	const parts: (SQL | undefined)[] = [
		query.q ? searchCondition(query.q) : undefined,
		query.region && except !== 'region' ? eq(cpts.regionCode, query.region) : undefined,
		query.nature && except !== 'nature' ? eq(cpts.nature, query.nature) : undefined,
		query.stage && except !== 'stage' ? eq(cpts.stage, query.stage) : undefined,
		query.size && except !== 'size' ? eq(cpts.sizeBand, query.size) : undefined
	];
	return and(...parts.filter((part): part is SQL => part !== undefined));
}

const facetColumns = {
	region: cpts.regionCode,
	nature: cpts.nature,
	stage: cpts.stage,
	size: cpts.sizeBand
} as const;

async function facetCounts(db: DbOrTx, query: DirectoryQuery, facet: Facet): Promise<Record<string, number>> {
	const column = facetColumns[facet];
	const rows = await db
		.select({ value: column, count: count() })
		.from(cpts)
		.where(directoryConditions(query, facet))
		.groupBy(column);
	return Object.fromEntries(rows.map((row) => [String(row.value), Number(row.count)]));
}

/** The columns of a directory card (the CSV export adds its own); needs the regions join. */
export const directoryCardColumns = {
	id: cpts.id,
	slug: cpts.slug,
	name: cpts.name,
	regionCode: cpts.regionCode,
	regionName: regions.name,
	department: cpts.department,
	nature: cpts.nature,
	stage: cpts.stage,
	sizeBand: cpts.sizeBand,
	population: cpts.population
};

/** One page of the directory for the given filters. */
export async function searchDirectory(db: DbOrTx, query: DirectoryQuery): Promise<DirectoryPage> {
	const where = directoryConditions(query);
	const [{ total }] = await db.select({ total: count() }).from(cpts).where(where);
	const pageCount = Math.max(1, Math.ceil(Number(total) / DIRECTORY_PAGE_SIZE));
	const page = Math.min(query.page, pageCount);
	const items = await db
		.select(directoryCardColumns)
		.from(cpts)
		.innerJoin(regions, eq(regions.code, cpts.regionCode))
		.where(where)
		// Sorted as a reader expects ("Étampes" among the E), the same on both engines.
		.orderBy(sql`lower(immutable_unaccent(${cpts.name}))`, cpts.id)
		.limit(DIRECTORY_PAGE_SIZE)
		.offset((page - 1) * DIRECTORY_PAGE_SIZE);
	// One after the other: PGlite runs one query at a time anyway.
	const facets = {} as DirectoryPage['facets'];
	for (const facet of Object.keys(facetColumns) as Facet[]) facets[facet] = await facetCounts(db, query, facet);
	return { items, total: Number(total), page, pageCount, pageSize: DIRECTORY_PAGE_SIZE, facets };
}
