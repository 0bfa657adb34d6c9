import { sql } from 'drizzle-orm';
import { bigserial, check, index, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './auth';

/** Every e-mail the product sends; without SMTP_URL it stays here and admins read it. */
export const mailOutbox = pgTable(
	'mail_outbox',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		toAddress: text('to_address').notNull(),
		subject: text('subject').notNull(),
		textBody: text('text_body').notNull(),
		htmlBody: text('html_body').notNull(),
		template: text('template').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		sentAt: timestamp('sent_at', { withTimezone: true }),
		error: text('error')
	},
	(table) => [index('mail_outbox_created_idx').on(table.createdAt)]
);

export const notifications = pgTable(
	'notifications',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		kind: text('kind').notNull(),
		/**
		 * Message keys of the catalogue (body '' when none), translated with `params` when
		 * displayed or mailed, so each reader sees them in their own locale.
		 */
		title: text('title').notNull(),
		body: text('body').notNull().default(''),
		params: jsonb('params').$type<Record<string, string | number>>().notNull().default({}),
		/** A path of this site ("/forums/…"), never an outside address. */
		link: text('link'),
		/** How it was delivered, from the recipient's preference when it was created. */
		channel: text('channel').notNull().default('in_app'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		readAt: timestamp('read_at', { withTimezone: true }),
		/** Set when its e-mail was queued in the outbox (at once, or in a digest). */
		emailedAt: timestamp('emailed_at', { withTimezone: true })
	},
	(table) => [
		index('notifications_user_idx').on(table.userId, table.createdAt),
		index('notifications_unread_idx').on(table.userId).where(sql`${table.readAt} is null`),
		// The daily digest looks for these only.
		index('notifications_digest_pending_idx')
			.on(table.createdAt)
			.where(sql`${table.channel} = 'digest' and ${table.emailedAt} is null`),
		check('notifications_channel_check', sql`${table.channel} in ('in_app', 'email', 'digest')`),
		check('notifications_link_check', sql`${table.link} is null or ${table.link} ~ '^/([^/\\\\]|$)'`)
	]
);

/** Per-kind delivery preference; a missing row means the kind's default. */
export const notificationPreferences = pgTable(
	'notification_preferences',
	{
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		kind: text('kind').notNull(),
		channel: text('channel').notNull()
	},
	(table) => [
		primaryKey({ columns: [table.userId, table.kind] }),
		check(
			'notification_preferences_channel_check',
			sql`${table.channel} in ('in_app', 'email', 'digest', 'off')`
		)
	]
);
