/**
 * The ACI CPTS contract of a CPTS (issue 15): signature, term, signatories, the optional
 * missions chosen and the signed document; per mission and contract year the actions,
 * amounts and indicators; the yearly dialogue de gestion and the reminders sent for it.
 * Amounts are integer cents, typed by users, never computed.
 */
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { INDICATOR_KINDS, MISSION_YEAR_STATUSES } from '../../../domain/aci';
import { MISSIONS, OPTIONAL_MISSIONS } from '../../../domain/missions';
import { users } from './auth';
import { cpts } from './cpts';
import { inList, textArray } from './sql';

/** One contract per CPTS (a renewal replaces its dates and signatories). */
export const aciContracts = pgTable(
	'aci_contracts',
	{
		id: text('id').primaryKey(),
		cptsId: text('cpts_id')
			.notNull()
			.references(() => cpts.id, { onDelete: 'cascade' }),
		signedOn: date('signed_on', { mode: 'string' }).notNull(),
		/** Last day of the five-year term, derived by the database (domain/aci.ts contractEndsOn says the same). */
		endsOn: date('ends_on', { mode: 'string' })
			.notNull()
			.generatedAlwaysAs(sql`(signed_on + interval '5 years' - interval '1 day')::date`),
		/** Who signed for each side, as typed (a person and her organisation). */
		signatoryCpts: text('signatory_cpts').notNull(),
		signatoryCpam: text('signatory_cpam').notNull(),
		signatoryArs: text('signatory_ars').notNull(),
		/** The optional missions the CPTS chose; socle missions are always in. */
		optionalMissions: text('optional_missions').array().notNull().default(sql`'{}'::text[]`),
		/** The yearly fonctionnement envelope as written in the contract, in cents; null when not recorded. */
		operatingEnvelopeCents: bigint('operating_envelope_cents', { mode: 'number' }),
		/** The signed contract (PDF) in the attachment store. */
		documentKey: text('document_key'),
		documentName: text('document_name'),
		documentBytes: integer('document_bytes'),
		createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		uniqueIndex('aci_contracts_cpts_key').on(table.cptsId),
		check('aci_contracts_optional_check', sql`${table.optionalMissions} <@ ${textArray(OPTIONAL_MISSIONS)}`),
		check('aci_contracts_envelope_check', sql`${table.operatingEnvelopeCents} is null or ${table.operatingEnvelopeCents} >= 0`)
	]
);

/** A mission in one contract year: actions, status, comments and the amounts recorded. */
export const aciMissionYears = pgTable(
	'aci_mission_years',
	{
		contractId: text('contract_id')
			.notNull()
			.references(() => aciContracts.id, { onDelete: 'cascade' }),
		mission: text('mission').notNull(),
		year: integer('year').notNull(),
		actions: text('actions').notNull().default(''),
		status: text('status').notNull().default('a_engager'),
		comments: text('comments').notNull().default(''),
		fixedCents: bigint('fixed_cents', { mode: 'number' }),
		variableCents: bigint('variable_cents', { mode: 'number' }),
		updatedBy: text('updated_by').references(() => users.id, { onDelete: 'set null' }),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		primaryKey({ columns: [table.contractId, table.mission, table.year] }),
		check('aci_mission_years_mission_check', sql`${table.mission} in (${inList(MISSIONS)})`),
		check('aci_mission_years_status_check', sql`${table.status} in (${inList(MISSION_YEAR_STATUSES)})`),
		check('aci_mission_years_amounts_check', sql`coalesce(${table.fixedCents}, 0) >= 0 and coalesce(${table.variableCents}, 0) >= 0`)
	]
);

/** An indicator of a mission in one contract year: a number with its unit, or done / not done. */
export const aciIndicators = pgTable(
	'aci_indicators',
	{
		id: text('id').primaryKey(),
		contractId: text('contract_id')
			.notNull()
			.references(() => aciContracts.id, { onDelete: 'cascade' }),
		mission: text('mission').notNull(),
		year: integer('year').notNull(),
		position: integer('position').notNull().default(0),
		label: text('label').notNull(),
		kind: text('kind').notNull(),
		unit: text('unit').notNull().default(''),
		target: numeric('target', { precision: 14, scale: 2, mode: 'number' }),
		achieved: numeric('achieved', { precision: 14, scale: 2, mode: 'number' }),
		/** For 'realise' indicators: done (true), not done (false), not said yet (null). */
		done: boolean('done'),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		index('aci_indicators_contract_idx').on(table.contractId, table.year, table.mission, table.position),
		check('aci_indicators_mission_check', sql`${table.mission} in (${inList(MISSIONS)})`),
		check('aci_indicators_kind_check', sql`${table.kind} in (${inList(INDICATOR_KINDS)})`),
		check('aci_indicators_values_check', sql`coalesce(${table.target}, 0) >= 0 and coalesce(${table.achieved}, 0) >= 0`)
	]
);

/**
 * The dialogue de gestion of one contract year: when, who for each side, the review of every
 * mission's indicators as they stood when it was written (a snapshot: later edits of the
 * indicators do not rewrite it), conclusions and next year's objectives.
 */
export const aciDialogues = pgTable(
	'aci_dialogues',
	{
		id: text('id').primaryKey(),
		contractId: text('contract_id')
			.notNull()
			.references(() => aciContracts.id, { onDelete: 'cascade' }),
		year: integer('year').notNull(),
		heldOn: date('held_on', { mode: 'string' }).notNull(),
		participantsCpts: text('participants_cpts').notNull(),
		participantsCpam: text('participants_cpam').notNull(),
		participantsArs: text('participants_ars').notNull(),
		review: jsonb('review').notNull(),
		conclusions: text('conclusions').notNull().default(''),
		nextObjectives: text('next_objectives').notNull().default(''),
		createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [uniqueIndex('aci_dialogues_year_key').on(table.contractId, table.year), index('aci_dialogues_held_idx').on(table.contractId, table.heldOn)]
);

/** Reminders sent because no dialogue de gestion was held in twelve months: one per CPTS and period. */
export const aciDialogueReminders = pgTable(
	'aci_dialogue_reminders',
	{
		cptsId: text('cpts_id')
			.notNull()
			.references(() => cpts.id, { onDelete: 'cascade' }),
		/** The month of the reminder in Paris, YYYY-MM. */
		period: text('period').notNull(),
		sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [primaryKey({ columns: [table.cptsId, table.period] })]
);
