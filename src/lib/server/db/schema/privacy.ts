import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './auth';

/**
 * A member's export of her data (RGPD art. 15 and 20): asked on /compte/donnees, built by the
 * outbox worker (kind 'privacy.export'), stored in the attachment store under `storageKey`,
 * downloadable once by her until `expiresAt`, then purged.
 *
 * status: 'pending' (queued), 'processing' (being built), 'ready' (to download),
 * 'downloaded' (taken: the file is gone), 'expired' (not taken in time: the file is gone).
 */
export const dataExports = pgTable(
	'data_exports',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		status: text('status').notNull().default('pending'),
		storageKey: text('storage_key'),
		sizeBytes: integer('size_bytes'),
		requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
		readyAt: timestamp('ready_at', { withTimezone: true }),
		downloadedAt: timestamp('downloaded_at', { withTimezone: true }),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull()
	},
	(table) => [
		index('data_exports_user_idx').on(table.userId, table.requestedAt),
		check('data_exports_status_check', sql`${table.status} in ('pending', 'processing', 'ready', 'downloaded', 'expired')`)
	]
);

/**
 * What a training body must keep of a participant after she deleted her account: her identity
 * and the attendance of each DPC session she took part in (the proof of the action the body
 * answers for). Separated from the living data on purpose: no page, search, feed or calendar
 * reads this table, it has no link to `users`, and the purge job deletes a row at `keepUntil`.
 */
export const retainedTrainingRecords = pgTable(
	'retained_training_records',
	{
		id: text('id').primaryKey(),
		/** The deleted account's id, to answer a control about one person; not a foreign key. */
		formerUserId: text('former_user_id').notNull(),
		name: text('name').notNull(),
		email: text('email').notNull(),
		profession: text('profession').notNull(),
		rpps: text('rpps'),
		sessionId: text('session_id').notNull(),
		/** Action reference, title, body and dates, as they were: the session may change or go later. */
		session: jsonb('session').$type<Record<string, unknown>>().notNull(),
		/** The registration and one attendance mark per part, as recorded. */
		attendance: jsonb('attendance').$type<Record<string, unknown>>().notNull(),
		retainedAt: timestamp('retained_at', { withTimezone: true }).notNull().defaultNow(),
		keepUntil: timestamp('keep_until', { withTimezone: true }).notNull()
	},
	(table) => [index('retained_training_records_keep_until_idx').on(table.keepUntil)]
);
