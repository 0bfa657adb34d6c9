/**
 * IANA time zones of the places where sessions and exchanges happen, and how to show a time
 * "in the place's zone and, when different, in the viewer's". Shared by the browser and the
 * server: only Intl, no data of our own (the runtime's ICU carries the zone rules).
 */

/**
 * Zones offered in forms, grouped as the law groups the places: mainland France; the five
 * overseas départements and régions (DROM: Guadeloupe, Martinique, Guyane, La Réunion,
 * Mayotte; none has daylight saving); Saint-Pierre-et-Miquelon and French Polynesia
 * (collectivités d'outre-mer) and New Caledonia (a collectivité sui generis), which are not
 * DROM. Names as stored (some libraries alias Indian/Mayotte or America/Guadeloupe: we keep
 * the id as given). Labels: messages 'timeZone.<id>' and 'timeZone.group.<group>'.
 */
export const PLACE_TIME_ZONE_GROUPS = [
	{ group: 'metropole', zones: ['Europe/Paris'] },
	{ group: 'drom', zones: ['America/Guadeloupe', 'America/Martinique', 'America/Cayenne', 'Indian/Reunion', 'Indian/Mayotte'] },
	{ group: 'collectivites', zones: ['America/Miquelon', 'Pacific/Tahiti', 'Pacific/Noumea'] }
] as const;

/** Every zone offered in forms, in the order of their groups. */
export const PLACE_TIME_ZONES = PLACE_TIME_ZONE_GROUPS.flatMap((entry) => entry.zones);
export type PlaceTimeZone = (typeof PLACE_TIME_ZONES)[number];

export const DEFAULT_TIME_ZONE = 'Europe/Paris';

/**
 * The canonical spelling of an IANA zone name ("indian/reunion" → "Indian/Reunion"), or null
 * when the runtime does not know it. Offsets ("+04:00") and abbreviations ("CET") are not
 * zones of a place and are refused.
 */
export function canonicalTimeZone(name: unknown): string | null {
	if (typeof name !== 'string') return null;
	const trimmed = name.trim();
	if (!/^(UTC|[A-Za-z]+(\/[A-Za-z0-9_+-]+)+)$/.test(trimmed) || trimmed.length > 64) return null;
	try {
		return new Intl.DateTimeFormat('en', { timeZone: trimmed }).resolvedOptions().timeZone;
	} catch {
		return null;
	}
}

/** Whether the name is an IANA zone the runtime knows. */
export function isValidTimeZone(name: unknown): name is string {
	return canonicalTimeZone(name) !== null;
}

const wallClockFormats = new Map<string, Intl.DateTimeFormat>();

/** The wall clock of an instant in a zone, read as if it were UTC (to do arithmetic on it). */
export function wallClockAsUtc(at: Date, timeZone: string): number {
	let format = wallClockFormats.get(timeZone);
	if (!format) {
		format = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit'
		});
		wallClockFormats.set(timeZone, format);
	}
	const parts = Object.fromEntries(format.formatToParts(at).map((part) => [part.type, part.value]));
	return Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
}

/** The offset from UTC of a zone at an instant, in minutes (Réunion: +240). */
export function zoneOffsetMinutes(at: Date, timeZone: string): number {
	return Math.round((wallClockAsUtc(at, timeZone) - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant at which clocks of the zone show this date and time (DST-aware). A time that
 * does not exist (skipped when clocks go forward) moves forward with the clock, as calendars do.
 */
export function zonedInstant(year: number, monthIndex: number, day: number, hour = 0, minute = 0, second = 0, timeZone: string): Date {
	const wallAsUtc = Date.UTC(year, monthIndex, day, hour, minute, second);
	// The offset at a first guess, then again at the corrected instant (around DST changes).
	let instant = wallAsUtc - zoneOffsetMinutes(new Date(wallAsUtc), timeZone) * 60_000;
	instant = wallAsUtc - zoneOffsetMinutes(new Date(instant), timeZone) * 60_000;
	return new Date(instant);
}

/** "UTC+4", "UTC−3", "UTC+5:30". */
export function formatOffset(minutes: number): string {
	if (minutes === 0) return 'UTC';
	const sign = minutes > 0 ? '+' : '−';
	const hours = Math.floor(Math.abs(minutes) / 60);
	const rest = Math.abs(minutes) % 60;
	return `UTC${sign}${hours}${rest ? `:${String(rest).padStart(2, '0')}` : ''}`;
}

/**
 * The instant at which the wall-clock time `local` ("2026-12-03T09:00") happens in `timeZone`.
 * Used for form input (datetime-local fields are wall-clock times of the place).
 */
export function zonedTimeToInstant(local: string, timeZone: string): Date | null {
	const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local.trim());
	if (!match) return null;
	const [year, month, day, hour, minute, second] = match.slice(1).map((value) => Number(value ?? 0));
	const check = new Date(Date.UTC(year, month - 1, day));
	if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) return null;
	return zonedInstant(year, month - 1, day, hour, minute, second, timeZone);
}

/** The wall-clock time of an instant in a zone, as a datetime-local value ("2026-12-03T09:00"). */
export function instantToZonedInput(at: Date, timeZone: string): string {
	const shifted = new Date(at.getTime() + zoneOffsetMinutes(at, timeZone) * 60_000);
	return shifted.toISOString().slice(0, 16);
}

export interface ZonedRange {
	/** "jeudi 3 décembre 2026, 09:00 – 12:30" */
	text: string;
	timeZone: string;
	/** "UTC+4" at the start of the range. */
	offset: string;
}

/** "Indian/Reunion, UTC+4"; just "UTC" for UTC itself rather than "UTC, UTC". */
export function zoneWithOffset(timeZone: string, offset: string): string {
	return timeZone === offset || timeZone === 'Etc/UTC' ? offset : `${timeZone}, ${offset}`;
}

/** A start–end range written in a zone, the date once when both ends fall on the same day. */
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

export function formatRangeInZone(start: Date, end: Date, timeZone: string, locale: string): ZonedRange {
	const { day, time } = rangeFormatsFor(locale, timeZone);
	const sameDay = day.format(start) === day.format(end);
	const text = sameDay
		? `${day.format(start)}, ${time.format(start)} – ${time.format(end)}`
		: `${day.format(start)}, ${time.format(start)} – ${day.format(end)}, ${time.format(end)}`;
	return { text, timeZone, offset: formatOffset(zoneOffsetMinutes(start, timeZone)) };
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
