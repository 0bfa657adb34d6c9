import { sql } from 'drizzle-orm';
import {
	boolean,
	check,
	date,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uniqueIndex
} from 'drizzle-orm/pg-core';
import {
	ATTENDANCE_STATUSES,
	DPC_FORMATS,
	HAS_METHODS,
	REGISTRATION_STATUSES,
	SESSION_STATUSES,
	type AttendanceStatus,
	type DpcFormat,
	type HasMethod,
	type RegistrationStatus,
	type SessionStatus
} from '../../../domain/dpc';
import { MISSIONS, type Mission } from '../../../domain/library';
import { PROFESSIONS, type Profession } from '../../../domain/professions';
import { users } from './auth';
import { regions } from './cpts';
import { libraryResources } from './library';
import { inList, textArray, tsvector } from './sql';


/** Training bodies registered at ANDPC (ODPC). */
export const dpcBodies = pgTable(
	'dpc_bodies',
	{
		id: text('id').primaryKey(),
		name: text('name').notNull(),
		/** The ODPC registration number at ANDPC. */
		registrationNumber: text('registration_number').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		uniqueIndex('dpc_bodies_number_key').on(table.registrationNumber),
		check('dpc_bodies_number_check', sql`${table.registrationNumber} ~ '^[0-9]{4,6}$'`)
	]
);

