import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './auth';

/**
 * A Pro Santé Connect identity linked to an account: at most one per account, and one
 * account per identity. `subject` is the ID token's `sub` (stable per person at PSC);
 * `rpps` is the RPPS number PSC gave (kept as PSC gave it, even when its check digit fails:
 * test identities have such numbers), `professionCode` the TRE_G15 code of the first exercise.
 */
export const pscIdentities = pgTable(
	'psc_identities',
	{
		userId: text('user_id')
			.primaryKey()
			.references(() => users.id, { onDelete: 'cascade' }),
		subject: text('subject').notNull(),
		/** SubjectNameID: PSC's national identifier; opaque (not numeric in the test environment). */
		nationalId: text('national_id'),
		rpps: text('rpps'),
		professionCode: text('profession_code'),
		linkedAt: timestamp('linked_at', { withTimezone: true }).notNull().defaultNow(),
		lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true })
	},
	(table) => [
		uniqueIndex('psc_identities_subject_key').on(table.subject),
		check('psc_identities_rpps_check', sql`${table.rpps} is null or ${table.rpps} ~ '^[0-9]{11}$'`)
	]
);

/**
 * One sign-in (or link) started towards PSC and not yet come back: the hash of its `state`
 * (the browser keeps the state in a cookie), the nonce and the PKCE verifier. Spent (deleted)
 * by the callback, so a replayed callback finds nothing.
 */
export const pscAuthRequests = pgTable(
	'psc_auth_requests',
	{
		stateHash: text('state_hash').primaryKey(),
		nonce: text('nonce').notNull(),
		codeVerifier: text('code_verifier').notNull(),
		/** 'sign_in', or 'link' for a signed-in member linking PSC from her account page. */
		purpose: text('purpose').notNull(),
		userId: text('user_id').references(() => users.id, { onDelete: 'cascade' }),
		redirectTo: text('redirect_to'),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		index('psc_auth_requests_expires_idx').on(table.expiresAt),
		check('psc_auth_requests_purpose_check', sql`${table.purpose} in ('sign_in', 'link')`),
		check('psc_auth_requests_link_user_check', sql`${table.purpose} <> 'link' or ${table.userId} is not null`)
	]
);

/**
 * A PSC identity waiting for the owner of the account with the same e-mail to confirm with her
 * password before it is linked. The browser holds the token; only its hash is kept.
 */
export const pscPendingLinks = pgTable(
	'psc_pending_links',
	{
		tokenHash: text('token_hash').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		/** The mapped PSC identity (PscIdentity in server/auth/psc/claims.ts). */
		identity: jsonb('identity').$type<Record<string, unknown>>().notNull(),
		redirectTo: text('redirect_to'),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [index('psc_pending_links_user_idx').on(table.userId)]
);
