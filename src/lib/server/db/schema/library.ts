import { sql } from 'drizzle-orm';
import {
	bigserial,
	check,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	smallint,
	text,
	timestamp,
	uniqueIndex
} from 'drizzle-orm/pg-core';
import {
	ATTACHMENT_MEDIA_TYPES,
	MAX_ATTACHMENT_BYTES,
	MISSIONS,
	RESOURCE_KINDS,
	RESOURCE_STATUSES,
	RESOURCE_VISIBILITIES,
	type Mission,
	type ResourceKind,
	type ResourceStatus,
	type ResourceVisibility
} from '../../../domain/library';
import { PROFESSIONS, TERRITORY_NATURES, type Profession, type TerritoryNature } from '../../../domain/professions';
import { bitsExpression } from '../../library/facet-bits';
import type { ResourceProfile } from '../../library/profile';
import { users } from './auth';
import { regions } from './cpts';
import { inList, textArray, tsvector } from './sql';



/**
 * What full-text search reads: title (weight A), summary (B), body as plain text and the
 * profil-type's structured fields (C), in the 'french_unaccent' configuration of
 * drizzle/0000_extensions.sql. A generated column, so the database keeps it right on every
 * write, from any code path, on PGlite and PostgreSQL alike.
 */
const searchVectorExpression = sql.raw(
	`setweight(to_tsvector('french_unaccent'::regconfig, coalesce(title, '')), 'A')` +
		` || setweight(to_tsvector('french_unaccent'::regconfig, coalesce(summary, '')), 'B')` +
		` || setweight(to_tsvector('french_unaccent'::regconfig, coalesce(body_text, '')), 'C')` +
		` || setweight(jsonb_to_tsvector('french_unaccent'::regconfig, coalesce(profile, '{}'::jsonb), '["string"]'), 'C')`
);

/**
 * Title (A) and summary (B) only: small enough to stay in the row, so ranking candidates
 * by it costs no read of the full vector (see search.ts).
 */
const headVectorExpression = sql.raw(
	`setweight(to_tsvector('french_unaccent'::regconfig, coalesce(title, '')), 'A')` +
		` || setweight(to_tsvector('french_unaccent'::regconfig, coalesce(summary, '')), 'B')`
);

