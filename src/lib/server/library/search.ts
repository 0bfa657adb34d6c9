/**
 * French full-text search of the library, the same on PGlite and PostgreSQL.
 *
 * - User text goes through websearch_to_tsquery('french_unaccent', …), which accepts any
 *   input (quotes, operators, lone accents) without a syntax error, after being cut to
 *   MAX_QUERY_LENGTH. Stemming and accent removal make "prevention" find "prévention".
 * - Matches come from the GIN index on the generated `search_vector`; they are ranked with
 *   ts_rank_cd, and only the page's rows get a ts_headline snippet: headlines re-parse the
 *   whole text, so computing them for every match of a common term is what makes searches
 *   slow.
 * - Facets (kind, nature, size band, mission, profession, region) are counted in one
 *   statement. Values of one facet are OR-ed, facets are AND-ed; a facet with a selected
 *   value is counted without its own filter, so its other values stay visible.
 */
import { and, arrayOverlaps, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { libraryResources } from '../db/schema';
import { MISSIONS, RESOURCE_KINDS } from '../../domain/library';
import { PROFESSIONS, TERRITORY_NATURES } from '../../domain/professions';
import { SEARCH_PAGE_SIZE, cleanSearchText, type SearchQuery } from './forms';
import { readablePublished } from './resources';
import type { Viewer } from './permissions';

export const FACETS = ['kinds', 'natures', 'sizeBands', 'missions', 'professions', 'regions'] as const;
export type FacetName = (typeof FACETS)[number];

export interface FacetValue {
	value: string;
	count: number;
	selected: boolean;
}

/** A piece of a snippet; `match` pieces are the query's words, shown highlighted. */
export interface SnippetPart {
	text: string;
	match: boolean;
}

export interface SearchHit {
	id: string;
	slug: string;
	kind: (typeof RESOURCE_KINDS)[number];
	title: string;
	summary: string;
	visibility: 'public' | 'members_only';
	natures: string[];
	missions: string[];
	sizeBands: number[];
	regionCode: string | null;
	publishedAt: Date | null;
	/** Highlighted extract of summary and body (null without search words). */
	snippet: SnippetPart[] | null;
}

export interface SearchResponse {
	query: SearchQuery;
	total: number;
	page: number;
	pageCount: number;
	hits: SearchHit[];
	facets: Record<FacetName, FacetValue[]>;
	/** The words typed were all too common (stop words) or had no letters: nothing to look for. */
	noSearchableWords: boolean;
}

const CONFIG = sql.raw(`'french_unaccent'::regconfig`);
// Markers unlikely in prose; the snippet is split on them and rendered as text, never as HTML.
const MARK_START = '\u2063[[';
const MARK_END = ']]\u2063';
const HEADLINE_OPTIONS = `StartSel="${MARK_START}", StopSel="${MARK_END}", MaxWords=32, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;

const tsQuery = (text: string) => sql`websearch_to_tsquery(${CONFIG}, ${text})`;

/** The filter of one facet, or undefined when nothing is selected in it. */
function facetCondition(query: SearchQuery, facet: FacetName): SQL | undefined {
	switch (facet) {
		case 'kinds':
			return query.kinds.length ? inArray(libraryResources.kind, query.kinds) : undefined;
		case 'natures':
			return query.natures.length ? arrayOverlaps(libraryResources.natures, query.natures) : undefined;
		case 'sizeBands':
			return query.sizeBands.length
				? sql`${libraryResources.sizeBands} && ${sql.param(query.sizeBands)}::smallint[]`
				: undefined;
		case 'missions':
			return query.missions.length ? arrayOverlaps(libraryResources.missions, query.missions) : undefined;
		case 'professions':
			return query.professions.length ? arrayOverlaps(libraryResources.professions, query.professions) : undefined;
		case 'regions':
			return query.regions.length ? inArray(libraryResources.regionCode, query.regions) : undefined;
	}
}

/** Everything a result must satisfy, except the filter of `exceptFacet`. */
function conditions(viewer: Viewer, query: SearchQuery, exceptFacet?: FacetName): SQL {
	return and(
		readablePublished(viewer),
		query.q ? sql`${libraryResources.searchVector} @@ ${tsQuery(query.q)}` : undefined,
		...FACETS.filter((facet) => facet !== exceptFacet).map((facet) => facetCondition(query, facet))
	)!;
}

/** Rows of db.execute on either driver (postgres.js returns an array, PGlite `{ rows }`). */
function rowsOf<T>(result: unknown): T[] {
	return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** The value expression a facet is counted on (arrays are unnested). */
const facetValueSql: Record<FacetName, string> = {
	kinds: 'kind',
	natures: 'unnest(natures)',
	sizeBands: 'unnest(size_bands)::text',
	missions: 'unnest(missions)',
	professions: 'unnest(professions)',
	regions: 'region_code'
};

function isSelected(query: SearchQuery, facet: FacetName): boolean {
	const selected: Record<FacetName, readonly unknown[]> = {
		kinds: query.kinds,
		natures: query.natures,
		sizeBands: query.sizeBands,
		missions: query.missions,
		professions: query.professions,
		regions: query.regions
	};
	return selected[facet].length > 0;
}

/**
 * The total and the facet counts in one statement: the matching rows are materialised once
 * (small columns only), plus once more per facet that has a selection.
 */
async function countFacets(db: DbOrTx, viewer: Viewer, query: SearchQuery): Promise<{ total: number; counts: Map<string, number> }> {
	const sets: SQL[] = [sql`matched as materialized (select kind, natures, size_bands, missions, professions, region_code from ${libraryResources} where ${conditions(viewer, query)})`];
	const sourceOf = new Map<FacetName, string>();
	for (const facet of FACETS) {
		if (isSelected(query, facet)) {
			const name = `matched_${facet.toLowerCase()}`;
			sets.push(
				sql`${sql.raw(name)} as materialized (select kind, natures, size_bands, missions, professions, region_code from ${libraryResources} where ${conditions(viewer, query, facet)})`
			);
			sourceOf.set(facet, name);
		} else {
			sourceOf.set(facet, 'matched');
		}
	}
	const selects = [
		sql`select 'total'::text as facet, ''::text as value, count(*)::int as count from matched`,
		...FACETS.map(
			(facet) =>
				sql`select ${sql.raw(`'${facet}'::text`)} as facet, value::text as value, count(*)::int as count from (select ${sql.raw(facetValueSql[facet])} as value from ${sql.raw(sourceOf.get(facet)!)}) as v where value is not null group by value`
		)
	];
	const statement = sql`with ${sql.join(sets, sql`, `)} ${sql.join(selects, sql` union all `)}`;
	const rows = rowsOf<{ facet: string; value: string; count: number }>(await db.execute(statement));
	let total = 0;
	const counts = new Map<string, number>();
	for (const row of rows) {
		if (row.facet === 'total') total = Number(row.count);
		else counts.set(`${row.facet}:${row.value}`, Number(row.count));
	}
	return { total, counts };
}

function facetValues(
	facet: FacetName,
	values: readonly string[],
	selected: readonly string[],
	counts: Map<string, number>,
	byCount: boolean
): FacetValue[] {
	const list = values
		.map((value) => ({ value, count: counts.get(`${facet}:${value}`) ?? 0, selected: selected.includes(value) }))
		.filter((entry) => entry.count > 0 || entry.selected);
	return byCount ? list.sort((a, b) => b.count - a.count) : list;
}

/** Splits a headline on its markers into text pieces. */
export function parseHeadline(headline: string): SnippetPart[] {
	const parts: SnippetPart[] = [];
	let rest = headline;
	while (rest.length) {
		const start = rest.indexOf(MARK_START);
		if (start === -1) {
			parts.push({ text: rest, match: false });
			break;
		}
		if (start > 0) parts.push({ text: rest.slice(0, start), match: false });
		const end = rest.indexOf(MARK_END, start + MARK_START.length);
		const stop = end === -1 ? rest.length : end;
		parts.push({ text: rest.slice(start + MARK_START.length, stop), match: true });
		rest = end === -1 ? '' : rest.slice(end + MARK_END.length);
	}
	return parts.filter((part) => part.text.length > 0);
}

/** Whether the text gives the search anything to look for (not only stop words or signs). */
async function hasSearchableWords(db: DbOrTx, text: string): Promise<boolean> {
	const rows = rowsOf<{ nodes: number }>(await db.execute(sql`select numnode(${tsQuery(text)})::int as nodes`));
	return Number(rows[0]?.nodes ?? 0) > 0;
}

/** Searches the library with the viewer's rights. */
export async function searchLibrary(
	db: DbOrTx,
	viewer: Viewer,
	rawQuery: SearchQuery,
	regionCodes: readonly string[] = []
): Promise<SearchResponse> {
	const query: SearchQuery = { ...rawQuery, q: cleanSearchText(rawQuery.q) };
	const emptyFacets = Object.fromEntries(FACETS.map((facet) => [facet, []])) as unknown as Record<FacetName, FacetValue[]>;
	if (query.q && !(await hasSearchableWords(db, query.q))) {
		return { query, total: 0, page: 1, pageCount: 0, hits: [], facets: emptyFacets, noSearchableWords: true };
	}

	const where = conditions(viewer, query);
	const offset = (query.page - 1) * SEARCH_PAGE_SIZE;
	const rank = query.q
		? sql<number>`ts_rank_cd(${libraryResources.searchVector}, ${tsQuery(query.q)}, 1)`
		: sql<number>`0`;
	// The page first (ranking every match, but reading only ids and dates), then the
	// expensive headlines for these rows only.
	const page = db
		.select({ id: libraryResources.id, rank: rank.as('rank'), publishedAt: libraryResources.publishedAt })
		.from(libraryResources)
		.where(where)
		.orderBy(desc(sql`rank`), desc(libraryResources.publishedAt), libraryResources.id)
		.limit(SEARCH_PAGE_SIZE)
		.offset(offset)
		.as('page');
	// The snippet shows summary, body and a profil-type's fields; any of the words is
	// highlighted (the query with OR in place of AND), since some may only be in the title.
	const snippetSource = sql`${libraryResources.summary} || ' — ' || left(${libraryResources.bodyText}, 20000) || coalesce(' — ' || (select string_agg(value #>> '{}', ' ; ') from jsonb_path_query(${libraryResources.profile}, 'strict $.**') as value where jsonb_typeof(value) = 'string'), '')`;
	const anyWord = sql`replace(${tsQuery(query.q)}::text, ' & ', ' | ')::tsquery`;
	const headline = query.q ? sql<string>`ts_headline(${CONFIG}, ${snippetSource}, ${anyWord}, ${HEADLINE_OPTIONS})` : sql<string>`null`;

	const [rows, { total, counts }] = await Promise.all([
		db
			.select({
				id: libraryResources.id,
				slug: libraryResources.slug,
				kind: libraryResources.kind,
				title: libraryResources.title,
				summary: libraryResources.summary,
				visibility: libraryResources.visibility,
				natures: libraryResources.natures,
				missions: libraryResources.missions,
				sizeBands: libraryResources.sizeBands,
				regionCode: libraryResources.regionCode,
				publishedAt: libraryResources.publishedAt,
				headline
			})
			.from(page)
			.innerJoin(libraryResources, eq(libraryResources.id, page.id))
			.orderBy(desc(page.rank), desc(page.publishedAt), page.id),
		countFacets(db, viewer, query)
	]);

	const hits: SearchHit[] = rows.map(({ headline: text, ...row }) => ({
		...row,
		snippet: text ? parseHeadline(text) : null
	}));
	const facets: Record<FacetName, FacetValue[]> = {
		kinds: facetValues('kinds', RESOURCE_KINDS, query.kinds, counts, false),
		natures: facetValues('natures', TERRITORY_NATURES, query.natures, counts, false),
		sizeBands: facetValues('sizeBands', ['1', '2', '3', '4'], query.sizeBands.map(String), counts, false),
		missions: facetValues('missions', MISSIONS, query.missions, counts, false),
		professions: facetValues('professions', PROFESSIONS, query.professions, counts, true),
		regions: facetValues('regions', regionCodes, query.regions, counts, true)
	};
	return {
		query,
		total,
		page: query.page,
		pageCount: Math.ceil(total / SEARCH_PAGE_SIZE),
		hits,
		facets,
		noSearchableWords: false
	};
}
