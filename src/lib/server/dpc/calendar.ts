/**
 * DPC sessions in calendars: one VEVENT per part (UID from the part's id, SEQUENCE from the
 * session), in the place's zone. A session's own .ics, a trainer's public feed of the
 * sessions they teach, and the contribution to personal feeds (sessions I attend, wait for
 * or teach; cancelled ones stay, as STATUS:CANCELLED, so subscribed calendars drop them).
 */
import { and, asc, eq, gte, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { dpcActions, dpcBodies, dpcRegistrations, dpcSessionParts, dpcSessions, dpcSessionTrainers, users } from '../db/schema';
import { eventUid, type CalendarEvent, type CalendarEventStatus } from '../calendar/ics';
import type { FeedSource } from '../calendar/feed';
import { translate, type Locale } from '../../i18n';
import { sessionLabel, sessionPath } from './session-facts';

const eventColumns = {
	sessionId: dpcSessions.id,
	number: dpcSessions.number,
	status: dpcSessions.status,
	sequence: dpcSessions.sequence,
	place: dpcSessions.place,
	videoUrl: dpcSessions.videoUrl,
	updatedAt: dpcSessions.updatedAt,
	actionTitle: dpcActions.title,
	reference: dpcActions.reference,
	bodyName: dpcBodies.name,
	partId: dpcSessionParts.id,
	position: dpcSessionParts.position,
	startsAt: dpcSessionParts.startsAt,
	endsAt: dpcSessionParts.endsAt,
	timeZone: dpcSessionParts.timeZone
};

type EventRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['where']>>[number] & { registration?: string | null };

/** `withVideo`: the connection link goes only to people registered and trainers. */
function toEvent(row: EventRow, partCount: number, origin: string, locale: Locale, withVideo: boolean): CalendarEvent {
	const videoUrl = withVideo && row.registration !== 'waitlisted' ? row.videoUrl : null;
	const cancelled = row.status === 'cancelled' || row.registration === 'cancelled';
	const status: CalendarEventStatus = cancelled ? 'cancelled' : row.registration === 'waitlisted' ? 'tentative' : 'confirmed';
	const label = sessionLabel(row);
	const summary =
		(partCount > 1 ? `${label} (${translate(locale, 'dpc.calendar.part', { index: row.position + 1, count: partCount })})` : label) +
		(row.registration === 'waitlisted' ? ` — ${translate(locale, 'dpc.calendar.waitlisted')}` : '');
	return {
		uid: eventUid('dpc-part', row.partId),
		sequence: row.sequence,
		start: row.startsAt,
		end: row.endsAt,
		timeZone: row.timeZone,
		summary,
		description: [
			translate(locale, 'dpc.calendar.description', { reference: row.reference, body: row.bodyName }),
			videoUrl ? translate(locale, 'dpc.calendar.video', { url: videoUrl }) : null
		]
			.filter(Boolean)
			.join('\n'),
		location: row.place ?? videoUrl ?? translate(locale, 'dpc.catalogue.online'),
		url: `${origin}${sessionPath(row.sessionId)}`,
		status,
		updatedAt: row.updatedAt,
		categories: ['DPC']
	};
}

function toEvents(rows: EventRow[], origin: string, locale: Locale, withVideo = false): CalendarEvent[] {
	const partCounts = new Map<string, number>();
	for (const row of rows) partCounts.set(row.sessionId, (partCounts.get(row.sessionId) ?? 0) + 1);
	return rows.map((row) => toEvent(row, partCounts.get(row.sessionId)!, origin, locale, withVideo));
}

const baseQuery = (db: DbOrTx) =>
	db
		.select(eventColumns)
		.from(dpcSessionParts)
		.innerJoin(dpcSessions, eq(dpcSessions.id, dpcSessionParts.sessionId))
		.innerJoin(dpcActions, eq(dpcActions.id, dpcSessions.actionId))
		.innerJoin(dpcBodies, eq(dpcBodies.id, dpcActions.bodyId));

/** The events of one session (its .ics); null for drafts. */
export async function sessionEvents(db: DbOrTx, sessionId: string, origin: string, locale: Locale): Promise<CalendarEvent[] | null> {
	if (!/^[a-z0-9]{1,40}$/.test(sessionId)) return null;
	const rows = await baseQuery(db).where(eq(dpcSessions.id, sessionId)).orderBy(asc(dpcSessionParts.position));
	if (rows.length === 0 || rows[0].status === 'draft') return null;
	return toEvents(rows, origin, locale);
}

/** A trainer's public feed: the non-draft sessions they teach, from a year back. */
export async function trainerEvents(db: DbOrTx, trainerId: string, origin: string, locale: Locale, now = new Date()): Promise<{ name: string; events: CalendarEvent[] } | null> {
	if (!/^[a-z0-9]{1,40}$/.test(trainerId)) return null;
	const [trainer] = await db
		.select({ name: users.name })
		.from(dpcSessionTrainers)
		.innerJoin(users, eq(users.id, dpcSessionTrainers.userId))
		.where(eq(dpcSessionTrainers.userId, trainerId))
		.limit(1);
	if (!trainer) return null;
	const rows = await baseQuery(db)
		.innerJoin(dpcSessionTrainers, eq(dpcSessionTrainers.sessionId, dpcSessions.id))
		.where(
			and(
				eq(dpcSessionTrainers.userId, trainerId),
				inArray(dpcSessions.status, ['published', 'full', 'cancelled', 'completed']),
				gte(dpcSessions.endsAt, new Date(now.getTime() - 365 * 86_400_000))
			)
		)
		.orderBy(asc(dpcSessionParts.startsAt));
	return { name: trainer.name, events: toEvents(rows, origin, locale) };
}

/** Personal feeds: sessions I registered to or wait for (or cancelled, to remove them), and those I teach. */
export const dpcFeedSource: FeedSource = {
	name: 'dpc',
	async eventsFor(db, userId, { origin, locale }) {
		const since = new Date(Date.now() - 365 * 86_400_000);
		const attending = await baseQuery(db)
			.innerJoin(dpcRegistrations, eq(dpcRegistrations.sessionId, dpcSessions.id))
			.where(and(eq(dpcRegistrations.userId, userId), gte(dpcSessions.endsAt, since), inArray(dpcSessions.status, ['published', 'full', 'cancelled', 'completed'])))
			.orderBy(asc(dpcSessionParts.startsAt));
		const registrations = await db
			.select({ sessionId: dpcRegistrations.sessionId, status: dpcRegistrations.status })
			.from(dpcRegistrations)
			.where(eq(dpcRegistrations.userId, userId));
		const statusOf = new Map(registrations.map((row) => [row.sessionId, row.status]));
		const teaching = await baseQuery(db)
			.innerJoin(dpcSessionTrainers, eq(dpcSessionTrainers.sessionId, dpcSessions.id))
			.where(
				and(
					eq(dpcSessionTrainers.userId, userId),
					gte(dpcSessions.endsAt, since),
					inArray(dpcSessions.status, ['published', 'full', 'cancelled', 'completed'])
				)
			)
			.orderBy(asc(dpcSessionParts.startsAt));
		return [
			...toEvents(attending.map((row) => ({ ...row, registration: statusOf.get(row.sessionId) ?? null })), origin, locale, true),
			...toEvents(teaching, origin, locale, true)
		];
	}
};
