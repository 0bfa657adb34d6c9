import { sql } from 'drizzle-orm';
import {
	bigserial,
	check,
	customType,
	index,
	integer,
	pgTable,
	primaryKey,
	text,
	timestamp
} from 'drizzle-orm/pg-core';
import { users } from './auth';
import { cpts } from './cpts';

const inList = (values: readonly string[]) => sql.raw(values.map((value) => `'${value}'`).join(', '));

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