/** A trainer (user with the trainer role) works for one body. */
export const dpcTrainers = pgTable(
	'dpc_trainers',
	{
		userId: text('user_id')
			.primaryKey()
			.references(() => users.id, { onDelete: 'cascade' }),
		bodyId: text('body_id')
			.notNull()
			.references(() => dpcBodies.id, { onDelete: 'cascade' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [index('dpc_trainers_body_idx').on(table.bodyId)]
);

/**
 * Title (A), orientation and objectives (B), programme (C) in the library's 'french_unaccent'
 * configuration (drizzle/0000_extensions.sql): a generated column, right on every write.
 */
const actionVectorExpression = sql.raw(
	`setweight(to_tsvector('french_unaccent'::regconfig, coalesce(title, '')), 'A')` +
		` || setweight(to_tsvector('french_unaccent'::regconfig, coalesce(orientation, '') || ' ' || coalesce(objectives, '')), 'B')` +
		` || setweight(to_tsvector('french_unaccent'::regconfig, coalesce(programme, '')), 'C')`
);

/** A DPC action (the ANDPC programme); its sessions hang under it. */
export const dpcActions = pgTable(
	'dpc_actions',
	{
		id: text('id').primaryKey(),
		/** The ANDPC reference: 11 digits. */
		reference: text('reference').notNull(),
		bodyId: text('body_id')
			.notNull()
			.references(() => dpcBodies.id, { onDelete: 'restrict' }),
		title: text('title').notNull(),
		/** The national priority orientation the action answers. */
		orientation: text('orientation').notNull(),
		method: text('method').$type<HasMethod>().notNull(),
		format: text('format').$type<DpcFormat>().notNull(),
		professions: text('professions').array().$type<Profession[]>().notNull(),
		interprofessional: boolean('interprofessional').notNull().default(false),
		/** Funded by the ANDPC: professionals register on the national DPC site with the reference. */
		andpcFunded: boolean('andpc_funded').notNull().default(false),
		missions: text('missions').array().$type<Mission[]>().notNull().default(sql`'{}'::text[]`),
		objectives: text('objectives').notNull(),
		programme: text('programme').notNull(),
		createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
		searchVector: tsvector('search_vector').notNull().generatedAlwaysAs(actionVectorExpression)
	},
	(table) => [
		uniqueIndex('dpc_actions_reference_key').on(table.reference),
		index('dpc_actions_body_idx').on(table.bodyId),
		index('dpc_actions_search_idx').using('gin', table.searchVector),
		index('dpc_actions_professions_idx').using('gin', table.professions),
		check('dpc_actions_reference_check', sql`${table.reference} ~ '^[0-9]{11}$'`),
		check('dpc_actions_method_check', sql`${table.method} in (${inList(HAS_METHODS)})`),
		check('dpc_actions_format_check', sql`${table.format} in (${inList(DPC_FORMATS)})`),
		check('dpc_actions_professions_check', sql`cardinality(${table.professions}) > 0 and ${table.professions} <@ ${textArray(PROFESSIONS)}`),
		check('dpc_actions_missions_check', sql`${table.missions} <@ ${textArray(MISSIONS)}`),
		check('dpc_actions_title_check', sql`length(${table.title}) between 1 and 200`)
	]
);

/** Library resources linked to an action (reading before, tools after). */
export const dpcActionResources = pgTable(
	'dpc_action_resources',
	{
		actionId: text('action_id')
			.notNull()
			.references(() => dpcActions.id, { onDelete: 'cascade' }),
		resourceId: text('resource_id')
			.notNull()
			.references(() => libraryResources.id, { onDelete: 'cascade' }),
		position: integer('position').notNull().default(0)
	},
	(table) => [primaryKey({ columns: [table.actionId, table.resourceId] })]
);

/**
 * A session of an action. `startsAt`/`endsAt` copy the first part's start and the last part's
 * end (written with the parts) so the catalogue filters and sorts on the row.
 */
export const dpcSessions = pgTable(
	'dpc_sessions',
	{
		id: text('id').primaryKey(),
		actionId: text('action_id')
			.notNull()
			.references(() => dpcActions.id, { onDelete: 'cascade' }),
		number: integer('number').notNull(),
		status: text('status').$type<SessionStatus>().notNull().default('draft'),
		capacity: integer('capacity').notNull(),
		/** Seats kept for a profession: { infirmier: 5 }. The rest are open to every target profession. */
		reservedSeats: jsonb('reserved_seats').$type<Partial<Record<Profession, number>>>().notNull().default({}),
		place: text('place'),
		videoUrl: text('video_url'),
		regionCode: text('region_code').references(() => regions.code),
		registrationDeadline: timestamp('registration_deadline', { withTimezone: true }).notNull(),
		startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
		endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
		/** The calendar SEQUENCE: incremented on every change a subscriber should see. */
		sequence: integer('sequence').notNull().default(0),
		/** The discussion thread in the forums (created on first publication). */
		forumThreadId: integer('forum_thread_id'),
		createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
		publishedAt: timestamp('published_at', { withTimezone: true }),
		cancelledAt: timestamp('cancelled_at', { withTimezone: true })
	},
	(table) => [
		uniqueIndex('dpc_sessions_action_number_key').on(table.actionId, table.number),
		index('dpc_sessions_catalogue_idx').on(table.startsAt, table.id).where(sql`${table.status} in ('published', 'full')`),
		check('dpc_sessions_status_check', sql`${table.status} in (${inList(SESSION_STATUSES)})`),
		check('dpc_sessions_capacity_check', sql`${table.capacity} between 1 and 500`),
		check('dpc_sessions_number_check', sql`${table.number} >= 1`),
		check('dpc_sessions_range_check', sql`${table.endsAt} > ${table.startsAt}`),
		check('dpc_sessions_where_check', sql`${table.place} is not null or ${table.videoUrl} is not null`)
	]
);

/** One part of a session (a half-day, an evening of "classe virtuelle"…), in its place's zone. */
export const dpcSessionParts = pgTable(
	'dpc_session_parts',
	{
		id: text('id').primaryKey(),
		sessionId: text('session_id')
			.notNull()
			.references(() => dpcSessions.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
		endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
		/** The IANA zone of the place ("Indian/Reunion"). */
		timeZone: text('time_zone').notNull()
	},
	(table) => [
		uniqueIndex('dpc_session_parts_position_key').on(table.sessionId, table.position),
		index('dpc_session_parts_time_idx').on(table.startsAt, table.endsAt),
		check('dpc_session_parts_range_check', sql`${table.endsAt} > ${table.startsAt}`)
	]
);

export const dpcSessionTrainers = pgTable(
	'dpc_session_trainers',
	{
		sessionId: text('session_id')
			.notNull()
			.references(() => dpcSessions.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' })
	},
	(table) => [primaryKey({ columns: [table.sessionId, table.userId] }), index('dpc_session_trainers_user_idx').on(table.userId)]
);

/**
 * Registrations and the waiting list. One row per person and session (re-registering after a
 * cancellation reuses it); `queuedAt` orders the waiting list.
 */
export const dpcRegistrations = pgTable(
	'dpc_registrations',
	{
		id: text('id').primaryKey(),
		sessionId: text('session_id')
			.notNull()
			.references(() => dpcSessions.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		status: text('status').$type<RegistrationStatus>().notNull(),
		/** The profession at registration (reserved seats are counted on it). */
		profession: text('profession').$type<Profession>().notNull(),
		queuedAt: timestamp('queued_at', { withTimezone: true }).notNull().defaultNow(),
		registeredAt: timestamp('registered_at', { withTimezone: true }),
		/** Set when the seat came from the waiting list. */
		promotedAt: timestamp('promoted_at', { withTimezone: true }),
		cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		uniqueIndex('dpc_registrations_session_user_key').on(table.sessionId, table.userId),
		index('dpc_registrations_session_status_idx').on(table.sessionId, table.status, table.queuedAt),
		index('dpc_registrations_user_idx').on(table.userId),
		check('dpc_registrations_status_check', sql`${table.status} in (${inList(REGISTRATION_STATUSES)})`)
	]
);

/** Émargement: one status per registration and part. */
export const dpcAttendance = pgTable(
	'dpc_attendance',
	{
		registrationId: text('registration_id')
			.notNull()
			.references(() => dpcRegistrations.id, { onDelete: 'cascade' }),
		partId: text('part_id')
			.notNull()
			.references(() => dpcSessionParts.id, { onDelete: 'cascade' }),
		status: text('status').$type<AttendanceStatus>().notNull(),
		/**
		 * Minutes actually attended (late arrival, early departure); null means the whole part
		 * for present/late and none otherwise (marks recorded before minutes existed).
		 */
		minutesAttended: integer('minutes_attended'),
		recordedBy: text('recorded_by').references(() => users.id, { onDelete: 'set null' }),
		recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		primaryKey({ columns: [table.registrationId, table.partId] }),
		check('dpc_attendance_status_check', sql`${table.status} in (${inList(ATTENDANCE_STATUSES)})`),
		check('dpc_attendance_minutes_check', sql`${table.minutesAttended} is null or ${table.minutesAttended} >= 0`)
	]
);

/**
 * The triennial DPC periods (Code de la santé publique, art. L4021-1: the obligation is met over
 * a three-year period). A referential: later periods are entered by an admin when published.
 */
export const dpcObligationPeriods = pgTable(
	'dpc_obligation_periods',
	{
		id: text('id').primaryKey(),
		startYear: integer('start_year').notNull(),
		endYear: integer('end_year').notNull(),
		/** Where the period (and its orientations) come from, as published. */
		source: text('source').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		uniqueIndex('dpc_obligation_periods_start_key').on(table.startYear),
		check('dpc_obligation_periods_years_check', sql`${table.endYear} = ${table.startYear} + 2`)
	]
);

/** The national orientations prioritaires of a period, as the arrêté that sets them lists them. */
export const dpcPriorityOrientations = pgTable(
	'dpc_priority_orientations',
	{
		id: text('id').primaryKey(),
		periodId: text('period_id')
			.notNull()
			.references(() => dpcObligationPeriods.id, { onDelete: 'cascade' }),
		/** The number in the arrêté's annex, when it gives one. */
		number: integer('number'),
		title: text('title').notNull(),
		source: text('source').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		uniqueIndex('dpc_priority_orientations_title_key').on(table.periodId, table.title),
		check('dpc_priority_orientations_title_check', sql`length(${table.title}) between 1 and 300`)
	]
);

/** A DPC action a professional followed elsewhere and declares, for her obligation. */
export const dpcDeclaredActions = pgTable(
	'dpc_declared_actions',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		method: text('method').$type<HasMethod>().notNull(),
		completedOn: date('completed_on', { mode: 'string' }).notNull(),
		/** Whether it answered an orientation prioritaire of its period (as the ODPC presented it). */
		answersPriority: boolean('answers_priority').notNull().default(false),
		/** Which one, when the referential lists it. */
		orientationId: text('orientation_id').references(() => dpcPriorityOrientations.id, { onDelete: 'set null' }),
		/** The training body (ODPC) that ran it. */
		bodyName: text('body_name').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		index('dpc_declared_actions_user_idx').on(table.userId, table.completedOn),
		check('dpc_declared_actions_method_check', sql`${table.method} in (${inList(HAS_METHODS)})`),
		check('dpc_declared_actions_title_check', sql`length(${table.title}) between 1 and 200`),
		check('dpc_declared_actions_body_check', sql`length(${table.bodyName}) between 1 and 200`)
	]
);
