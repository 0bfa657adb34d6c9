/**
 * The catalogue's month and week views: a grid of days in the viewer's zone, each with the
 * parts starting that day (times in the viewer's zone, and the place's when different).
 */
import { dayInZone, formatRangeInZone, zonedInstant } from '../../domain/zoned-time';
import type { CalendarEntry } from './catalogue';

export type CalendarView = 'mois' | 'semaine';

export interface CalendarDay {
	/** "2026-12-03" */
	date: string;
	inMonth: boolean;
	isToday: boolean;
	entries: {
		sessionId: string;
		title: string;
		number: number;
		time: string;
		/** The same times on the place's clock, when they differ. */
		placeTime: string | null;
		placeOffset: string;
		timeZone: string;
		full: boolean;
	}[];
}

const iso = (year: number, monthIndex: number, day: number) => new Date(Date.UTC(year, monthIndex, day)).toISOString().slice(0, 10);

/** The range of a view around a day ("2026-12-03"), in the viewer's zone: whole weeks from Monday. */
export function calendarRange(view: CalendarView, anchor: string, zone: string) {
	const [year, month, day] = anchor.split('-').map(Number);
	const anchorDate = new Date(Date.UTC(year, month - 1, day));
	const mondayOffset = (d: Date) => (d.getUTCDay() + 6) % 7;
	let first: Date;
	let days: number;
	if (view === 'semaine') {
		first = new Date(anchorDate.getTime() - mondayOffset(anchorDate) * 86_400_000);
		days = 7;
	} else {
		const monthStart = new Date(Date.UTC(year, month - 1, 1));
		const monthEnd = new Date(Date.UTC(year, month, 1));
		first = new Date(monthStart.getTime() - mondayOffset(monthStart) * 86_400_000);
		days = Math.ceil((monthEnd.getTime() - first.getTime()) / 86_400_000 / 7) * 7;
	}
	const dates = Array.from({ length: days }, (_, index) => new Date(first.getTime() + index * 86_400_000));
	const last = dates[dates.length - 1];
	const from = zonedInstant(first.getUTCFullYear(), first.getUTCMonth(), first.getUTCDate(), 0, 0, 0, zone);
	const to = zonedInstant(last.getUTCFullYear(), last.getUTCMonth(), last.getUTCDate() + 1, 0, 0, 0, zone);
	const step = view === 'semaine' ? 7 : 0;
	const previous = step ? iso(year, month - 1, day - step) : iso(year, month - 2, 1);
	const next = step ? iso(year, month - 1, day + step) : iso(year, month, 1);
	return { dates: dates.map((date) => date.toISOString().slice(0, 10)), month: month - 1, from, to, previous, next };
}

/** Today in a zone, as "2026-12-03". */
export function todayIn(zone: string, now: Date = new Date()): string {
	return dayInZone(now, zone);
}

/** Puts each part on its day (in the viewer's zone). */
export function buildCalendarDays(
	range: ReturnType<typeof calendarRange>,
	entries: CalendarEntry[],
	zone: string,
	locale: string,
	today: string
): CalendarDay[] {
	const time = new Intl.DateTimeFormat(locale, { timeZone: zone, hour: '2-digit', minute: '2-digit' });
	// Each part's day in the viewer's zone, computed once.
	const dayOf = new Map(entries.map((entry) => [entry, dayInZone(entry.startsAt, zone)]));
	return range.dates.map((date) => ({
		date,
		inMonth: Number(date.slice(5, 7)) - 1 === range.month,
		isToday: date === today,
		entries: entries
			.filter((entry) => dayOf.get(entry) === date)
			.map((entry) => {
				const mine = `${time.format(entry.startsAt)} – ${time.format(entry.endsAt)}`;
				const place = formatRangeInZone(entry.startsAt, entry.endsAt, entry.timeZone, locale);
				const placeTimes = place.text.slice(place.text.lastIndexOf(', ') + 2);
				return {
					sessionId: entry.sessionId,
					title: entry.title,
					number: entry.number,
					time: mine,
					placeTime: entry.timeZone !== zone && placeTimes !== mine ? placeTimes : null,
					placeOffset: place.offset,
					timeZone: entry.timeZone,
					full: entry.status === 'full'
				};
			})
	}));
}
