import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { eventUid, renderCalendar, type CalendarEvent } from './ics';
import { placeTimeZone, vtimezoneFor } from './zones';

/** Parses with ical.js (an independent implementation) and registers the file's VTIMEZONEs. */
function parse(text: string) {
	const calendar = new ICAL.Component(ICAL.parse(text));
	for (const zone of calendar.getAllSubcomponents('vtimezone')) {
		ICAL.TimezoneService.register(new ICAL.Timezone(zone));
	}
	return calendar;
}

function event(overrides: Partial<CalendarEvent> = {}): CalendarEvent {
	return {
		uid: eventUid('dpc-session', 'abc123'),
		sequence: 0,
		start: new Date('2026-12-03T05:00:00Z'),
		end: new Date('2026-12-03T08:30:00Z'),
		timeZone: 'Indian/Reunion',
		summary: 'Travailler en équipe pluriprofessionnelle — session 1',
		description: 'Première partie.\nDeuxième ligne ; avec, des caractères spéciaux.',
		location: 'Saint-Denis, 2 rue de Paris',
		url: 'https://reseau-cpts.example/formations/sessions/abc123',
		status: 'confirmed',
		updatedAt: new Date('2026-11-20T10:00:00Z'),
		...overrides
	};
}

describe('RFC 5545 output', () => {
	it('writes events in the place’s zone with a VTIMEZONE for every zone used', () => {
		const text = renderCalendar({
			name: 'Agenda',
			events: [
				event(),
				event({ uid: eventUid('dpc-session', 'paris'), timeZone: 'Europe/Paris', start: new Date('2026-07-03T07:00:00Z'), end: new Date('2026-07-03T09:00:00Z') }),
				event({ uid: eventUid('forum-exchange', 7), timeZone: 'America/Cayenne', start: new Date('2026-12-10T21:00:00Z'), end: new Date('2026-12-10T22:00:00Z') })
			]
		});
		expect(text).toContain('DTSTART;TZID=Indian/Reunion:20261203T090000');
		const calendar = parse(text);
		const zones = calendar.getAllSubcomponents('vtimezone').map((zone) => zone.getFirstPropertyValue('tzid'));
		expect(new Set(zones)).toEqual(new Set(['Europe/Paris', 'Indian/Reunion', 'America/Cayenne']));

		const events = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
		const reunion = events.find((item) => item.uid === 'dpc-session-abc123@reseau-cpts.fr')!;
		expect(reunion.startDate.zone.tzid).toBe('Indian/Reunion');
		expect(reunion.startDate.toJSDate().toISOString()).toBe('2026-12-03T05:00:00.000Z');
		expect(reunion.endDate.toJSDate().toISOString()).toBe('2026-12-03T08:30:00.000Z');
		expect(reunion.summary).toBe('Travailler en équipe pluriprofessionnelle — session 1');
		expect(reunion.description).toBe('Première partie.\nDeuxième ligne ; avec, des caractères spéciaux.');
		expect(reunion.location).toBe('Saint-Denis, 2 rue de Paris');
		// Paris in summer is UTC+2, resolved by the parser from the VTIMEZONE rules.
		const paris = events.find((item) => item.uid.startsWith('dpc-session-paris'))!;
		expect(paris.startDate.toString()).toBe('2026-07-03T09:00:00');
		expect(paris.startDate.toJSDate().toISOString()).toBe('2026-07-03T07:00:00.000Z');
		const cayenne = events.find((item) => item.uid.startsWith('forum-exchange-7'))!;
		expect(cayenne.startDate.toString()).toBe('2026-12-10T18:00:00');
	});

	it('carries SEQUENCE and STATUS:CANCELLED', () => {
		const calendar = parse(renderCalendar({ name: 'Agenda', events: [event({ sequence: 3, status: 'cancelled' })] }));
		const vevent = calendar.getFirstSubcomponent('vevent')!;
		expect(vevent.getFirstPropertyValue('sequence')).toBe(3);
		expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
		expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
		expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
	});

	it('gives a linked zone’s rules under the name the events use', () => {
		// timezones-ical-library answers Indian/Reunion with Asia/Dubai's block (a tzdata link).
		const block = vtimezoneFor('Indian/Reunion')!;
		expect(block).toContain('TZID:Indian/Reunion');
		expect(block).not.toContain('Asia/Dubai');
		expect(vtimezoneFor('Mars/Olympus')).toBeNull();
		expect(placeTimeZone('america/martinique')).toBe('America/Martinique');
		expect(placeTimeZone('Mars/Olympus')).toBeNull();
	});
});