/** Resources of the library: profils-types, best practices, tools, experience reports, literature. */
export const libraryResources = pgTable(
	'library_resources',
	{
		id: text('id').primaryKey(),
		slug: text('slug').notNull(),
		kind: text('kind').$type<ResourceKind>().notNull(),
		title: text('title').notNull(),
		summary: text('summary').notNull(),
		/** What the author wrote (Markdown). */
		bodySource: text('body_source').notNull().default(''),
		/** The Markdown rendered and sanitised when written: the only HTML pages ever insert. */
		bodyHtml: text('body_html').notNull().default(''),
		/** The body as plain text, for search and snippets. */
		bodyText: text('body_text').notNull().default(''),
		natures: text('natures').array().$type<TerritoryNature[]>().notNull().default(sql`'{}'::text[]`),
		sizeBands: smallint('size_bands').array().$type<number[]>().notNull().default(sql`'{}'::smallint[]`),
		missions: text('missions').array().$type<Mission[]>().notNull().default(sql`'{}'::text[]`),
		professions: text('professions').array().$type<Profession[]>().notNull().default(sql`'{}'::text[]`),
		regionCode: text('region_code').references(() => regions.code),
		/** Structured fields of a profil-type (null for the other kinds). */
		profile: jsonb('profile').$type<ResourceProfile>(),
		authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
		status: text('status').$type<ResourceStatus>().notNull().default('draft'),
		visibility: text('visibility').$type<ResourceVisibility>().notNull().default('public'),
		/** The facilitator's last request for changes, shown to the author. */
		reviewComment: text('review_comment'),
		reviewedBy: text('reviewed_by').references(() => users.id, { onDelete: 'set null' }),
		reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
		viewCount: integer('view_count').notNull().default(0),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
		submittedAt: timestamp('submitted_at', { withTimezone: true }),
		/** First publication (the feed's date); kept when a resource is archived and republished. */
		publishedAt: timestamp('published_at', { withTimezone: true }),
		searchVector: tsvector('search_vector').notNull().generatedAlwaysAs(searchVectorExpression),
		headVector: tsvector('head_vector').notNull().generatedAlwaysAs(headVectorExpression),
		/** Kind, natures, size bands and missions as bits (library/facet-bits.ts), for facet counts. */
		facetBits: integer('facet_bits').notNull().generatedAlwaysAs(sql.raw(bitsExpression('facet_bits'))),
		/** Target professions as bits (library/facet-bits.ts). */
		professionBits: integer('profession_bits').notNull().generatedAlwaysAs(sql.raw(bitsExpression('profession_bits')))
	},
	(table) => [
		uniqueIndex('library_resources_slug_key').on(table.slug),
		index('library_resources_search_idx').using('gin', table.searchVector),
		// Finds the matches whose title or summary hold the query, ranked first (search.ts).
		index('library_resources_head_idx').using('gin', table.headVector),
		index('library_resources_natures_idx').using('gin', table.natures),
		index('library_resources_missions_idx').using('gin', table.missions),
		index('library_resources_professions_idx').using('gin', table.professions),
		// The browse order (newest first, id to break ties), so a page reads 20 index entries.
		index('library_resources_published_order_idx')
			.on(table.publishedAt.desc(), table.id)
			.where(sql`${table.status} = 'published'`),
		index('library_resources_status_idx').on(table.status, table.submittedAt),
		index('library_resources_author_idx').on(table.authorId),
		check('library_resources_kind_check', sql`${table.kind} in (${inList(RESOURCE_KINDS)})`),
		check('library_resources_status_check', sql`${table.status} in (${inList(RESOURCE_STATUSES)})`),
		check('library_resources_visibility_check', sql`${table.visibility} in (${inList(RESOURCE_VISIBILITIES)})`),
		check('library_resources_natures_check', sql`${table.natures} <@ ${textArray(TERRITORY_NATURES)}`),
		check('library_resources_missions_check', sql`${table.missions} <@ ${textArray(MISSIONS)}`),
		check('library_resources_professions_check', sql`${table.professions} <@ ${textArray(PROFESSIONS)}`),
		check('library_resources_size_bands_check', sql`${table.sizeBands} <@ '{1,2,3,4}'::smallint[]`),
		check('library_resources_slug_format_check', sql`${table.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
		check('library_resources_title_check', sql`length(${table.title}) between 1 and 200`),
		check('library_resources_summary_check', sql`length(${table.summary}) between 1 and 600`),
		check('library_resources_body_check', sql`length(${table.bodySource}) <= 60000`),
		// A profil-type always has its structured fields; other kinds never do.
		check('library_resources_profile_check', sql`(${table.kind} = 'profil_type') = (${table.profile} is not null)`),
		check('library_resources_published_at_check', sql`${table.status} <> 'published' or ${table.publishedAt} is not null`)
	]
);

/** What every search copy holds of a published resource besides its vector: who may read it and its packed facets. */
function searchCopyColumns() {
	return {
		id: text('id')
			.primaryKey()
			.references(() => libraryResources.id, { onDelete: 'cascade' }),
		visibility: text('visibility').$type<ResourceVisibility>().notNull(),
		facetBits: integer('facet_bits').notNull(),
		professionBits: integer('profession_bits').notNull(),
		regionCode: text('region_code')
	};
}

/** What a search reads of a published resource; the two copies below store the vector differently. */
function searchRowColumns() {
	return { ...searchCopyColumns(), searchVector: tsvector('search_vector').notNull() };
}

/**
 * What counting the matches of a word search reads (library/search.ts): one narrow row per
 * published resource (visibility, packed facets, region), its search vector out of line,
 * where only the GIN index reads it, since word queries are answered exactly by the index. A
 * common word matches 13,000 resources out of 100,000: their rows here sit on about a
 * thousand pages. Written only by the trigger of drizzle/0019_library_search_rows_sync.sql,
 * from any code path; deleted with the resource.
 */
export const librarySearchRows = pgTable('library_search_rows', searchRowColumns(), (table) => [
	index('library_search_rows_search_idx').using('gin', table.searchVector)
]);

/**
 * The same with the vector in the row and the publication date, for what reads vectors row
 * by row: phrase checks (the index cannot tell whether words are adjacent, so every
 * candidate's positions are read), the newest matches of a word and the ranking of
 * candidates. One page per row here instead of a TOAST lookup. Written by the same trigger.
 */
export const librarySearchVectors = pgTable(
	'library_search_vectors',
	{ ...searchRowColumns(), publishedAt: timestamp('published_at', { withTimezone: true }).notNull() },
	(table) => [
		index('library_search_vectors_search_idx').using('gin', table.searchVector),
		index('library_search_vectors_order_idx').on(table.publishedAt.desc(), table.id)
	]
);

/**
 * Title and summary (head_vector, weights A and B) of each published resource, with the date
 * and the packed facets: what search reads to find and score the matches whose title or
 * summary hold the words, newest first (library/search.ts). Narrow rows, the vector in the row:
 * read from library_resources, whose wide rows keep it out of line, scoring a common word's
 * title matches read thousands of pages (more than a second for « SNP »). Written by the
 * same trigger as the copies above.
 */
export const librarySearchHeads = pgTable(
	'library_search_heads',
	{
		...searchCopyColumns(),
		publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
		headVector: tsvector('head_vector').notNull()
	},
	(table) => [
		index('library_search_heads_head_idx').using('gin', table.headVector),
		index('library_search_heads_order_idx').on(table.publishedAt.desc(), table.id)
	]
);

/** A snapshot of a resource's content at each save: the history, its diffs and restores. */
export const libraryRevisions = pgTable(
	'library_revisions',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		resourceId: text('resource_id')
			.notNull()
			.references(() => libraryResources.id, { onDelete: 'cascade' }),
		/** 1, 2, 3… per resource. */
		number: integer('number').notNull(),
		title: text('title').notNull(),
		summary: text('summary').notNull(),
		bodySource: text('body_source').notNull(),
		/** Tags, region, visibility and profile as they were (see RevisionSnapshot). */
		details: jsonb('details').$type<Record<string, unknown>>().notNull(),
		editorId: text('editor_id').references(() => users.id, { onDelete: 'set null' }),
		/** The status the resource had once this revision was saved. */
		statusAtSave: text('status_at_save').$type<ResourceStatus>().notNull(),
		/** Set when the revision restores an older one. */
		restoredFrom: integer('restored_from'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [uniqueIndex('library_revisions_resource_number_key').on(table.resourceId, table.number)]
);

/** "Utile" votes: one per user and resource (the primary key guarantees it). */
export const libraryVotes = pgTable(
	'library_votes',
	{
		resourceId: text('resource_id')
			.notNull()
			.references(() => libraryResources.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [primaryKey({ columns: [table.resourceId, table.userId] }), index('library_votes_user_idx').on(table.userId)]
);

export const libraryBookmarks = pgTable(
	'library_bookmarks',
	{
		resourceId: text('resource_id')
			.notNull()
			.references(() => libraryResources.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		primaryKey({ columns: [table.resourceId, table.userId] }),
		index('library_bookmarks_user_idx').on(table.userId, table.createdAt)
	]
);

/** Files attached to a resource; the bytes live in the attachment store under `storageKey`. */
export const libraryAttachments = pgTable(
	'library_attachments',
	{
		id: text('id').primaryKey(),
		resourceId: text('resource_id')
			.notNull()
			.references(() => libraryResources.id, { onDelete: 'cascade' }),
		storageKey: text('storage_key').notNull(),
		/** The name shown and offered on download (cleaned of paths and control characters). */
		fileName: text('file_name').notNull(),
		/** Detected from the content, never taken from the browser. */
		mediaType: text('media_type').notNull(),
		sizeBytes: integer('size_bytes').notNull(),
		sha256: text('sha256').notNull(),
		uploadedBy: text('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		uniqueIndex('library_attachments_storage_key').on(table.storageKey),
		index('library_attachments_resource_idx').on(table.resourceId, table.createdAt),
		check('library_attachments_media_type_check', sql`${table.mediaType} in (${inList(ATTACHMENT_MEDIA_TYPES)})`),
		check('library_attachments_size_check', sql`${table.sizeBytes} > 0 and ${table.sizeBytes} <= ${sql.raw(String(MAX_ATTACHMENT_BYTES))}`),
		check('library_attachments_name_check', sql`length(${table.fileName}) between 1 and 200`)
	]
);
