import { sql } from 'drizzle-orm';
import {
	type AnyPgColumn,
	boolean,
	check,
	index,
	integer,
	pgTable,
	primaryKey,
	smallint,
	text,
	timestamp,
	uniqueIndex
} from 'drizzle-orm/pg-core';
import { CPTS_STAGES, TERRITORY_NATURES } from '../../../domain/professions';
import { users } from './auth';
import { inList } from './sql';


/** Reference data: the 18 regions and their population (source in `populationSource`). */
export const regions = pgTable('regions', {
	code: text('code').primaryKey(),
	name: text('name').notNull(),
	population: integer('population').notNull(),
	populationSource: text('population_source').notNull(),
	overseas: integer('overseas').notNull().default(0)
});

export const cpts = pgTable(
	'cpts',
	{
		id: text('id').primaryKey(),
		slug: text('slug').notNull(),
		name: text('name').notNull(),
		regionCode: text('region_code')
			.notNull()
			.references(() => regions.code),
		department: text('department').notNull(),
		nature: text('nature').notNull(),
		population: integer('population').notNull(),
		professionalsCount: integer('professionals_count').notNull().default(0),
		/** ACI size band, derived by the database from the population (one place for the rule). */
		sizeBand: smallint('size_band')
			.notNull()
			.generatedAlwaysAs(
				sql`case when population < 40000 then 1 when population < 80000 then 2 when population <= 175000 then 3 else 4 end`
			),
		stage: text('stage').notNull(),
		contactEmail: text('contact_email'),
		phone: text('phone'),
		website: text('website'),
		description: text('description').notNull().default(''),
		/** The facilitator (animatrice) who accompanies this CPTS. */
		facilitatorId: text('facilitator_id').references((): AnyPgColumn => users.id, { onDelete: 'set null' }),
		/** Partner contacts at the ARS DT, the CPAM, the URPS… as the facilitator writes them. */
		partnerContacts: text('partner_contacts').notNull().default(''),
		/** « Accompagnement rapproché »: the 2023 instruction's close support, with its reason. */
		closeSupport: boolean('close_support').notNull().default(false),
		closeSupportReason: text('close_support_reason').notNull().default(''),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		uniqueIndex('cpts_slug_key').on(table.slug),
		index('cpts_region_idx').on(table.regionCode),
		check('cpts_nature_check', sql`${table.nature} in (${inList(TERRITORY_NATURES)})`),
		check('cpts_stage_check', sql`${table.stage} in (${inList(CPTS_STAGES)})`),
		check('cpts_population_check', sql`${table.population} >= 0`),
		check('cpts_professionals_check', sql`${table.professionalsCount} >= 0`),
		// Same bounds as the form (src/lib/server/cpts/forms.ts): the form gives the message,
		// these keep scripts and imports honest.
		check('cpts_population_max_check', sql`${table.population} <= 3000000`),
		check('cpts_slug_format_check', sql`${table.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
		check('cpts_website_check', sql`${table.website} is null or ${table.website} ~* '^https?://'`)
	]
);

/** A user's membership of a CPTS: asked (pending), then approved (active) or refused. */
export const cptsMemberships = pgTable(
	'cpts_memberships',
	{
		cptsId: text('cpts_id')
			.notNull()
			.references(() => cpts.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		role: text('role').notNull().default('member'),
		status: text('status').notNull().default('pending'),
		message: text('message'),
		requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
		decidedAt: timestamp('decided_at', { withTimezone: true }),
		decidedBy: text('decided_by').references(() => users.id, { onDelete: 'set null' })
	},
	(table) => [
		primaryKey({ columns: [table.cptsId, table.userId] }),
		index('cpts_memberships_user_idx').on(table.userId),
		check('cpts_memberships_role_check', sql`${table.role} in ('member', 'coordinator')`),
		check('cpts_memberships_status_check', sql`${table.status} in ('pending', 'active', 'refused')`)
	]
);

/** E-mail invitations sent by coordinators; only the token's hash is kept. */
export const cptsInvitations = pgTable(
	'cpts_invitations',
	{
		id: text('id').primaryKey(),
		cptsId: text('cpts_id')
			.notNull()
			.references(() => cpts.id, { onDelete: 'cascade' }),
		email: text('email').notNull(),
		invitedBy: text('invited_by').references(() => users.id, { onDelete: 'set null' }),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		acceptedAt: timestamp('accepted_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [index('cpts_invitations_cpts_idx').on(table.cptsId)]
);
