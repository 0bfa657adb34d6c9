import { describe, expect, it } from 'vitest';
import { PLACE_TIME_ZONE_GROUPS, PLACE_TIME_ZONES } from './time-zones';
import {
	canonicalTimeZone,
	dayInZone,
	describeInZones,
	formatRangeInZone,
	instantToZonedInput,
	zonedInstant,
	zonedTimeToInstant,
	zoneOffsetAt,
	zoneOffsetMinutes
} from './zoned-time';

describe('time zones of places', () => {
	it('accepts IANA names in their canonical spelling and refuses the rest', () => {
		expect(canonicalTimeZone('Indian/Reunion')).toBe('Indian/Reunion');
		expect(canonicalTimeZone(' indian/reunion ')).toBe('Indian/Reunion');
		expect(canonicalTimeZone('America/Cayenne')).toBe('America/Cayenne');
		for (const bad of ['Mars/Olympus', '+04:00', 'CET', '', 'Europe/Paris; drop table', null, 42]) {
			expect(canonicalTimeZone(bad)).toBeNull();
		}
	});

	it('knows the overseas offsets, without daylight saving, and Paris with it', () => {
		const winter = new Date('2026-12-03T06:00:00Z');
		const summer = new Date('2026-07-03T06:00:00Z');
		expect(zoneOffsetMinutes(winter, 'Indian/Reunion')).toBe(240);
		expect(zoneOffsetMinutes(summer, 'Indian/Reunion')).toBe(240);
		expect(zoneOffsetMinutes(winter, 'Indian/Mayotte')).toBe(180);
		expect(zoneOffsetMinutes(winter, 'America/Martinique')).toBe(-240);
		expect(zoneOffsetMinutes(winter, 'America/Cayenne')).toBe(-180);
		expect(zoneOffsetMinutes(winter, 'Europe/Paris')).toBe(60);
		expect(zoneOffsetMinutes(summer, 'Europe/Paris')).toBe(120);
	});

	it('reads a wall-clock time of the place as an instant and back', () => {
		expect(zonedTimeToInstant('2026-12-03T09:00', 'Indian/Reunion')?.toISOString()).toBe('2026-12-03T05:00:00.000Z');
		expect(zonedTimeToInstant('2026-07-03T09:00', 'Europe/Paris')?.toISOString()).toBe('2026-07-03T07:00:00.000Z');
		// The night the clocks go back in Paris, and a time skipped when they go forward.
		expect(zonedTimeToInstant('2026-10-25T12:00', 'Europe/Paris')?.toISOString()).toBe('2026-10-25T11:00:00.000Z');
		expect(zonedTimeToInstant('2026-03-29T02:30', 'Europe/Paris')?.toISOString()).toBe('2026-03-29T01:30:00.000Z');
		expect(instantToZonedInput(new Date('2026-12-03T05:00:00Z'), 'Indian/Reunion')).toBe('2026-12-03T09:00');
		for (const bad of ['2026-02-30T09:00', '2026-12-03 09:00', '03/12/2026', '2026-12-03T25:00']) {
			expect(zonedTimeToInstant(bad, 'Europe/Paris')).toBeNull();
		}
	});

	it('shows a Réunion session in the place’s time and, for a Paris viewer, in theirs', () => {
		const range = { start: new Date('2026-12-03T05:00:00Z'), end: new Date('2026-12-03T08:30:00Z') };
		const both = describeInZones(range, 'Indian/Reunion', 'Europe/Paris', 'fr');
		expect(both.place.text).toBe('jeudi 3 décembre 2026, 09:00 – 12:30');
		expect(both.place.offset).toBe('UTC+4');
		expect(both.viewer?.text).toBe('jeudi 3 décembre 2026, 06:00 – 09:30');
		expect(both.viewer?.offset).toBe('UTC+1');
		expect(describeInZones(range, 'Indian/Reunion', 'Indian/Reunion', 'fr').viewer).toBeNull();
		// Another name, same wall-clock times: nothing more to show.
		expect(describeInZones(range, 'Indian/Reunion', 'Asia/Dubai', 'fr').viewer).toBeNull();
	});

	it('writes the day once, or both days when a range crosses midnight in the place', () => {
		const range = formatRangeInZone(new Date('2026-12-03T20:00:00Z'), new Date('2026-12-04T02:00:00Z'), 'America/Cayenne', 'fr');
		expect(range.text).toBe('jeudi 3 décembre 2026, 17:00 – 23:00');
		const overnight = formatRangeInZone(new Date('2026-12-03T22:00:00Z'), new Date('2026-12-04T06:00:00Z'), 'Europe/Paris', 'fr');
		expect(overnight.text).toBe('jeudi 3 décembre 2026, 23:00 – vendredi 4 décembre 2026, 07:00');
	});
});

