/**
 * Instants and wall-clock times in the zones of places, through luxon (its zone rules are the
 * runtime's ICU): reading a form's local time as an instant and back, a zone's offset at a
 * date, a range written in a zone. Server code imports it; pages get its results as data,
 * so luxon never reaches the browser. Names and labels of zones are in ./time-zones.
 */
import { DateTime, IANAZone } from 'luxon';
import { formatOffset, PLACE_TIME_ZONES, type ZonedRange } from './time-zones';

/**
 * The canonical spelling of an IANA zone name ("indian/reunion" → "Indian/Reunion"), or null
 * when the runtime does not know it. Offsets ("+04:00") and abbreviations ("CET") are not
 * zones of a place and are refused. The zones offered in forms come back exactly as we list
 * them, whatever alias the runtime prefers (Indian/Mayotte, America/Guadeloupe: see DOMAIN.md).
 */
export function canonicalTimeZone(name: unknown): string | null {
	if (typeof name !== 'string') return null;
	const trimmed = name.trim();
	if (!/^(UTC|[A-Za-z]+(\/[A-Za-z0-9_+-]+)+)$/.test(trimmed) || trimmed.length > 64) return null;
	const placeZone = PLACE_TIME_ZONES.find((zone) => zone.toLowerCase() === trimmed.toLowerCase());
	if (placeZone) return placeZone;
	if (!IANAZone.isValidZone(trimmed)) return null;
	// luxon keeps the spelling it was given; Intl knows the canonical one.
	return new Intl.DateTimeFormat('en', { timeZone: trimmed }).resolvedOptions().timeZone;
}

/** Whether the name is an IANA zone the runtime knows. */
export function isValidTimeZone(name: unknown): name is string {
	return canonicalTimeZone(name) !== null;
}

/** The offset from UTC of a zone at an instant, in minutes (Réunion: +240; Paris: +60 or +120). */
export function zoneOffsetMinutes(at: Date, timeZone: string): number {
	return DateTime.fromJSDate(at, { zone: timeZone }).offset;
}

/** "UTC+4", "UTC+2": a zone's offset at an instant (so Paris in July says UTC+2). */
export function zoneOffsetAt(at: Date, timeZone: string): string {
	return formatOffset(zoneOffsetMinutes(at, timeZone));
}

/** An instant as a luxon DateTime on the clocks of a zone. */
export function inZone(at: Date, timeZone: string): DateTime {
	return DateTime.fromJSDate(at, { zone: timeZone });
}

/** The calendar day of an instant on the clocks of a zone, "2026-12-03". */
export function dayInZone(at: Date, timeZone: string): string {
	return inZone(at, timeZone).toISODate()!;
}

/**
 * The instant at which clocks of the zone show this date and time (DST-aware; days past the
 * month's end roll over). A time that does not exist (skipped when clocks go forward) moves
 * forward with the clock, as calendars do.
 */
export function zonedInstant(year: number, monthIndex: number, day: number, hour = 0, minute = 0, second = 0, timeZone: string): Date {
	return DateTime.fromObject({ year, month: monthIndex + 1, day: 1 }, { zone: timeZone })
		.plus({ days: day - 1 })
		.set({ hour, minute, second })
		.toJSDate();
}

/**
 * The instant at which the wall-clock time `local` ("2026-12-03T09:00") happens in `timeZone`.
 * Used for form input (datetime-local fields are wall-clock times of the place).
 */
export function zonedTimeToInstant(local: string, timeZone: string): Date | null {
	const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local.trim());
	if (!match) return null;
	const [year, month, day, hour, minute, second] = match.slice(1).map((value) => Number(value ?? 0));
	const wallClock = DateTime.fromObject({ year, month, day, hour, minute, second }, { zone: timeZone });
	return wallClock.isValid ? wallClock.toJSDate() : null;
}

/** The wall-clock time of an instant in a zone, as a datetime-local value ("2026-12-03T09:00"). */
export function instantToZonedInput(at: Date, timeZone: string): string {
	return inZone(at, timeZone).toFormat("yyyy-MM-dd'T'HH:mm");
}

const rangeFormats = new Map<string, { day: Intl.DateTimeFormat; time: Intl.DateTimeFormat }>();

/** Building an Intl.DateTimeFormat costs far more than using one: one pair per locale and zone. */
function rangeFormatsFor(locale: string, timeZone: string) {
	const key = `${locale}|${timeZone}`;
	let formats = rangeFormats.get(key);
	if (!formats) {
		formats = {
			day: new Intl.DateTimeFormat(locale, { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
			time: new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit' })
		};
		rangeFormats.set(key, formats);
	}
	return formats;
}

/** A start–end range written in a zone, the date once when both ends fall on the same day. */
export function formatRangeInZone(start: Date, end: Date, timeZone: string, locale: string): ZonedRange {
	const { day, time } = rangeFormatsFor(locale, timeZone);
	const sameDay = day.format(start) === day.format(end);
	const text = sameDay
		? `${day.format(start)}, ${time.format(start)} – ${time.format(end)}`
		: `${day.format(start)}, ${time.format(start)} – ${day.format(end)}, ${time.format(end)}`;
	return { text, timeZone, offset: zoneOffsetAt(start, timeZone) };
}

/**
 * A range in the place's zone and, when the viewer's zone shows other wall-clock times, in
 * the viewer's zone too (Paris viewer of a Réunion session sees both; a Réunion viewer one).
 */
export function describeInZones(
	range: { start: Date; end: Date },
	placeZone: string,
	viewerZone: string | null | undefined,
	locale: string
): { place: ZonedRange; viewer: ZonedRange | null } {
	const place = formatRangeInZone(range.start, range.end, placeZone, locale);
	if (!viewerZone || viewerZone === placeZone) return { place, viewer: null };
	const viewer = formatRangeInZone(range.start, range.end, viewerZone, locale);
	return { place, viewer: viewer.text === place.text ? null : viewer };
}
