import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { regions } from './cpts';

/**
 * A facilitator's announcement to the coordinators of the network, or of one région
 * (regionCode). The body is Markdown, stored with its sanitised HTML and plain text.
 */
export const announcements = pgTable(
	'announcements',
	{
		id: text('id').primaryKey(),
		authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
		/** Null: every coordinator of the network. */
		regionCode: text('region_code').references(() => regions.code),
		title: text('title').notNull(),
		bodySource: text('body_source').notNull(),
		bodyHtml: text('body_html').notNull(),
		bodyText: text('body_text').notNull(),
		/** How many coordinators it went to (the recipients table keeps who). */
		recipientCount: integer('recipient_count').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		index('announcements_created_idx').on(table.createdAt),
		check('announcements_recipient_count_check', sql`${table.recipientCount} >= 0`)
	]
);

/** Who an announcement went to: the coordinators at the time it was sent (they may read it). */
export const announcementRecipients = pgTable(
	'announcement_recipients',
	{
		announcementId: text('announcement_id')
			.notNull()
			.references(() => announcements.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' })
	},
	(table) => [primaryKey({ columns: [table.announcementId, table.userId] }), index('announcement_recipients_user_idx').on(table.userId)]
);
