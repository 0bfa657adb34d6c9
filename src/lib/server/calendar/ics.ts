/**
 * RFC 5545 calendars, written by ical-generator. Every event carries its place's IANA zone
 * (DTSTART;TZID=…) and the calendar carries one VTIMEZONE per zone used, so a Réunion
 * session shows at 9:00 Réunion time in any client, wherever it is.
 */
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { vtimezoneFor } from './zones';

/** Stable across renders and releases: clients recognise an updated event by it. */
const UID_DOMAIN = 'reseau-cpts.fr';

/** The UID of a thing of a feature ("dpc-session", id) → "dpc-session-<id>@reseau-cpts.fr". */
export function eventUid(kind: string, id: string | number): string {
	return `${kind}-${id}@${UID_DOMAIN}`;
}

export type CalendarEventStatus = 'confirmed' | 'tentative' | 'cancelled';

/** One event as a feature describes it. */
export interface CalendarEvent {
	/** From eventUid(); never changes for the same thing. */
	uid: string;
	/** Incremented by the owner each time the event changes (RFC 5545 3.8.7.4). */
	sequence: number;
	start: Date;
	end: Date;
	/** The IANA zone of the place; the times are written in it. */
	timeZone: string;
	summary: string;
	description?: string | null;
	location?: string | null;
	/** An absolute URL (the page of the session or exchange). */
	url?: string | null;
	status: CalendarEventStatus;
	/** When the event last changed (LAST-MODIFIED); the creation time otherwise. */
	updatedAt: Date;
	categories?: string[];
}

const statusMap: Record<CalendarEventStatus, ICalEventStatus> = {
	confirmed: ICalEventStatus.CONFIRMED,
	tentative: ICalEventStatus.TENTATIVE,
	cancelled: ICalEventStatus.CANCELLED
};

/** A whole calendar (one session's .ics, or a personal feed) as text/calendar. */
export function renderCalendar(input: {
	name: string;
	events: CalendarEvent[];
	/** The default zone of the calendar (X-WR-TIMEZONE); Paris unless told. */
	timeZone?: string;
	/** Suggested refresh interval for feeds, in minutes. */
	refreshMinutes?: number;
}): string {
	const calendar = ical({
		name: input.name,
		prodId: { company: 'Réseau CPTS', product: 'reseau-cpts', language: 'FR' },
		method: ICalCalendarMethod.PUBLISH,
		ttl: input.refreshMinutes ? input.refreshMinutes * 60 : null
	});
	calendar.timezone({
		name: input.timeZone ?? 'Europe/Paris',
		generator: (zone) => vtimezoneFor(zone) ?? ''
	});
	for (const event of input.events) {
		calendar.createEvent({
			id: event.uid,
			sequence: event.sequence,
			// Luxon DateTimes in the place's zone: ical-generator writes their wall-clock time with TZID.
			start: DateTime.fromJSDate(event.start, { zone: event.timeZone }),
			end: DateTime.fromJSDate(event.end, { zone: event.timeZone }),
			timezone: event.timeZone,
			stamp: event.updatedAt,
			lastModified: event.updatedAt,
			summary: event.summary,
			description: event.description ?? null,
			location: event.location ?? null,
			url: event.url ?? null,
			status: statusMap[event.status],
			categories: (event.categories ?? []).map((name) => ({ name }))
		});
	}
	return calendar.toString();
}
