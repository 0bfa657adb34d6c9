/**
 * French full-text search of the forums, with the library's query (search/query.ts:
 * 'french_unaccent' stemming after removing accents, any input valid, hyphenated words and
 * the field's words in all their forms, search/thesaurus.ts).
 *
 * Posts match on their body (GIN index on the generated vector) and opening posts also on
 * their thread's title (GIN index on the title vector), never an OR across tables. A common
 * word matches thousands of posts, so only candidates are ranked, the union of three short
 * reads, each limited to the candidates a page needs (200 for the first ten pages): the
 * opening posts of the newest threads whose title holds the words (the most relevant
 * matches, however old the other matches make them), the newest accepted answers that hold
 * them, and the newest posts that hold them. Taking any thousand matches instead (the index's
 * order, the oldest rows first) left out the recent discussion of a subject. The candidates
 * are ranked with ts_rank_cd, accepted answers first (each ts_rank_cd is normalised below 1
 * with flag 32, the accepted bonus is 2), then the newest. Only categories the reader may read
 * are searched, so a private space never shows a title or a snippet to others. Filters:
 * category, territory nature and profession tags, author, date range, solved threads.
 */
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../db';
import { parseHeadline, type SnippetPart } from '../library/search';
import { cleanSearchText } from '../library/forms';
import { SEARCH_CONFIG, textSearchQuery } from '../search/query';
import { PROFESSIONS, TERRITORY_NATURES } from '../../domain/professions';
import type { MaybeViewer } from './permissions';

export interface ForumSearchQuery {
	q: string;
	category: string | null;
	nature: string | null;
	profession: string | null;
	author: string | null;
	from: string | null;
	to: string | null;
	solved: boolean;
	page: number;
}

export interface ForumSearchHit {
	postId: number;
	position: number;
	threadId: number;
	title: string;
	categoryName: string;
	categorySlug: string;
	authorName: string | null;
	createdAt: Date;
	accepted: boolean;
	solved: boolean;
	snippet: SnippetPart[];
}

export const FORUM_SEARCH_PAGE_SIZE = 20;
/** Matches ranked at least, per source (see searchForum). */
export const FORUM_RANKED_CANDIDATES = 200;

