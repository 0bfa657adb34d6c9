import { describe, expect, it } from 'vitest';
import { easterSunday, isWorkingDay, publicHolidays } from './public-holidays';

describe('French public holidays', () => {
	it('computes Easter and the days that follow it', () => {
		expect(easterSunday(2026).toISOString().slice(0, 10)).toBe('2026-04-05');
		expect(easterSunday(2027).toISOString().slice(0, 10)).toBe('2027-03-28');
		const days = publicHolidays(2026, 'Europe/Paris');
		for (const day of ['2026-04-06', '2026-05-14', '2026-05-25', '2026-12-25', '2026-01-01', '2026-07-14', '2026-11-11']) expect(days.has(day)).toBe(true);
		expect(days.size).toBe(11);
	});

	it('adds the abolition of slavery overseas, by the place’s zone', () => {
		expect(publicHolidays(2026, 'Indian/Reunion').has('2026-12-20')).toBe(true);
		expect(publicHolidays(2026, 'America/Martinique').has('2026-05-22')).toBe(true);
		expect(publicHolidays(2026, 'Europe/Paris').has('2026-12-20')).toBe(false);
	});

	it('works Monday to Friday outside holidays', () => {
		expect(isWorkingDay('2026-12-07', 'Europe/Paris')).toBe(true);
		expect(isWorkingDay('2026-12-05', 'Europe/Paris')).toBe(false);
		expect(isWorkingDay('2026-12-25', 'Europe/Paris')).toBe(false);
		expect(isWorkingDay('2027-01-01', 'Indian/Reunion')).toBe(false);
	});
});
