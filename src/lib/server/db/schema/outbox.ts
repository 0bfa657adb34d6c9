import { sql } from 'drizzle-orm';
import { bigserial, check, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The transactional outbox: a side effect (an e-mail to send, a live event to announce) is a
 * row written in the same transaction as the change that causes it, so it exists if and only
 * if the change committed. The outbox worker (outbox/worker.ts) delivers it afterwards.
 *
 * status: 'pending' (due at next_attempt_at), 'processing' (claimed by a worker until
 * next_attempt_at, its lease: past it, another worker may claim it again), 'delivered',
 * 'failed' (gave up after the maximum number of attempts; an admin may retry it).
 */
export const outboxJobs = pgTable(
	'outbox_jobs',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		/** What to do, e.g. 'mail.send'; the worker has one handler per kind. */
		kind: text('kind').notNull(),
		payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
		status: text('status').notNull().default('pending'),
		/** Attempts started so far (a claim counts as one). */
		attempts: integer('attempts').notNull().default(0),
		nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
		lastError: text('last_error'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		deliveredAt: timestamp('delivered_at', { withTimezone: true })
	},
	(table) => [
		// What a worker's claim reads: due rows only, in order.
		index('outbox_jobs_due_idx')
			.on(table.nextAttemptAt, table.id)
			.where(sql`${table.status} in ('pending', 'processing')`),
		index('outbox_jobs_created_idx').on(table.createdAt),
		check('outbox_jobs_status_check', sql`${table.status} in ('pending', 'processing', 'delivered', 'failed')`),
		check('outbox_jobs_attempts_check', sql`${table.attempts} >= 0`)
	]
);
