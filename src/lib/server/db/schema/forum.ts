import { sql } from 'drizzle-orm';
import {
	bigint,
	bigserial,
	boolean,
	check,
	index,
	integer,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uniqueIndex,
	type AnyPgColumn
} from 'drizzle-orm/pg-core';
import {
	CATEGORY_KINDS,
	FLAG_REASONS,
	FLAG_STATUSES,
	MAX_POST_LENGTH,
	MAX_THREAD_TITLE_LENGTH,
	REACTION_KINDS,
	WATCH_LEVELS,
	type CategoryKind,
	type FlagReason,
	type FlagStatus,
	type ReactionKind,
	type WatchLevel
} from '../../../domain/forum';
import { MISSIONS, type Mission } from '../../../domain/library';
import { PROFESSIONS, TERRITORY_NATURES, type Profession, type TerritoryNature } from '../../../domain/professions';
import { users } from './auth';
import { cpts, regions } from './cpts';
import { inList, textArray, tsvector } from './sql';



/**
 * Forum categories: one per ACI mission, regional ones, general ones, and one private space
 * per CPTS (cpts_id set) that only that CPTS's active members (and facilitators) read.
 */
export const forumCategories = pgTable(
	'forum_categories',
	{
		id: text('id').primaryKey(),
		slug: text('slug').notNull(),
		kind: text('kind').$type<CategoryKind>().notNull(),
		name: text('name').notNull(),
		description: text('description').notNull().default(''),
		mission: text('mission').$type<Mission>(),
		regionCode: text('region_code').references(() => regions.code),
		/** Set for a CPTS's private space only. */
		cptsId: text('cpts_id').references(() => cpts.id, { onDelete: 'cascade' }),
		position: integer('position').notNull().default(0),
		threadCount: integer('thread_count').notNull().default(0),
		postCount: integer('post_count').notNull().default(0),
		lastPostAt: timestamp('last_post_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		uniqueIndex('forum_categories_slug_key').on(table.slug),
		uniqueIndex('forum_categories_cpts_key').on(table.cptsId),
		uniqueIndex('forum_categories_mission_key').on(table.mission),
		check('forum_categories_kind_check', sql`${table.kind} in (${inList(CATEGORY_KINDS)})`),
		check('forum_categories_mission_check', sql`${table.mission} is null or ${table.mission} in (${inList(MISSIONS)})`),
		check('forum_categories_private_check', sql`(${table.kind} = 'cpts') = (${table.cptsId} is not null)`),
		check('forum_categories_slug_format_check', sql`${table.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
		check('forum_categories_name_check', sql`length(${table.name}) between 1 and 120`)
	]
);

/** A discussion: its first post is the question or the opening message. */
export const forumThreads = pgTable(
	'forum_threads',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		categoryId: text('category_id')
			.notNull()
			.references(() => forumCategories.id),
		authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
		title: text('title').notNull(),
		natures: text('natures').array().$type<TerritoryNature[]>().notNull().default(sql`'{}'::text[]`),
		professions: text('professions').array().$type<Profession[]>().notNull().default(sql`'{}'::text[]`),
		/** The highest post position given so far (positions are 1, 2, 3… and never reused). */
		postCount: integer('post_count').notNull().default(0),
		/** "Merci" and "Utile" received by all its posts: the "top" order. */
		reactionCount: integer('reaction_count').notNull().default(0),
		acceptedPostId: bigint('accepted_post_id', { mode: 'number' }).references((): AnyPgColumn => forumPosts.id, {
			onDelete: 'set null'
		}),
		acceptedBy: text('accepted_by').references(() => users.id, { onDelete: 'set null' }),
		pinnedAt: timestamp('pinned_at', { withTimezone: true }),
		lockedAt: timestamp('locked_at', { withTimezone: true }),
		hiddenAt: timestamp('hidden_at', { withTimezone: true }),
		/** Lets another feature find the thread it opened (e.g. "dpc-session:<id>"). */
		externalKey: text('external_key'),
		lastPostAt: timestamp('last_post_at', { withTimezone: true }).notNull().defaultNow(),
		lastPosterId: text('last_poster_id').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		titleVector: tsvector('title_vector')
			.notNull()
			.generatedAlwaysAs(sql.raw(`setweight(to_tsvector('french_unaccent'::regconfig, coalesce(title, '')), 'A')`))
	},
	(table) => [
		// Category page, "latest" order (keyset on last_post_at, id), and unread counts since a date.
		index('forum_threads_latest_idx').on(table.categoryId, table.lastPostAt.desc(), table.id.desc()),
		index('forum_threads_top_idx')
			.on(table.categoryId, table.reactionCount.desc(), table.id.desc())
			.where(sql`${table.hiddenAt} is null and ${table.pinnedAt} is null`),
		index('forum_threads_pinned_idx').on(table.categoryId, table.pinnedAt).where(sql`${table.pinnedAt} is not null`),
		index('forum_threads_title_search_idx').using('gin', table.titleVector),
		index('forum_threads_author_idx').on(table.authorId),
		uniqueIndex('forum_threads_external_key').on(table.externalKey),
		check('forum_threads_title_check', sql`length(${table.title}) between 1 and ${sql.raw(String(MAX_THREAD_TITLE_LENGTH))}`),
		check('forum_threads_natures_check', sql`${table.natures} <@ ${textArray(TERRITORY_NATURES)}`),
		check('forum_threads_professions_check', sql`${table.professions} <@ ${textArray(PROFESSIONS)}`),
		check('forum_threads_counts_check', sql`${table.postCount} >= 0 and ${table.reactionCount} >= 0`)
	]
);

/** Posts of a thread, numbered 1, 2, 3… by `position` (1 is the opening post). */
export const forumPosts = pgTable(
	'forum_posts',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		threadId: bigint('thread_id', { mode: 'number' })
			.notNull()
			.references(() => forumThreads.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
		/** What the author wrote (Markdown). */
		bodySource: text('body_source').notNull(),
		/** Rendered and sanitised when written: the only HTML pages insert. */
		bodyHtml: text('body_html').notNull(),
		/** Plain text, for search, excerpts and notifications. */
		bodyText: text('body_text').notNull(),
		merciCount: integer('merci_count').notNull().default(0),
		utileCount: integer('utile_count').notNull().default(0),
		editCount: integer('edit_count').notNull().default(0),
		editedAt: timestamp('edited_at', { withTimezone: true }),
		hiddenAt: timestamp('hidden_at', { withTimezone: true }),
		hiddenBy: text('hidden_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		searchVector: tsvector('search_vector')
			.notNull()
			.generatedAlwaysAs(sql.raw(`setweight(to_tsvector('french_unaccent'::regconfig, coalesce(body_text, '')), 'B')`))
	},
	(table) => [
		uniqueIndex('forum_posts_thread_position_key').on(table.threadId, table.position),
		index('forum_posts_search_idx').using('gin', table.searchVector),
		index('forum_posts_author_idx').on(table.authorId, table.createdAt),
		// Search's newest matches of a common word: read in this order, checking each post (forum/search.ts).
		index('forum_posts_newest_idx').on(table.createdAt.desc(), table.id.desc()),
		check('forum_posts_position_check', sql`${table.position} >= 1`),
		check('forum_posts_body_check', sql`length(${table.bodySource}) between 1 and ${sql.raw(String(MAX_POST_LENGTH))}`),
		check('forum_posts_counts_check', sql`${table.merciCount} >= 0 and ${table.utileCount} >= 0 and ${table.editCount} >= 0`)
	]
);

/** Earlier versions of a post: number n is the text as it was before the n-th edit. */
export const forumPostRevisions = pgTable(
	'forum_post_revisions',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		postId: bigint('post_id', { mode: 'number' })
			.notNull()
			.references(() => forumPosts.id, { onDelete: 'cascade' }),
		number: integer('number').notNull(),
		bodySource: text('body_source').notNull(),
		bodyHtml: text('body_html').notNull(),
		/** Who wrote this version. */
		authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
		writtenAt: timestamp('written_at', { withTimezone: true }).notNull(),
		replacedBy: text('replaced_by').references(() => users.id, { onDelete: 'set null' }),
		replacedAt: timestamp('replaced_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [uniqueIndex('forum_post_revisions_post_number_key').on(table.postId, table.number)]
);

/** "Merci" and "Utile": one of each per reader and post (the primary key guarantees it). */
export const forumReactions = pgTable(
	'forum_reactions',
	{
		postId: bigint('post_id', { mode: 'number' })
			.notNull()
			.references(() => forumPosts.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		kind: text('kind').$type<ReactionKind>().notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		primaryKey({ columns: [table.postId, table.userId, table.kind] }),
		check('forum_reactions_kind_check', sql`${table.kind} in (${inList(REACTION_KINDS)})`)
	]
);

export const forumBookmarks = pgTable(
	'forum_bookmarks',
	{
		postId: bigint('post_id', { mode: 'number' })
			.notNull()
			.references(() => forumPosts.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [primaryKey({ columns: [table.postId, table.userId] }), index('forum_bookmarks_user_idx').on(table.userId, table.createdAt)]
);

/** How far each reader has read each thread (the highest post position seen). */
export const forumReadPositions = pgTable(
	'forum_read_positions',
	{
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		threadId: bigint('thread_id', { mode: 'number' })
			.notNull()
			.references(() => forumThreads.id, { onDelete: 'cascade' }),
		lastReadPosition: integer('last_read_position').notNull(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [primaryKey({ columns: [table.userId, table.threadId] }), index('forum_read_positions_thread_idx').on(table.threadId)]
);

/** A reader's watch level for a thread (no row: normal, or the category's level). */
export const forumThreadWatches = pgTable(
	'forum_thread_watches',
	{
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		threadId: bigint('thread_id', { mode: 'number' })
			.notNull()
			.references(() => forumThreads.id, { onDelete: 'cascade' }),
		level: text('level').$type<WatchLevel>().notNull()
	},
	(table) => [
		primaryKey({ columns: [table.userId, table.threadId] }),
		index('forum_thread_watches_thread_idx').on(table.threadId),
		check('forum_thread_watches_level_check', sql`${table.level} in (${inList(WATCH_LEVELS)})`)
	]
);

/** A reader's watch level for a whole category. */
export const forumCategoryWatches = pgTable(
	'forum_category_watches',
	{
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		categoryId: text('category_id')
			.notNull()
			.references(() => forumCategories.id, { onDelete: 'cascade' }),
		level: text('level').$type<WatchLevel>().notNull()
	},
	(table) => [
		primaryKey({ columns: [table.userId, table.categoryId] }),
		index('forum_category_watches_category_idx').on(table.categoryId),
		check('forum_category_watches_level_check', sql`${table.level} in (${inList(WATCH_LEVELS)})`)
	]
);

/** A member's report of a post, waiting in the facilitators' moderation queue. */
export const forumFlags = pgTable(
	'forum_flags',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		postId: bigint('post_id', { mode: 'number' })
			.notNull()
			.references(() => forumPosts.id, { onDelete: 'cascade' }),
		reporterId: text('reporter_id').references(() => users.id, { onDelete: 'set null' }),
		reason: text('reason').$type<FlagReason>().notNull(),
		comment: text('comment').notNull().default(''),
		status: text('status').$type<FlagStatus>().notNull().default('open'),
		handledBy: text('handled_by').references(() => users.id, { onDelete: 'set null' }),
		handledAt: timestamp('handled_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		// One open report per reader and post: a second click does not stack up the queue.
		uniqueIndex('forum_flags_open_key').on(table.postId, table.reporterId).where(sql`${table.status} = 'open'`),
		index('forum_flags_queue_idx').on(table.createdAt).where(sql`${table.status} = 'open'`),
		check('forum_flags_reason_check', sql`${table.reason} in (${inList(FLAG_REASONS)})`),
		check('forum_flags_status_check', sql`${table.status} in (${inList(FLAG_STATUSES)})`),
		check('forum_flags_comment_check', sql`length(${table.comment}) <= 1000`)
	]
);

/** A practice exchange scheduled by a facilitator in a thread (one per thread). */
export const forumExchanges = pgTable(
	'forum_exchanges',
	{
		id: text('id').primaryKey(),
		threadId: bigint('thread_id', { mode: 'number' })
			.notNull()
			.references(() => forumThreads.id, { onDelete: 'cascade' }),
		startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
		/** The IANA zone the facilitator scheduled it in (times are shown in it). */
		timeZone: text('time_zone').notNull(),
		durationMinutes: integer('duration_minutes').notNull(),
		place: text('place'),
		videoUrl: text('video_url'),
		agenda: text('agenda').notNull().default(''),
		capacity: integer('capacity').notNull(),
		/** The thread post holding the minutes, once posted. */
		minutesPostId: bigint('minutes_post_id', { mode: 'number' }).references(() => forumPosts.id, { onDelete: 'set null' }),
		reminderSentAt: timestamp('reminder_sent_at', { withTimezone: true }),
		/** Incremented at each change, so calendar clients update the event (RFC 5545 SEQUENCE). */
		sequence: integer('sequence').notNull().default(0),
		createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		uniqueIndex('forum_exchanges_thread_key').on(table.threadId),
		index('forum_exchanges_starts_idx').on(table.startsAt),
		check('forum_exchanges_duration_check', sql`${table.durationMinutes} between 15 and 720`),
		check('forum_exchanges_capacity_check', sql`${table.capacity} between 1 and 1000`),
		check('forum_exchanges_where_check', sql`${table.place} is not null or ${table.videoUrl} is not null`),
		check('forum_exchanges_video_check', sql`${table.videoUrl} is null or ${table.videoUrl} ~* '^https://'`)
	]
);

export const forumExchangeRegistrations = pgTable(
	'forum_exchange_registrations',
	{
		exchangeId: text('exchange_id')
			.notNull()
			.references(() => forumExchanges.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [primaryKey({ columns: [table.exchangeId, table.userId] }), index('forum_exchange_registrations_user_idx').on(table.userId)]
);

export type ForumCategory = typeof forumCategories.$inferSelect;
export type ForumThread = typeof forumThreads.$inferSelect;
export type ForumPost = typeof forumPosts.$inferSelect;
export type ForumExchange = typeof forumExchanges.$inferSelect;

/** A simple poll attached to a thread (e.g. choosing a date): one per thread, one choice per voter. */
export const forumPolls = pgTable(
	'forum_polls',
	{
		id: text('id').primaryKey(),
		threadId: bigint('thread_id', { mode: 'number' })
			.notNull()
			.references(() => forumThreads.id, { onDelete: 'cascade' }),
		question: text('question').notNull(),
		/** The choices, in order; a vote stores the index. */
		options: text('options').array().notNull(),
		closesAt: timestamp('closes_at', { withTimezone: true }),
		createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		uniqueIndex('forum_polls_thread_key').on(table.threadId),
		check('forum_polls_question_check', sql`length(${table.question}) between 1 and 300`),
		check('forum_polls_options_check', sql`cardinality(${table.options}) between 2 and 10`)
	]
);

/** One vote per voter and poll (the primary key): concurrent clicks never count twice. */
export const forumPollVotes = pgTable(
	'forum_poll_votes',
	{
		pollId: text('poll_id')
			.notNull()
			.references(() => forumPolls.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		optionIndex: integer('option_index').notNull(),
		votedAt: timestamp('voted_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		primaryKey({ columns: [table.pollId, table.userId] }),
		check('forum_poll_votes_option_check', sql`${table.optionIndex} between 0 and 9`)
	]
);
