/**
 * Time zones on the server: which IANA zones we can write into a calendar (the runtime knows
 * them AND timezones-ical-library has their VTIMEZONE), and the viewer's zone of a request.
 */
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { DEFAULT_TIME_ZONE } from '../../domain/time-zones';
import { canonicalTimeZone } from '../../domain/zoned-time';

/** The cookie where the browser tells us its zone (set by the root layout's script). */
export const VIEWER_ZONE_COOKIE = 'cpts_tz';

/**
 * The VTIMEZONE component of a zone (RFC 5545 3.6.5), from the IANA database compiled by
 * timezones-ical-library. That library answers a linked name with its target's block
 * ("Indian/Reunion" is a link to "Asia/Dubai" since tzdata 2022); links share every rule since
 * 1970, so we keep the block and give it the requested name, which is the TZID our events use.
 */
export function vtimezoneFor(timeZone: string): string | null {
	const [block] = tzlib_get_ical_block(timeZone) as [string?, string?];
	if (!block || !block.startsWith('BEGIN:VTIMEZONE')) return null;
	return block
		.replace(/^TZID:.*$/m, `TZID:${timeZone}`)
		.replace(/^X-LIC-LOCATION:.*$/m, `X-LIC-LOCATION:${timeZone}`);
}

/**
 * The canonical name of a zone that a place may use: a real IANA zone that we can also
 * describe in a calendar; null otherwise (field error "fuseau horaire inconnu").
 */
export function placeTimeZone(name: unknown): string | null {
	const canonical = canonicalTimeZone(name);
	if (!canonical || canonical === 'UTC') return canonical;
	return vtimezoneFor(canonical) ? canonical : null;
}

/** The viewer's zone from the cookie when it is a valid zone; Paris otherwise (no JavaScript yet). */
export function viewerTimeZone(cookies: { get(name: string): string | undefined }): string {
	return canonicalTimeZone(cookies.get(VIEWER_ZONE_COOKIE)) ?? DEFAULT_TIME_ZONE;
}
