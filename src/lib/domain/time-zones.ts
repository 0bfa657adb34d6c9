/**
 * The time zones of the places where sessions and exchanges happen, and how people name them:
 * "heure de La Réunion (UTC+4)", never "Indian/Reunion". Browser-safe (only Intl, no data of
 * our own); the arithmetic on instants is in ./zoned-time (luxon), on the server.
 */
import type { Locale, MessageKey, Translate } from '../i18n/keys';
import { intlLocale } from '../i18n/locale';

/**
 * Zones offered in forms, grouped as the law groups the places: mainland France; the five
 * overseas départements and régions (DROM: Guadeloupe, Martinique, Guyane, La Réunion,
 * Mayotte; none has daylight saving); Saint-Pierre-et-Miquelon and French Polynesia
 * (collectivités d'outre-mer) and New Caledonia (a collectivité sui generis), which are not
 * DROM. Names as stored (some libraries alias Indian/Mayotte or America/Guadeloupe: we keep
 * the id as given). Labels: messages 'timeZone.<id>' (forms, with the offsets of the year),
 * 'timeZone.name.<id>' (beside a date, with the offset at that date) and 'timeZone.group.<group>'.
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

/** Whether the zone is one of those offered in forms (and so has a name in the catalogue). */
export function isPlaceTimeZone(timeZone: string): timeZone is PlaceTimeZone {
	return (PLACE_TIME_ZONES as readonly string[]).includes(timeZone);
}

/** A range of times written in a zone, with the zone's offset at its start. */
export interface ZonedRange {
	/** "jeudi 3 décembre 2026, 09:00 – 12:30" */
	text: string;
	timeZone: string;
	/** "UTC+4" at the start of the range. */
	offset: string;
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
 * How people name a zone: "heure de La Réunion" from the catalogue for the zones of places;
 * for another (a viewer's zone from the browser), the runtime's name for it in the locale
 * ("heure d’Europe centrale", "heure de l’Est nord-américain"), never its IANA id.
 */
export function zoneName(t: Translate, locale: Locale, timeZone: string): string {
	if (isPlaceTimeZone(timeZone)) return t(`timeZone.name.${timeZone}` as MessageKey);
	try {
		const parts = new Intl.DateTimeFormat(intlLocale(locale), { timeZone, timeZoneName: 'longGeneric' }).formatToParts(new Date());
		return parts.find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
	} catch {
		return timeZone;
	}
}

/** "heure de La Réunion (UTC+4)", "heure de Paris (UTC+2)": the zone's name and its offset at the date shown. */
export function zoneLabel(t: Translate, locale: Locale, timeZone: string, offset: string): string {
	return t('timeZone.atOffset', { zone: zoneName(t, locale, timeZone), offset });
}
