import { sql } from 'drizzle-orm';
import {
	check,
	index,
	integer,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uniqueIndex
} from 'drizzle-orm/pg-core';
import { GRANTED_ROLES, PROFESSION_FORMS, PROFESSIONS } from '../../../domain/professions';
import { DIGEST_FREQUENCIES } from '../../notifications/kinds';
import { inList } from './sql';


export const users = pgTable(
	'users',
	{
		id: text('id').primaryKey(),
		/** Stored lower-cased and trimmed; unique. */
		email: text('email').notNull(),
		name: text('name').notNull(),
		profession: text('profession').notNull(),
		/**
		 * How the person wants her profession written beside her name (« infirmière »,
		 * « infirmier »): her own choice on her profile, never guessed; null until she chooses
		 * (the name of the field is shown then: « soins infirmiers »).
		 */
		professionForm: text('profession_form'),
		rpps: text('rpps'),
		passwordHash: text('password_hash').notNull(),
		emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
		locale: text('locale').notNull().default('fr'),
		/** How often the notifications this user chose to get as a digest are mailed. */
		digestFrequency: text('digest_frequency').notNull().default('daily'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		uniqueIndex('users_email_key').on(table.email),
		check('users_profession_check', sql`${table.profession} in (${inList(PROFESSIONS)})`),
		check('users_profession_form_check', sql`${table.professionForm} is null or ${table.professionForm} in (${inList(PROFESSION_FORMS)})`),
		check('users_rpps_check', sql`${table.rpps} is null or ${table.rpps} ~ '^[0-9]{11}$'`),
		check('users_locale_check', sql`${table.locale} in ('fr', 'en')`),
		check('users_digest_frequency_check', sql`${table.digestFrequency} in (${inList(DIGEST_FREQUENCIES)})`)
	]
);

export const userRoles = pgTable(
	'user_roles',
	{
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		role: text('role').notNull(),
		grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
		grantedBy: text('granted_by').references(() => users.id, { onDelete: 'set null' })
	},
	(table) => [
		primaryKey({ columns: [table.userId, table.role] }),
		check('user_roles_role_check', sql`${table.role} in (${inList(GRANTED_ROLES)})`)
	]
);

/** Sessions as in Lucia's guide: the id is the SHA-256 (hex) of the cookie token. */
export const sessions = pgTable(
	'sessions',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
		userAgent: text('user_agent'),
		ip: text('ip')
	},
	(table) => [index('sessions_user_idx').on(table.userId)]
);

/** One-time links (e-mail verification, password reset): only the token's hash is kept. */
export const emailTokens = pgTable(
	'email_tokens',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		purpose: text('purpose').notNull(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		usedAt: timestamp('used_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		index('email_tokens_user_idx').on(table.userId, table.purpose),
		check('email_tokens_purpose_check', sql`${table.purpose} in ('verify_email', 'reset_password')`)
	]
);

/**
 * Sign-in throttling state, per account ("email:…") and per address ("ip:…"). Kept in the
 * database so that it holds across processes and restarts.
 */
export const signInThrottle = pgTable('sign_in_throttle', {
	key: text('key').primaryKey(),
	failures: integer('failures').notNull().default(0),
	lockedUntil: timestamp('locked_until', { withTimezone: true }),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});
