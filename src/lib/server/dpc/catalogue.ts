/**
 * The catalogue of open sessions: filters (profession, region, format, mission, dates,
 * interprofessional) and French full-text search on the action (title, orientation,
 * objectives, programme) with the query of library and forum search (search/query.ts: hyphenated
 * words, the professions in every form, the field's abbreviations); and the
 * month/week calendar of parts.
 */
import { and, arrayContains, asc, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { dpcActions, dpcBodies, dpcRegistrations, dpcSessionParts, dpcSessions, regions } from '../db/schema';
import { zonedInstant } from '../../domain/zoned-time';
import { textSearchQuery } from '../search/query';
import type { CatalogueFilters } from './forms';

export const CATALOGUE_PAGE_SIZE = 20;
const OPEN_STATUSES = ['published', 'full'] as const;

export interface CatalogueCard {
	id: string;
	number: number;
	status: 'published' | 'full';
	actionTitle: string;
	reference: string;
	format: string;
	method: string;
	professions: string[];
	interprofessional: boolean;
	bodyName: string;
	startsAt: Date;
	endsAt: Date;
	timeZone: string;
	partCount: number;
	place: string | null;
	online: boolean;
	regionName: string | null;
	capacity: number;
	registered: number;
	registrationDeadline: Date;
}

/** A Paris calendar day ("2026-12-03") as the instant it starts. */
function dayStart(day: string): Date {
	const [year, month, date] = day.split('-').map(Number);
	return zonedInstant(year, month - 1, date, 0, 0, 0, 'Europe/Paris');
}

function filterConditions(filters: CatalogueFilters, now: Date): SQL[] {
	const conditions: (SQL | undefined)[] = [
		inArray(dpcSessions.status, [...OPEN_STATUSES]),
		// Upcoming sessions and those running now.
		gte(dpcSessions.endsAt, now),
		filters.profession ? arrayContains(dpcActions.professions, [filters.profession]) : undefined,
		filters.region ? eq(dpcSessions.regionCode, filters.region) : undefined,
		filters.format ? eq(dpcActions.format, filters.format) : undefined,
		filters.mission ? arrayContains(dpcActions.missions, [filters.mission]) : undefined,
		filters.interprofessional ? eq(dpcActions.interprofessional, true) : undefined,
		filters.from ? gte(dpcSessions.startsAt, dayStart(filters.from)) : undefined,
		filters.to ? lt(dpcSessions.startsAt, new Date(dayStart(filters.to).getTime() + 86_400_000)) : undefined,
		filters.q ? sql`${dpcActions.searchVector} @@ ${textSearchQuery(filters.q)}` : undefined
	];
	return conditions.filter((condition): condition is SQL => Boolean(condition));
}

/** One page of the catalogue, soonest first (best match first when searching), and the total. */
export async function searchCatalogue(
	db: DbOrTx,
	filters: CatalogueFilters,
	now: Date = new Date()
): Promise<{ cards: CatalogueCard[]; total: number; pageCount: number }> {
	const where = and(...filterConditions(filters, now));
	const rank = filters.q
		? sql`ts_rank_cd(${dpcActions.searchVector}, ${textSearchQuery(filters.q)})`
		: null;
	const [rows, [{ total }]] = await Promise.all([
		db
			.select({
				id: dpcSessions.id,
				number: dpcSessions.number,
				status: dpcSessions.status,
				actionTitle: dpcActions.title,
				reference: dpcActions.reference,
				format: dpcActions.format,
				method: dpcActions.method,
				professions: dpcActions.professions,
				interprofessional: dpcActions.interprofessional,
				bodyName: dpcBodies.name,
				startsAt: dpcSessions.startsAt,
				endsAt: dpcSessions.endsAt,
				place: dpcSessions.place,
				videoUrl: dpcSessions.videoUrl,
				regionName: regions.name,
				capacity: dpcSessions.capacity,
				registrationDeadline: dpcSessions.registrationDeadline,
				// Small correlated reads on indexed columns, for the 20 rows of the page only.
				timeZone: sql<string>`(select ${dpcSessionParts.timeZone} from ${dpcSessionParts} where ${dpcSessionParts.sessionId} = ${dpcSessions.id} order by ${dpcSessionParts.position} limit 1)`,
				partCount: sql<number>`(select count(*)::int from ${dpcSessionParts} where ${dpcSessionParts.sessionId} = ${dpcSessions.id})`,
				registered: sql<number>`(select count(*)::int from ${dpcRegistrations} where ${dpcRegistrations.sessionId} = ${dpcSessions.id} and ${dpcRegistrations.status} = 'registered')`
			})
			.from(dpcSessions)
			.innerJoin(dpcActions, eq(dpcActions.id, dpcSessions.actionId))
			.innerJoin(dpcBodies, eq(dpcBodies.id, dpcActions.bodyId))
			.leftJoin(regions, eq(regions.code, dpcSessions.regionCode))
			.where(where)
			.orderBy(...(rank ? [desc(rank)] : []), asc(dpcSessions.startsAt), asc(dpcSessions.id))
			.limit(CATALOGUE_PAGE_SIZE)
			.offset((filters.page - 1) * CATALOGUE_PAGE_SIZE),
		db
			.select({ total: sql<number>`count(*)::int` })
			.from(dpcSessions)
			.innerJoin(dpcActions, eq(dpcActions.id, dpcSessions.actionId))
			.where(where)
	]);
	const cards = rows.map(({ videoUrl, ...row }) => ({
		...row,
		status: row.status as CatalogueCard['status'],
		online: Boolean(videoUrl),
		partCount: Number(row.partCount),
		registered: Number(row.registered)
	}));
	return { cards, total: Number(total), pageCount: Math.max(1, Math.ceil(Number(total) / CATALOGUE_PAGE_SIZE)) };
}

export interface CalendarEntry {
	sessionId: string;
	partId: string;
	position: number;
	title: string;
	number: number;
	startsAt: Date;
	endsAt: Date;
	timeZone: string;
	status: string;
	interprofessional: boolean;
}

/** Parts of open sessions starting in [from, to), with the same filters as the list. */
export async function listCalendarParts(
	db: DbOrTx,
	filters: CatalogueFilters,
	from: Date,
	to: Date,
	now: Date = new Date()
): Promise<CalendarEntry[]> {
	const conditions = filterConditions({ ...filters, from: null, to: null }, new Date(Math.min(now.getTime(), from.getTime())));
	return db
		.select({
			sessionId: dpcSessions.id,
			partId: dpcSessionParts.id,
			position: dpcSessionParts.position,
			title: dpcActions.title,
			number: dpcSessions.number,
			startsAt: dpcSessionParts.startsAt,
			endsAt: dpcSessionParts.endsAt,
			timeZone: dpcSessionParts.timeZone,
			status: dpcSessions.status,
			interprofessional: dpcActions.interprofessional
		})
		.from(dpcSessionParts)
		.innerJoin(dpcSessions, eq(dpcSessions.id, dpcSessionParts.sessionId))
		.innerJoin(dpcActions, eq(dpcActions.id, dpcSessions.actionId))
		.where(and(...conditions, gte(dpcSessionParts.startsAt, from), lt(dpcSessionParts.startsAt, to)))
		.orderBy(asc(dpcSessionParts.startsAt))
		.limit(500);
}
