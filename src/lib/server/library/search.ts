/**
 * French full-text search of the library, the same on PGlite and PostgreSQL.
 *
 * - User text, cut to MAX_QUERY_LENGTH, becomes a tsquery through search/query.ts: any input
 *   is valid, hyphenated words and the field's words (professions in every gender,
 *   abbreviations: search/thesaurus.ts) find their other forms, and stemming and accent
 *   removal make "prevention" find "prévention".
 * - The page and the counts are two statements, run side by side on two connections of the
 *   pool.
 * - The page (rankedPage) reads library_resources: a common word matches a sixth of the
 *   library, so candidates come from two short index reads, only a few hundred are scored
 *   with ts_rank_cd on the full vector, and only the page's rows get a ts_headline snippet,
 *   since headlines re-parse the whole text.
 * - The total and the facet counts (kind, nature, size band, mission, profession, region)
 *   come from one statement over a copy of the published resources kept by a trigger
 *   (drizzle/0019_library_search_rows_sync.sql), which lists the matches' packed facets
 *   (facet-bits.ts) for the counting here. Values of one facet are OR-ed, facets are AND-ed; a
 *   facet with a selected value is counted without its own filter, so its other values stay
 *   visible. Word queries count in library_search_rows, narrow rows whose vector only the
 *   index reads; phrases in library_search_vectors, whose vectors are in the row, since the
 *   index cannot tell whether words are adjacent and candidates' positions are read. Counting
 *   stops at COUNT_CAP matches: beyond, « plus de 1 000 », and facet values without counts.
 * - The counts are kept a few seconds per search and reader class (a minute for the front
 *   page) in this process, and forgotten on every change (facet-cache.ts): the pages of a
 *   search share them.
 */
