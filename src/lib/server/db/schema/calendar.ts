import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './auth';

/**
 * Private calendar feed links: the URL holds a random token, the table only its SHA-256, so
 * a leaked table cannot be turned into feeds. One live link per user; revoking keeps the row
 * (and its dates) so the old URL answers 404 for good.
 */
export const calendarFeedTokens = pgTable(
	'calendar_feed_tokens',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		tokenHash: text('token_hash').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
		revokedAt: timestamp('revoked_at', { withTimezone: true })
	},
	(table) => [
		uniqueIndex('calendar_feed_tokens_hash_key').on(table.tokenHash),
		uniqueIndex('calendar_feed_tokens_live_key').on(table.userId).where(sql`${table.revokedAt} is null`),
		index('calendar_feed_tokens_user_idx').on(table.userId)
	]
);
