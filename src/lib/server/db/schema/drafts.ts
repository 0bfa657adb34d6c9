import { sql } from 'drizzle-orm';
import {
	bigserial,
	check,
	customType,
	foreignKey,
	index,
	integer,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uniqueIndex
} from 'drizzle-orm/pg-core';
import { users } from './auth';
import { cpts } from './cpts';
import { inList } from './sql';


/** The workflow of a projet de santé: en rédaction → en relecture → soumis à l'ARS → validé → avenant. */
export const DRAFT_STATUSES = ['en_redaction', 'en_relecture', 'soumis_ars', 'valide', 'avenant'] as const;
export type DraftStatus = (typeof DRAFT_STATUSES)[number];

/**
 * PostgreSQL bytea. postgres-js hands back a Buffer, PGlite a Uint8Array: both are
 * Uint8Array, which is what the code reads. Written as a Buffer so postgres-js types the
 * parameter as bytea.
 */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
	dataType: () => 'bytea',
	toDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
	fromDriver: (value) => value
});

/** A health-project draft of one CPTS; its text is the Yjs document `draft:<id>`. */
export const drafts = pgTable(
	'drafts',
	{
		id: text('id').primaryKey(),
		cptsId: text('cpts_id')
			.notNull()
			.references(() => cpts.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		status: text('status').$type<DraftStatus>().notNull().default('en_redaction'),
		createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		index('drafts_cpts_idx').on(table.cptsId, table.createdAt),
		check('drafts_status_check', sql`${table.status} in (${inList(DRAFT_STATUSES)})`),
		check('drafts_title_check', sql`char_length(${table.title}) between 1 and 200`)
	]
);

/** People invited to read and comment a draft (e.g. an ARS contact with an account). */
export const draftReviewers = pgTable(
	'draft_reviewers',
	{
		draftId: text('draft_id')
			.notNull()
			.references(() => drafts.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		invitedBy: text('invited_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [primaryKey({ columns: [table.draftId, table.userId] }), index('draft_reviewers_user_idx').on(table.userId)]
);

/**
 * Yjs updates appended as they arrive (merged per debounced write). A document's content
 * is its compacted state (yjs_documents) plus every row here; compaction folds rows into
 * the state and deletes exactly the rows it folded.
 */
export const yjsUpdates = pgTable(
	'yjs_updates',
	{
		seq: bigserial('seq', { mode: 'number' }).primaryKey(),
		name: text('name').notNull(),
		update: bytea('update').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [index('yjs_updates_name_seq_idx').on(table.name, table.seq)]
);

/** The compacted state of a Yjs document (Y.encodeStateAsUpdate), one row per document. */
export const yjsDocuments = pgTable(
	'yjs_documents',
	{
		name: text('name').primaryKey(),
		state: bytea('state').notNull(),
		/** Number of compactions so far; moves forward by one each time. */
		version: integer('version').notNull().default(0),
		compactedAt: timestamp('compacted_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [check('yjs_documents_version_check', sql`${table.version} >= 0`)]
);

/** Why a version of a draft was frozen. */
export const DRAFT_VERSION_KINDS = ['named', 'status', 'auto', 'restore'] as const;
export type DraftVersionKind = (typeof DRAFT_VERSION_KINDS)[number];

/**
 * Frozen states of a draft's Yjs document: named by a member, frozen by a status change,
 * automatic (last disconnect, or every ~10 minutes of activity), or taken just before a
 * restore. `state` is a full Y.encodeStateAsUpdate; `stateVector` tells whether anything
 * changed since the previous version (automatic versions are skipped when not).
 */
export const draftVersions = pgTable(
	'draft_versions',
	{
		id: text('id').primaryKey(),
		draftId: text('draft_id')
			.notNull()
			.references(() => drafts.id, { onDelete: 'cascade' }),
		/** 1, 2, 3… per draft, in the order they were frozen. */
		number: integer('number').notNull(),
		kind: text('kind').$type<DraftVersionKind>().notNull(),
		label: text('label'),
		/** The status this version was frozen into (status versions), or the status at the time. */
		status: text('status').$type<DraftStatus>().notNull(),
		state: bytea('state').notNull(),
		stateVector: bytea('state_vector').notNull(),
		createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		uniqueIndex('draft_versions_number_idx').on(table.draftId, table.number),
		check('draft_versions_kind_check', sql`${table.kind} in (${inList(DRAFT_VERSION_KINDS)})`),
		check('draft_versions_status_check', sql`${table.status} in (${inList(DRAFT_STATUSES)})`),
		check('draft_versions_label_check', sql`${table.label} is null or char_length(${table.label}) between 1 and 200`)
	]
);

/**
 * Comments on a draft. A thread's first comment may be anchored to a stretch of text by
 * two Yjs relative positions (Y.encodeRelativePosition), which follow the text through
 * edits; replies hang under it (parentId) and carry no anchor.
 */
export const draftComments = pgTable(
	'draft_comments',
	{
		id: text('id').primaryKey(),
		draftId: text('draft_id')
			.notNull()
			.references(() => drafts.id, { onDelete: 'cascade' }),
		parentId: text('parent_id'),
		authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
		body: text('body').notNull(),
		anchorStart: bytea('anchor_start'),
		anchorEnd: bytea('anchor_end'),
		/** The text that was selected when the thread started (shown if the anchor is lost). */
		quote: text('quote'),
		resolvedAt: timestamp('resolved_at', { withTimezone: true }),
		resolvedBy: text('resolved_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		index('draft_comments_draft_idx').on(table.draftId, table.createdAt),
		foreignKey({ columns: [table.parentId], foreignColumns: [table.id] }).onDelete('cascade'),
		check('draft_comments_body_check', sql`char_length(${table.body}) between 1 and 4000`),
		check('draft_comments_reply_check', sql`${table.parentId} is null or (${table.anchorStart} is null and ${table.resolvedAt} is null)`)
	]
);

/**
 * When a reader last opened a draft's page (and so saw its comments): the comments others
 * wrote after it are « unread » on Mon espace. No row: never opened, every comment is new.
 */
export const draftCommentReads = pgTable(
	'draft_comment_reads',
	{
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		draftId: text('draft_id')
			.notNull()
			.references(() => drafts.id, { onDelete: 'cascade' }),
		readAt: timestamp('read_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [primaryKey({ columns: [table.userId, table.draftId] })]
);
