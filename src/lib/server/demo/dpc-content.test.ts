/**
 * Every demo session, placed from many "todays" (one a day over a year, Christmas included),
 * falls on working days of its place, at hours that make sense there and where each trainer
 * lives, and a classe virtuelle stays around 15 people. No database: the plan is pure.
 */
import { describe, expect, it } from 'vitest';
import { isWorkingDay } from '../../domain/public-holidays';
import { ACTIONS, planParts, TRAINER_ZONES } from './dpc-content';

const formats = new Map<string, Intl.DateTimeFormat>();

/** Wall-clock hour and minute of an instant in a zone, as minutes after midnight, and its day. */
function wallClock(instant: Date, timeZone: string): { day: string; minutes: number } {
	let format = formats.get(timeZone);
	if (!format) {
		format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
		formats.set(timeZone, format);
	}
	const parts = Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, part.value]));
	return { day: `${parts.year}-${parts.month}-${parts.day}`, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

const sessions = ACTIONS.flatMap((action) => action.sessions.map((session) => ({ action, session })));

describe('demo DPC sessions', () => {
	it('fall on working days at sensible hours for the place and for every trainer, whatever day the demo is seeded', () => {
		const problems: string[] = [];
		for (let day = 0; day < 366; day++) {
			const now = new Date(Date.UTC(2026, 0, 1, 9) + day * 86_400_000);
			for (const { action, session } of sessions) {
				const name = `${action.reference} s${session.number} seeded ${now.toISOString().slice(0, 10)}`;
				const parts = planParts(session, now);
				parts.forEach((part, index) => {
					const start = wallClock(part.startsAt, session.timeZone);
					const end = wallClock(part.endsAt, session.timeZone);
					if (!isWorkingDay(start.day, session.timeZone)) problems.push(`${name}: part ${index + 1} on ${start.day}`);
					if (start.minutes < 8 * 60 || end.minutes > 21 * 60 || end.day !== start.day) problems.push(`${name}: part ${index + 1} at ${start.minutes / 60} h local`);
					if (index > 0 && part.startsAt <= parts[index - 1].endsAt) problems.push(`${name}: part ${index + 1} before part ${index}`);
					for (const trainer of session.trainers) {
						const zone = TRAINER_ZONES[trainer];
						if (!zone) problems.push(`${name}: no zone for ${trainer}`);
						const from = wallClock(part.startsAt, zone);
						const to = wallClock(part.endsAt, zone);
						// Teaching between 07:00 and 22:00 where the trainer lives.
						if (from.minutes < 7 * 60 || to.minutes > 22 * 60 || from.day !== to.day) problems.push(`${name}: ${trainer} teaches at ${from.minutes / 60} h`);
					}
				});
			}
		}
		expect(problems.slice(0, 10)).toEqual([]);
	});

	it('keeps a classe virtuelle around 15 people', () => {
		for (const { action, session } of sessions) {
			if (session.videoUrl) expect(session.capacity, `${action.reference} s${session.number}`).toBeGreaterThanOrEqual(10);
			if (session.videoUrl) expect(session.capacity, `${action.reference} s${session.number}`).toBeLessThanOrEqual(16);
		}
	});

	it('never places a session on 25 December or 1 January', () => {
		for (const seeded of [new Date('2026-12-07T10:00:00Z'), new Date('2026-12-24T10:00:00Z'), new Date('2026-12-31T10:00:00Z')]) {
			for (const { session } of sessions) {
				for (const part of planParts(session, seeded)) expect(wallClock(part.startsAt, session.timeZone).day.slice(5)).not.toMatch(/^(12-25|01-01)$/);
			}
		}
	});
});
