/**
 * French public holidays, to keep scheduled days off them (demo sessions, and any planning
 * that wants working days). The eleven fêtes légales of the Code du travail (art. L3133-1),
 * with Easter Monday, Ascension and Whit Monday computed from Easter; in the overseas
 * départements, the day commemorating the abolition of slavery (loi n° 83-550 of 30 June 1983,
 * décret n° 83-1003 of 23 November 1983), looked up by the place's time zone. Alsace-Moselle's
 * Good Friday and 26 December are local to three départements a zone cannot single out: not here.
 */

const DAY_MS = 86_400_000;

/** Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm, "Meeus/Jones/Butcher"), as a UTC midnight. */
export function easterSunday(year: number): Date {
	const a = year % 19;
	const b = Math.floor(year / 100);
	const c = year % 100;
	const d = Math.floor(b / 4);
	const e = b % 4;
	const f = Math.floor((b + 8) / 25);
	const g = Math.floor((b - f + 1) / 3);
	const h = (19 * a + b - d - g + 15) % 30;
	const i = Math.floor(c / 4);
	const k = c % 4;
	const l = (32 + 2 * e + 2 * i - h - k) % 7;
	const m = Math.floor((a + 11 * h + 22 * l) / 451);
	const month = Math.floor((h + l - 7 * m + 114) / 31);
	const day = ((h + l - 7 * m + 114) % 31) + 1;
	return new Date(Date.UTC(year, month - 1, day));
}

/** Fixed national holidays, "MM-DD". */
const FIXED = ['01-01', '05-01', '05-08', '07-14', '08-15', '11-01', '11-11', '12-25'];

/** Abolition of slavery, by the overseas département's time zone ("MM-DD"). */
const ABOLITION_BY_ZONE: Readonly<Record<string, string>> = {
	'America/Martinique': '05-22',
	'America/Guadeloupe': '05-27',
	'America/Cayenne': '06-10',
	'Indian/Reunion': '12-20',
	'Indian/Mayotte': '04-27'
};

const iso = (date: Date) => date.toISOString().slice(0, 10);

const computed = new Map<string, ReadonlySet<string>>();

/** The public holidays of a year at a place (by its IANA zone), as "YYYY-MM-DD". */
export function publicHolidays(year: number, timeZone: string): ReadonlySet<string> {
	const key = `${year}|${timeZone}`;
	const known = computed.get(key);
	if (known) return known;
	const easter = easterSunday(year).getTime();
	const days = FIXED.map((monthDay) => `${year}-${monthDay}`);
	for (const offset of [1, 39, 50]) days.push(iso(new Date(easter + offset * DAY_MS)));
	const abolition = ABOLITION_BY_ZONE[timeZone];
	if (abolition) days.push(`${year}-${abolition}`);
	const holidays = new Set(days);
	computed.set(key, holidays);
	return holidays;
}

/** Whether a calendar day ("YYYY-MM-DD") is worked at a place: Monday to Friday, and no public holiday. */
export function isWorkingDay(day: string, timeZone: string): boolean {
	const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
	return weekday !== 0 && weekday !== 6 && !publicHolidays(Number(day.slice(0, 4)), timeZone).has(day);
}