describe('the zones offered in forms', () => {
	it('list the five DROM apart from Saint-Pierre-et-Miquelon, Polynesia and New Caledonia', () => {
		const byGroup = Object.fromEntries(PLACE_TIME_ZONE_GROUPS.map((entry) => [entry.group, [...entry.zones]]));
		expect(byGroup.drom.sort()).toEqual(['America/Cayenne', 'America/Guadeloupe', 'America/Martinique', 'Indian/Mayotte', 'Indian/Reunion']);
		expect(byGroup.collectivites.sort()).toEqual(['America/Miquelon', 'Pacific/Noumea', 'Pacific/Tahiti']);
		for (const zone of byGroup.drom) {
			// No DROM has daylight saving.
			expect(zoneOffsetMinutes(new Date('2026-01-15T12:00:00Z'), zone)).toBe(zoneOffsetMinutes(new Date('2026-07-15T12:00:00Z'), zone));
		}
	});

	it('keep their ids as given, those some libraries alias included (DOMAIN.md)', () => {
		for (const zone of PLACE_TIME_ZONES) {
			expect(canonicalTimeZone(zone)).toBe(zone);
			expect(canonicalTimeZone(zone.toLowerCase())).toBe(zone);
		}
		expect(canonicalTimeZone('Indian/Mayotte')).toBe('Indian/Mayotte');
		expect(canonicalTimeZone('America/Guadeloupe')).toBe('America/Guadeloupe');
		// The offsets people know, on the ids as stored.
		const winter = new Date('2026-12-03T06:00:00Z');
		expect(zoneOffsetAt(winter, 'Indian/Mayotte')).toBe('UTC+3');
		expect(zoneOffsetAt(winter, 'America/Guadeloupe')).toBe('UTC−4');
		expect(zoneOffsetAt(winter, 'America/Miquelon')).toBe('UTC−3');
		expect(zoneOffsetAt(new Date('2026-07-03T06:00:00Z'), 'America/Miquelon')).toBe('UTC−2');
		expect(zoneOffsetAt(winter, 'Pacific/Tahiti')).toBe('UTC−10');
		expect(zoneOffsetAt(winter, 'Pacific/Noumea')).toBe('UTC+11');
	});
});

describe('instants of a zone’s calendar', () => {
	it('rolls days past the month’s end over and keeps the wall clock across a clock change', () => {
		expect(zonedInstant(2026, 11, 32, 0, 0, 0, 'Europe/Paris').toISOString()).toBe('2026-12-31T23:00:00.000Z');
		expect(zonedInstant(2026, 2, 29, 7, 0, 0, 'Europe/Paris').toISOString()).toBe('2026-03-29T05:00:00.000Z');
		expect(zonedInstant(2026, 2, 28, 7, 0, 0, 'Europe/Paris').toISOString()).toBe('2026-03-28T06:00:00.000Z');
		// 2:30 does not exist on 29 March 2026 in Paris: it moves forward with the clock.
		expect(zonedInstant(2026, 2, 29, 2, 30, 0, 'Europe/Paris').toISOString()).toBe('2026-03-29T01:30:00.000Z');
		expect(zonedInstant(2026, 11, 3, 9, 0, 0, 'Indian/Reunion').toISOString()).toBe('2026-12-03T05:00:00.000Z');
	});

	it('tells the day of an instant on the zone’s clocks', () => {
		const instant = new Date('2026-12-03T22:30:00Z');
		expect(dayInZone(instant, 'Europe/Paris')).toBe('2026-12-03');
		expect(dayInZone(instant, 'Indian/Reunion')).toBe('2026-12-04');
		expect(dayInZone(instant, 'Pacific/Tahiti')).toBe('2026-12-03');
	});
});