import { and, arrayOverlaps, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import { rowsOf, type DbOrTx } from '../db';
import { libraryResources, librarySearchHeads, librarySearchRows, librarySearchVectors } from '../db/schema';
import { MISSIONS, RESOURCE_KINDS } from '../../domain/library';
import { PROFESSIONS, TERRITORY_NATURES } from '../../domain/professions';
import { SEARCH_PAGE_SIZE, cleanSearchText, type SearchQuery } from './forms';
import { readablePublished, readableSearchRows } from './resources';
import { BROWSE_FACETS_TTL_MS, SEARCH_FACETS_TTL_MS, cachedFacetCounts } from './facet-cache';
import { BIT_GROUPS, maskOf } from './facet-bits';
import { newestFirst } from './columns';
import { SEARCH_CONFIG, anyWordQuery, excludesWords, textSearchQuery } from '../search/query';
import type { Viewer } from './permissions';

export const FACETS = ['kinds', 'natures', 'sizeBands', 'missions', 'professions', 'regions'] as const;
export type FacetName = (typeof FACETS)[number];

export interface FacetValue {
	value: string;
	/** Null when the search has more matches than it counts (COUNT_CAP). */
	count: number | null;
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
	/** Exact up to COUNT_CAP; beyond, COUNT_CAP with `totalCapped`. */
	total: number;
	/** More matches than COUNT_CAP: the page says « plus de 1 000 ». */
	totalCapped: boolean;
	page: number;
	pageCount: number;
	hits: SearchHit[];
	facets: Record<FacetName, FacetValue[]>;
	/** The words typed were all too common (stop words) or had no letters: nothing to look for. */
	noSearchableWords: boolean;
}

/** The mission codes as an SQL list (constants of the code, never user input). */
const MISSION_CODES_SQL = sql.raw(MISSIONS.map((code) => `'${code}'`).join(', '));
// Markers unlikely in prose; the snippet is split on them and rendered as text, never as HTML.
const MARK_START = '\u2063[[';
const MARK_END = ']]\u2063';
const HEADLINE_OPTIONS = `StartSel="${MARK_START}", StopSel="${MARK_END}", MaxWords=32, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;


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
		query.q ? sql`${libraryResources.searchVector} @@ ${textSearchQuery(query.q)}` : undefined,
		...FACETS.filter((facet) => facet !== exceptFacet).map((facet) => facetCondition(query, facet))
	)!;
}


function isSelected(query: SearchQuery, facet: FacetName): boolean {
	return selectedValues(query, facet).length > 0;
}

function selectedValues(query: SearchQuery, facet: FacetName): readonly (string | number)[] {
	switch (facet) {
		case 'kinds':
			return query.kinds;
		case 'natures':
			return query.natures;
		case 'sizeBands':
			return query.sizeBands;
		case 'missions':
			return query.missions;
		case 'professions':
			return query.professions;
		case 'regions':
			return query.regions;
	}
}

/** Where the matches are counted: word queries in the narrow copy, phrases where positions are in the row. */
function countedRows(phrase: boolean) {
	return phrase ? librarySearchVectors : librarySearchRows;
}
type CountedRows = ReturnType<typeof countedRows> | typeof librarySearchHeads;

/** A selected facet's filter on the packed columns (the same rows as facetCondition's). */
function packedCondition(rows: CountedRows, query: SearchQuery, facet: FacetName): SQL {
	if (facet === 'regions') return inArray(rows.regionCode, query.regions);
	const column = facet === 'professions' ? rows.professionBits : rows.facetBits;
	return sql`(${column} & ${maskOf(facet, selectedValues(query, facet))}) <> 0`;
}

/** Bytes of a bytea: a Buffer from postgres.js, a Uint8Array from PGlite. */
function viewOf(bytes: Uint8Array | null): DataView {
	return bytes ? new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength) : new DataView(new ArrayBuffer(0));
}

/** Adds 1 to `counts` at the position of each bit set in `bits` (bits 0 to 30). */
function addBits(counts: Float64Array, bits: number): void {
	for (let rest = bits; rest !== 0; rest &= rest - 1) counts[31 - Math.clz32(rest & -rest)] += 1;
}

/** Matches counted at most: beyond, the total reads « plus de 1 000 » and facet values show no count. */
export const COUNT_CAP = 1000;

/** The total (exact up to COUNT_CAP) and, when every match that counts was read, the facet counts. */
interface FacetCounts {
	total: number;
	/** More than COUNT_CAP matches: `total` is COUNT_CAP. */
	totalCapped: boolean;
	/** Null when more matches count than COUNT_CAP: the facets then list their values without counts. */
	counts: Map<string, number> | null;
	/** With a facet selected and the total exact: the ids of the matches passing every filter (at most COUNT_CAP). */
	passingIds: string[] | null;
}

/**
 * The total and the facet counts, reading at most COUNT_CAP + 1 matches. Values of one facet
 * are OR-ed, facets AND-ed, and a facet with a selection is counted without its own filter
 * (so its other values stay visible): a match counts for every facet when it passes all
 * selected filters, and for facet F alone when F's filter is the only one it fails.
 * The database only lists the packed facet integers of the matches (library/facet-bits.ts)
 * and the position of their region in `regionCodes`; the counting happens here on integers.
 * Asking the database for 50 `count(*) filter (…)` instead made its planner trade the text
 * index for a parallel scan reading every vector (340 ms instead of 30 on 100,000
 * resources). The integers come as bytes, 10 per match, read without parsing text.
 * A word in most of the library (« infirmier » in all its forms: 64 % of the bench's
 * resources) or a phrase in a third of it made counting every match the whole cost of a
 * search (300 ms to a second at 100,000 resources, most of it reading rows and, for a phrase,
 * checking positions): like the search engines people know, the count stops at COUNT_CAP, and
 * beyond it the page says « plus de 1 000 » and the facets offer their values without counts.
 */
async function countFacets(db: DbOrTx, viewer: Viewer, query: SearchQuery, regionCodes: readonly string[], phrase: boolean): Promise<FacetCounts> {
	const counted = countedRows(phrase);
	// Regions by position (1, 2…; 0 for none), the selected ones included whatever the list.
	const regions = [...new Set([...regionCodes, ...query.regions])];
	const selected = FACETS.filter((facet) => isSelected(query, facet));
	// Rows failing two selected filters or more count nowhere: leave them in the database.
	const failures = selected.map((facet) => sql`(case when ${packedCondition(counted, query, facet)} then 0 else 1 end)`);
	const matching = and(readableSearchRows(viewer, counted), query.q ? sql`${counted.searchVector} @@ ${textSearchQuery(query.q)}` : undefined);
	const where = and(matching, selected.length > 1 ? sql`(${sql.join(failures, sql` + `)}) <= 1` : undefined);
	const regionPosition = sql`coalesce(array_position(${sql.param(regions)}::text[], ${counted.regionCode}), 0)::smallint`;
	// With a facet selected, the matches passing every filter are listed too: the page's newest
	// candidates are among them (rankedPage), when there are few enough to count.
	const passesAll = and(...selected.map((facet) => packedCondition(counted, query, facet)));
	const passing = passesAll ? sql`array_agg(id) filter (where passes)` : sql`null::text[]`;
	type Row = { matches: number; packed: Uint8Array | null; passing: string[] | null };
	const statement = sql`select count(*)::int as matches, string_agg(packed_row, ''::bytea) as packed, ${passing} as passing from (select ${counted.id} as id, ${passesAll ?? sql`true`} as passes, int4send(${counted.facetBits}) || int4send(${counted.professionBits}) || int2send(${regionPosition}) as packed_row from ${counted} where ${where ?? sql`true`} limit ${COUNT_CAP + 1}) as counted_rows`;
	const [row] = rowsOf<Row>(await inWordPlan(db, query, phrase, statement));
	const matches = Number(row?.matches ?? 0);
	if (matches > COUNT_CAP) {
		// Too many rows count somewhere to count the facets. The total: every row read passed
		// all filters when none is selected; otherwise counted apart, up to the cap too.
		if (selected.length === 0) return { total: COUNT_CAP, totalCapped: true, counts: null, passingIds: null };
		const [passingRows] = rowsOf<{ matches: number; ids: string[] | null }>(
			await inWordPlan(
				db,
				query,
				phrase,
				sql`select count(*)::int as matches, array_agg(id) as ids from (select ${counted.id} as id from ${counted} where ${and(matching, passesAll)} limit ${COUNT_CAP + 1}) as passing_rows`
			)
		);
		const total = Number(passingRows?.matches ?? 0);
		const capped = total > COUNT_CAP;
		return { total: Math.min(total, COUNT_CAP), totalCapped: capped, counts: null, passingIds: capped ? null : (passingRows?.ids ?? []) };
	}
	const packed = viewOf(row?.packed ?? null);
	const facetBitsOf = (index: number) => packed.getInt32(index * 10);
	const professionBitsOf = (index: number) => packed.getInt32(index * 10 + 4);
	const regionOf = (index: number) => packed.getInt16(index * 10 + 8);

	// A selected facet's filter as a test on one match.
	const selectedRegions = new Set(query.regions.map((code) => regions.indexOf(code) + 1));
	const masks = selected.map((facet) => (facet === 'regions' ? 0 : maskOf(facet, selectedValues(query, facet))));
	const passes = (position: number, index: number): boolean => {
		const facet = selected[position];
		if (facet === 'regions') return selectedRegions.has(regionOf(index));
		return ((facet === 'professions' ? professionBitsOf(index) : facetBitsOf(index)) & masks[position]) !== 0;
	};
	// Counts per bit of each packed column, and per region position.
	const facetBitCounts = new Float64Array(31);
	const professionBitCounts = new Float64Array(31);
	const regionCounts = new Float64Array(regions.length + 1);
	const groupMask: Record<FacetName, number> = {
		kinds: bitsOfGroup('kinds'),
		natures: bitsOfGroup('natures'),
		sizeBands: bitsOfGroup('sizeBands'),
		missions: bitsOfGroup('missions'),
		professions: bitsOfGroup('professions'),
		regions: 0
	};
	const addRegion = (index: number) => {
		regionCounts[regionOf(index)] += 1;
	};

	let total = 0;
	for (let index = 0; index < matches; index += 1) {
		let failed = -1;
		let failedCount = 0;
		for (let position = 0; position < selected.length && failedCount < 2; position += 1) {
			if (!passes(position, index)) {
				failed = position;
				failedCount += 1;
			}
		}
		if (failedCount === 0) {
			total += 1;
			addBits(facetBitCounts, facetBitsOf(index));
			addBits(professionBitCounts, professionBitsOf(index));
			addRegion(index);
		} else if (failedCount === 1) {
			const facet = selected[failed];
			if (facet === 'regions') addRegion(index);
			else if (facet === 'professions') addBits(professionBitCounts, professionBitsOf(index));
			else addBits(facetBitCounts, facetBitsOf(index) & groupMask[facet]);
		}
	}

	const counts = new Map<string, number>();
	for (const facet of FACETS) {
		if (facet === 'regions') continue;
		const group = BIT_GROUPS[facet];
		const perBit = group.column === 'profession_bits' ? professionBitCounts : facetBitCounts;
		group.values.forEach((value, index) => {
			const count = perBit[group.offset + index];
			if (count > 0) counts.set(`${facet}:${value}`, count);
		});
	}
	regions.forEach((code, index) => {
		if (regionCounts[index + 1] > 0) counts.set(`regions:${code}`, regionCounts[index + 1]);
	});
	return { total, totalCapped: false, counts, passingIds: row?.passing ?? (passesAll ? [] : null) };
}

/**
 * Runs a statement matching words (no phrase) without a sequential scan. Words are matched by
 * the text index alone, which never reads a vector; for a word in most documents the planner
 * preferred a sequential scan, which reads every vector out of line. Ruled out for this
 * statement only (SET LOCAL ends with the transaction; inside a caller's transaction, with that one).
 */
async function inWordPlan(db: DbOrTx, query: SearchQuery, phrase: boolean, statement: SQL) {
	if (!query.q || phrase) return db.execute(statement);
	return db.transaction(async (tx) => {
		await tx.execute(sql`set local enable_seqscan = off`);
		return tx.execute(statement);
	});
}

/** The bits of one facet's values in its packed column. */
function bitsOfGroup(facet: Exclude<FacetName, 'regions'>): number {
	return maskOf(facet, BIT_GROUPS[facet].values);
}

/** No words and no facet selected: the front page of the library. */
function isUnfilteredBrowse(query: SearchQuery): boolean {
	return !query.q && FACETS.every((facet) => !isSelected(query, facet));
}

/** A facet's values with their counts; without counts (too many matches), every value, in their order. */
function facetValues(
	facet: FacetName,
	values: readonly string[],
	selected: readonly string[],
	counts: Map<string, number> | null,
	byCount: boolean
): FacetValue[] {
	if (!counts) return values.map((value) => ({ value, count: null, selected: selected.includes(value) }));
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

/**
 * What the typed words ask for: anything to look for at all (not only stop words or signs),
 * and whether a phrase (`<->`, `<N>` between quoted words) must be checked on positions.
 */
async function analyseWords(db: DbOrTx, text: string): Promise<{ searchable: boolean; phrase: boolean }> {
	const query = textSearchQuery(text);
	const [row] = rowsOf<{ nodes: number; phrase: boolean }>(
		await db.execute(sql`select numnode(${query})::int as nodes, ${query}::text ~ '<(-|[0-9]+)>' as phrase`)
	);
	return { searchable: Number(row?.nodes ?? 0) > 0, phrase: row?.phrase === true };
}

/** How many matches the precise ranking looks at, at least (see rankedPage). */
export const RANKED_CANDIDATES = 200;

/** How many of the newest title-and-summary matches are scored for the candidates, at most. */
export const HEAD_SCORED = 1000;

/** The candidates ranked for a page starting at `offset`: enough to fill it, by blocks. */
function candidatesFor(offset: number): number {
	return Math.max(RANKED_CANDIDATES, Math.ceil((offset + SEARCH_PAGE_SIZE) / RANKED_CANDIDATES) * RANKED_CANDIDATES);
}

/**
 * One page of matches, ranked in two stages so that a common word does not mean reading and
 * scoring every match (15 % of the library for a word like "coordination"):
 * 1. candidates: matches whose title and summary alone match the query come first, by ts_rank
 *    of that small vector, then every other match by date (newest first). That order only
 *    needs two short reads, each limited to the number of candidates: the title-and-summary
 *    matches (library_resources, through their own GIN index) and the newest matches; the
 *    first candidates of their union are those of the whole. (ts_rank of a title that misses
 *    a word of the query is not zero but about 1e-20, varying with its length: scoring every
 *    match by it ordered the body-only matches by title length.)
 * 2. only those candidates are ranked with ts_rank_cd on the full vector (title A, summary B,
 *    body C).
 */
function rankedPage(db: DbOrTx, viewer: Viewer, query: SearchQuery, text: string, offset: number, passingIds: readonly string[] | null) {
	const candidateCount = candidatesFor(offset);
	const words = textSearchQuery(text);
	const vectors = librarySearchVectors;
	const selected = FACETS.filter((facet) => isSelected(query, facet));
	// A word in most titles ("infirmier": 64 % of a generated library) would have every one of
	// those titles scored before the limit: only the newest head matches are scored, so the
	// cost stays that of HEAD_SCORED rows however common the word. Among that many titles all
	// holding the word, the order by ts_rank barely moves the first page. They are read in
	// library_search_heads, narrow rows holding the title-and-summary vector (along its date
	// index, or through its text index for a rare word). Title and summary holding the words
	// means the whole resource does, unless some words are excluded: then the full vector is
	// checked at the end.
	const heads = librarySearchHeads;
	const headMatches = db
		.select({ id: heads.id, publishedAt: heads.publishedAt, headVector: heads.headVector })
		.from(heads)
		.where(
			and(
				readableSearchRows(viewer, heads),
				sql`${heads.headVector} @@ ${words}`,
				...selected.map((facet) => packedCondition(heads, query, facet))
			)
		)
		.orderBy(sql`${heads.publishedAt} desc nulls last`, heads.id)
		.limit(Math.max(HEAD_SCORED, candidateCount))
		.as('head_matches');
	const bestHeads = db
		.select({
			id: headMatches.id,
			publishedAt: headMatches.publishedAt,
			headRank: sql<number>`ts_rank(${headMatches.headVector}, ${words}, 1)`.as('head_rank')
		})
		.from(headMatches)
		.orderBy(desc(sql`head_rank`), sql`${headMatches.publishedAt} desc nulls last`, headMatches.id)
		.limit(candidateCount);
	// Their rank stays 0 here: those whose title matches as well are among bestHeads, with
	// their rank, unless bestHeads is full of better ones. They are read by date in
	// library_search_vectors, whose vector is in the row: along its date index, checking each
	// vector (a common word, a phrase's positions), or through its text index (a rare word).
	// With a facet selected, a walk by date may read a hundred rows per match (1 % of the
	// library for « soins palliatifs » in rural territories): the matches listed while counting
	// are taken when there were few enough to count them all, and a walk is left to searches
	// with more than COUNT_CAP matches.
	const noRank = sql<number>`0::real`.as('head_rank');
	const newestWhere = passingIds
		? and(inArray(vectors.id, [...passingIds]), readableSearchRows(viewer, vectors))
		: and(
				readableSearchRows(viewer, vectors),
				sql`${vectors.searchVector} @@ ${words}`,
				...selected.map((facet) => packedCondition(vectors, query, facet))
			);
	const newest = db
		.select({ id: vectors.id, publishedAt: vectors.publishedAt, headRank: noRank })
		.from(vectors)
		.where(newestWhere)
		.orderBy(sql`${vectors.publishedAt} desc nulls last`, vectors.id)
		.limit(candidateCount);
	const both = unionAll(bestHeads, newest).as('both');
	const candidates = db
		.select({ id: both.id, publishedAt: both.publishedAt, headRank: sql<number>`max(${both.headRank})`.as('best_head_rank') })
		.from(both)
		.groupBy(both.id, both.publishedAt)
		.orderBy(desc(sql`best_head_rank`), sql`${both.publishedAt} desc nulls last`, both.id)
		.limit(candidateCount)
		.as('candidates');
	return db
		.select({
			id: candidates.id,
			publishedAt: candidates.publishedAt,
			rank: sql<number>`ts_rank_cd(${vectors.searchVector}, ${words}, 1)`.as('rank')
		})
		.from(candidates)
		.innerJoin(vectors, eq(vectors.id, candidates.id))
		.where(excludesWords(text) ? sql`${vectors.searchVector} @@ ${words}` : undefined)
		.orderBy(desc(sql`rank`), desc(candidates.publishedAt), candidates.id)
		.limit(SEARCH_PAGE_SIZE)
		.offset(offset)
		.as('page');
}

/** One page of a browse without words: newest first. */
function recentPage(db: DbOrTx, where: SQL, offset: number) {
	return db
		.select({ id: libraryResources.id, publishedAt: libraryResources.publishedAt, rank: sql<number>`0`.as('rank') })
		.from(libraryResources)
		.where(where)
		.orderBy(newestFirst, libraryResources.id)
		.limit(SEARCH_PAGE_SIZE)
		.offset(offset)
		.as('page');
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
	const words = query.q ? await analyseWords(db, query.q) : null;
	if (words && !words.searchable) {
		return { query, total: 0, totalCapped: false, page: 1, pageCount: 0, hits: [], facets: emptyFacets, noSearchableWords: true };
	}
	const phrase = words?.phrase ?? false;

	const where = conditions(viewer, query);
	const offset = (query.page - 1) * SEARCH_PAGE_SIZE;
	// The snippet shows summary, body and a profil-type's fields; any of the words is
	// highlighted (the query with OR in place of AND), since some may only be in the title.
	// The profile's coded fields (nature, missions, maturity) are left out: codes such as
	// "acces_soins" mean nothing to a reader; so are the missions example actions and
	// indicators are tagged with (strings equal to a mission code).
	const profileProse = sql`(${libraryResources.profile} - 'nature' - 'priorityMissions' - 'maturity')`;
	const snippetSource = sql`${libraryResources.summary} || ' — ' || left(${libraryResources.bodyText}, 20000) || coalesce(' — ' || (select string_agg(value #>> '{}', ' ; ') from jsonb_path_query(${profileProse}, 'strict $.**') as value where jsonb_typeof(value) = 'string' and (value #>> '{}') not in (${MISSION_CODES_SQL})), '')`;
	const headline = query.q
		? sql<string>`ts_headline(${SEARCH_CONFIG}, ${snippetSource}, ${anyWordQuery(query.q)}, ${HEADLINE_OPTIONS})`
		: sql<string>`null`;

	const pageRows = (page: ReturnType<typeof rankedPage> | ReturnType<typeof recentPage>) =>
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
			.orderBy(desc(page.rank), desc(page.publishedAt), page.id);

	// The same for every page of a search and every reader of a class (facet-cache.ts).
	const countsOf = () =>
		cachedFacetCounts(
			JSON.stringify([viewer ? 'signed_in' : 'anonymous', { ...query, page: 0 }, regionCodes]),
			isUnfilteredBrowse(query) ? BROWSE_FACETS_TTL_MS : SEARCH_FACETS_TTL_MS,
			() => countFacets(db, viewer, query, regionCodes, phrase)
		);
	let rows: Awaited<ReturnType<typeof pageRows>>;
	let facetCounts: FacetCounts;
	if (query.q && FACETS.some((facet) => isSelected(query, facet))) {
		// The page's newest candidates may come from the counting (rankedPage): one after the other.
		facetCounts = await countsOf();
		rows = await pageRows(rankedPage(db, viewer, query, query.q, offset, facetCounts.passingIds));
	} else {
		// Independent: on two connections of the pool at once.
		[rows, facetCounts] = await Promise.all([
			pageRows(query.q ? rankedPage(db, viewer, query, query.q, offset, null) : recentPage(db, where, offset)),
			countsOf()
		]);
	}
	const { total, totalCapped, counts } = facetCounts;

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
		totalCapped,
		page: query.page,
		pageCount: Math.ceil(total / SEARCH_PAGE_SIZE),
		hits,
		facets,
		noSearchableWords: false
	};
}
