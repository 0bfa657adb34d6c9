/**
 * Steering the network (issue 14): CPTS territories as sets of INSEE codes, the stage
 * history and close support of each CPTS, plans d'action for the zones blanches, coverage
 * snapshots, and the partner accounts (ARS, CPAM, URPS) with their scope.
 */
import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { CPTS_STAGES } from '../../../domain/professions';
import { PARTNER_ORGANISATIONS, PLAN_STATUSES, SNAPSHOT_REASONS } from '../../../domain/geography';
import { users } from './auth';
import { cpts, regions } from './cpts';
import { geoCommunes, geoDepartements } from './geo';
import { inList } from './sql';

/** The communes (or arrondissements) of a CPTS territory. Overlaps are allowed (ARS arbitrate). */
export const cptsTerritories = pgTable(
	'cpts_territories',
	{
		cptsId: text('cpts_id')
			.notNull()
			.references(() => cpts.id, { onDelete: 'cascade' }),
		communeCode: text('commune_code')
			.notNull()
			.references(() => geoCommunes.code)
	},
	(table) => [primaryKey({ columns: [table.cptsId, table.communeCode] }), index('cpts_territories_commune_idx').on(table.communeCode)]
);

/** Dated stage history of a CPTS; the current stage stays on cpts.stage. */
export const cptsStageEvents = pgTable(
	'cpts_stage_events',
	{
		id: text('id').primaryKey(),
		cptsId: text('cpts_id')
			.notNull()
			.references(() => cpts.id, { onDelete: 'cascade' }),
		stage: text('stage').notNull(),
		/** The day the stage was reached (a decision's date, not the day it was typed). */
		reachedOn: date('reached_on', { mode: 'string' }).notNull(),
		note: text('note').notNull().default(''),
		recordedBy: text('recorded_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		index('cpts_stage_events_cpts_idx').on(table.cptsId, table.reachedOn),
		check('cpts_stage_events_stage_check', sql`${table.stage} in (${inList(CPTS_STAGES)})`)
	]
);

/** Dated follow-up log of a CPTS (accompagnement rapproché, partners' notes). */
export const cptsFollowUps = pgTable(
	'cpts_follow_ups',
	{
		id: text('id').primaryKey(),
		cptsId: text('cpts_id')
			.notNull()
			.references(() => cpts.id, { onDelete: 'cascade' }),
		authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
		happenedOn: date('happened_on', { mode: 'string' }).notNull(),
		body: text('body').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [index('cpts_follow_ups_cpts_idx').on(table.cptsId, table.happenedOn)]
);

/** A plan d'action for a zone blanche: a set of uncovered communes of one département. */
export const coveragePlans = pgTable(
	'coverage_plans',
	{
		id: text('id').primaryKey(),
		departementCode: text('departement_code')
			.notNull()
			.references(() => geoDepartements.code),
		name: text('name').notNull(),
		status: text('status').notNull().default('a_lancer'),
		/** The porteur de projet when identified (a person or a structure), else null. */
		porteur: text('porteur'),
		facilitatorId: text('facilitator_id').references(() => users.id, { onDelete: 'set null' }),
		arsContact: text('ars_contact').notNull().default(''),
		cpamContact: text('cpam_contact').notNull().default(''),
		targetDate: date('target_date', { mode: 'string' }),
		nextStep: text('next_step').notNull().default(''),
		createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		index('coverage_plans_departement_idx').on(table.departementCode),
		check('coverage_plans_status_check', sql`${table.status} in (${inList(PLAN_STATUSES)})`)
	]
);

/** The communes of a plan; a commune belongs to one plan at most. */
export const coveragePlanCommunes = pgTable(
	'coverage_plan_communes',
	{
		planId: text('plan_id')
			.notNull()
			.references(() => coveragePlans.id, { onDelete: 'cascade' }),
		communeCode: text('commune_code')
			.notNull()
			.references(() => geoCommunes.code)
	},
	(table) => [primaryKey({ columns: [table.planId, table.communeCode] }), uniqueIndex('coverage_plan_communes_commune_key').on(table.communeCode)]
);

/** Dated log of a plan (contacts, meetings, decisions). */
export const coveragePlanLog = pgTable(
	'coverage_plan_log',
	{
		id: text('id').primaryKey(),
		planId: text('plan_id')
			.notNull()
			.references(() => coveragePlans.id, { onDelete: 'cascade' }),
		authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
		happenedOn: date('happened_on', { mode: 'string' }).notNull(),
		body: text('body').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [index('coverage_plan_log_plan_idx').on(table.planId, table.happenedOn)]
);

/** Coverage of one level (france, region, departement) at one moment, for the trend charts. */
export const coverageSnapshots = pgTable(
	'coverage_snapshots',
	{
		id: text('id').primaryKey(),
		takenAt: timestamp('taken_at', { withTimezone: true }).notNull().defaultNow(),
		reason: text('reason').notNull(),
		level: text('level').notNull(),
		code: text('code').notNull(),
		population: integer('population').notNull(),
		populationOperating: integer('population_operating').notNull(),
		populationProject: integer('population_project').notNull()
	},
	(table) => [
		index('coverage_snapshots_level_idx').on(table.level, table.code, table.takenAt),
		check('coverage_snapshots_level_check', sql`${table.level} in ('france', 'region', 'departement')`),
		check('coverage_snapshots_reason_check', sql`${table.reason} in (${inList(SNAPSHOT_REASONS)})`)
	]
);

/**
 * A partner account (ARS, CPAM, URPS) and its scope: an ARS reads a région, or one
 * département for a délégation territoriale; a CPAM one département; a URPS one région.
 */
export const partnerAccounts = pgTable(
	'partner_accounts',
	{
		userId: text('user_id')
			.primaryKey()
			.references(() => users.id, { onDelete: 'cascade' }),
		organisation: text('organisation').notNull(),
		regionCode: text('region_code')
			.notNull()
			.references(() => regions.code),
		departementCode: text('departement_code').references(() => geoDepartements.code),
		/** How the organisation names itself, e.g. « ARS Grand Est — DT Meurthe-et-Moselle ». */
		label: text('label').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		check('partner_accounts_organisation_check', sql`${table.organisation} in (${inList(PARTNER_ORGANISATIONS)})`),
		check(
			'partner_accounts_scope_check',
			sql`(${table.organisation} <> 'cpam' or ${table.departementCode} is not null) and (${table.organisation} <> 'urps' or ${table.departementCode} is null)`
		)
	]
);