/** The candidates of each source for a page starting at `offset`: enough to fill it, by blocks. */
function forumCandidatesFor(offset: number): number {
	const needed = offset + FORUM_SEARCH_PAGE_SIZE + 1;
	return Math.ceil(needed / FORUM_RANKED_CANDIDATES) * FORUM_RANKED_CANDIDATES;
}
// The markers library/search.ts's parseHeadline splits on.
const HEADLINE_OPTIONS = `StartSel="\u2063[[", StopSel="]]\u2063", MaxWords=30, MinWords=10, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;

const isoDay = (value: string | null) => (value && /^\d{4}-\d\d-\d\d$/.test(value) && !Number.isNaN(Date.parse(value)) ? value : null);

/** Reads the search page's query string; anything malformed is dropped, never an error. */
export function parseForumSearch(params: URLSearchParams): ForumSearchQuery {
	const page = Number(params.get('page'));
	const pick = (name: string, allowed: readonly string[]) => {
		const value = params.get(name);
		return value && allowed.includes(value) ? value : null;
	};
	const category = params.get('categorie');
	return {
		q: cleanSearchText(params.get('q')),
		category: category && /^[a-z0-9-]{1,100}$/.test(category) ? category : null,
		nature: pick('nature', TERRITORY_NATURES),
		profession: pick('profession', PROFESSIONS),
		author: cleanSearchText(params.get('auteur')).slice(0, 80) || null,
		from: isoDay(params.get('du')),
		to: isoDay(params.get('au')),
		solved: params.get('resolu') === '1',
		page: Number.isSafeInteger(page) && page >= 1 && page <= 50 ? page : 1
	};
}


/** Searches what this reader may read. */
export async function searchForum(db: DbOrTx, viewer: MaybeViewer, query: ForumSearchQuery): Promise<{ hits: ForumSearchHit[]; hasMore: boolean }> {
	if (!query.q) return { hits: [], hasMore: false };
	const tsquery = textSearchQuery(query.q);
	const cptsIds = viewer ? [...viewer.memberOf] : [];
	const filters: SQL[] = [
		sql`p.hidden_at is null`,
		sql`t.hidden_at is null`,
		cptsIds.length ? sql`(c.cpts_id is null or c.cpts_id in (${sql.join(cptsIds.map((id) => sql`${id}`), sql`, `)}))` : sql`c.cpts_id is null`
	];
	if (query.category) filters.push(sql`c.slug = ${query.category}`);
	if (query.nature) filters.push(sql`t.natures @> array[${query.nature}]::text[]`);
	if (query.profession) filters.push(sql`t.professions @> array[${query.profession}]::text[]`);
	if (query.author) filters.push(sql`immutable_unaccent(lower(u.name)) like '%' || immutable_unaccent(lower(${query.author})) || '%'`);
	if (query.from) filters.push(sql`p.created_at >= ${query.from}::date`);
	if (query.to) filters.push(sql`p.created_at < ${query.to}::date + 1`);
	if (query.solved) filters.push(sql`t.accepted_post_id is not null`);
	const offset = (query.page - 1) * FORUM_SEARCH_PAGE_SIZE;
	const candidates = forumCandidatesFor(offset);
	// What the reader may see and asked for is decided while collecting candidates, so the
	// caps count only those: matches in a private space, or outside the chosen category,
	// never crowd out the ones the reader is looking for.
	const visible = sql.join(filters, sql` and `);
	const from = sql`forum_posts p
				join forum_threads t on t.id = p.thread_id
				join forum_categories c on c.id = t.category_id
				left join users u on u.id = p.author_id, q`;
	const result = await db.execute(sql`
		with q as (select ${tsquery} as query),
		matched as (
			(select p.id from ${from}
				where t.title_vector @@ q.query and p.position = 1 and ${visible}
				order by t.created_at desc, t.id desc limit ${candidates})
			union
			(select p.id from ${from}
				where p.search_vector @@ q.query and t.accepted_post_id = p.id and ${visible}
				order by p.created_at desc nulls last, p.id desc nulls last limit ${candidates})
			union
			(select p.id from ${from}
				where p.search_vector @@ q.query and ${visible}
				order by p.created_at desc nulls last, p.id desc nulls last limit ${candidates})
		),
		ranked as (
			select p.id, p.position, p.thread_id, p.created_at, t.title, c.name as category_name, c.slug as category_slug,
				u.name as author_name, t.accepted_post_id = p.id as accepted, t.accepted_post_id is not null as solved,
				ts_rank_cd(p.search_vector, q.query, 32) + case when p.position = 1 then ts_rank_cd(t.title_vector, q.query, 32) else 0 end
					+ case when t.accepted_post_id = p.id then 2 else 0 end as rank
			from matched m
			join forum_posts p on p.id = m.id
			join forum_threads t on t.id = p.thread_id
			join forum_categories c on c.id = t.category_id
			left join users u on u.id = p.author_id, q
			order by rank desc, p.created_at desc, p.id desc
			limit ${FORUM_SEARCH_PAGE_SIZE + 1} offset ${offset}
		)
		select r.*, ts_headline(${SEARCH_CONFIG}, left(p.body_text, 20000), replace(q.query::text, ' & ', ' | ')::tsquery, ${HEADLINE_OPTIONS}) as headline
		from ranked r join forum_posts p on p.id = r.id, q
		order by r.rank desc, r.created_at desc, r.id desc
	`);
	type Row = {
		id: number | string;
		position: number;
		thread_id: number | string;
		created_at: Date | string;
		title: string;
		category_name: string;
		category_slug: string;
		author_name: string | null;
		accepted: boolean | null;
		solved: boolean;
		headline: string;
	};
	const rows = rowsOf<Row>(result);
	return {
		hasMore: rows.length > FORUM_SEARCH_PAGE_SIZE,
		hits: rows.slice(0, FORUM_SEARCH_PAGE_SIZE).map((row) => ({
			postId: Number(row.id),
			position: Number(row.position),
			threadId: Number(row.thread_id),
			title: row.title,
			categoryName: row.category_name,
			categorySlug: row.category_slug,
			authorName: row.author_name,
			createdAt: new Date(row.created_at),
			accepted: Boolean(row.accepted),
			solved: Boolean(row.solved),
			snippet: parseHeadline(row.headline ?? '')
		}))
	};
}

/** The query string of a search, for pagination links. */
export function forumSearchString(query: ForumSearchQuery, page: number): string {
	const params = new URLSearchParams();
	if (query.q) params.set('q', query.q);
	if (query.category) params.set('categorie', query.category);
	if (query.nature) params.set('nature', query.nature);
	if (query.profession) params.set('profession', query.profession);
	if (query.author) params.set('auteur', query.author);
	if (query.from) params.set('du', query.from);
	if (query.to) params.set('au', query.to);
	if (query.solved) params.set('resolu', '1');
	if (page > 1) params.set('page', String(page));
	return params.toString();
}
