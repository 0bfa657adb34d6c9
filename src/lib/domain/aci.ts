/**
 * The ACI CPTS contract, browser-safe: its five-year term, the years it covers, the status of
 * a mission in a year, the kinds of indicator and how an indicator's achievement is banded.
 *
 * A contract year is a calendar year (exercice) within the term, from the year of signature to
 * the year the term ends: the network compares CPTS signed on different days year by year, and
 * the dialogue de gestion held around an anniversary reviews one such year.
 */

/** The contract runs five years from its signature (DOMAIN.md, national agreement ACI CPTS). */
export const CONTRACT_TERM_YEARS = 5;

/** Status of a mission in one contract year. Stored: append only. */
export const MISSION_YEAR_STATUSES = ['a_engager', 'en_cours', 'realisee', 'reportee'] as const;
export type MissionYearStatus = (typeof MISSION_YEAR_STATUSES)[number];

/** An indicator measures a number (with its unit) or whether something was done. Stored. */
export const INDICATOR_KINDS = ['nombre', 'realise'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

/** How far an indicator's achieved value is from its target (network evaluation). */
export const ACHIEVEMENT_BANDS = ['atteint', 'partiel', 'faible', 'non_mesure'] as const;
export type AchievementBand = (typeof ACHIEVEMENT_BANDS)[number];

/** The last day of the term of a contract signed on `signedOn` (YYYY-MM-DD): five years less a day. */
export function contractEndsOn(signedOn: string): string {
	const [year, month, day] = signedOn.split('-').map(Number);
	// As PostgreSQL adds years: 29 February gives 28 February in a common year (never 1 March).
	const lastOfMonth = new Date(Date.UTC(year + CONTRACT_TERM_YEARS, month, 0)).getUTCDate();
	const end = new Date(Date.UTC(year + CONTRACT_TERM_YEARS, month - 1, Math.min(day, lastOfMonth) - 1));
	return end.toISOString().slice(0, 10);
}

/** The contract years (calendar years) of a term, first to last. */
export function contractYears(signedOn: string, endsOn: string): number[] {
	const first = Number(signedOn.slice(0, 4));
	const last = Number(endsOn.slice(0, 4));
	return Array.from({ length: last - first + 1 }, (_, index) => first + index);
}

/** What the band of an indicator is computed from. */
export interface IndicatorMeasure {
	kind: IndicatorKind;
	/** A number's target; for 'realise' the target is « done ». */
	target: number | null;
	/** A number achieved, or 1 (done) / 0 (not done); null when not measured yet. */
	achieved: number | null;
}

/**
 * Rule: an indicator reached (≥ 100 % of its target, or done), partly (50 to 99 %), barely
 * (< 50 %, or not done), or not measured (no achieved value, or no positive target to compare).
 */
export function achievementBand(measure: IndicatorMeasure): AchievementBand {
	if (measure.achieved === null) return 'non_mesure';
	if (measure.kind === 'realise') return measure.achieved >= 1 ? 'atteint' : 'faible';
	if (measure.target === null || measure.target <= 0) return 'non_mesure';
	const ratio = measure.achieved / measure.target;
	if (ratio >= 1) return 'atteint';
	if (ratio >= 0.5) return 'partiel';
	return 'faible';
}
