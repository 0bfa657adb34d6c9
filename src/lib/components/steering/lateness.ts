/** How a lateness of the portfolio's rules is written (portfolio page, Mon espace). */
import type { Locale, MessageKey, Translate } from '$lib/i18n';
import { formatDay } from '$lib/i18n/locale';

export interface LatenessThresholds {
	lettreIntentionWithoutProjetMonths: number;
	projetDeposeNotValidatedMonths: number;
	projetValideWithoutAciMonths: number;
	closeSupportWithoutFollowUpDays: number;
}

/** « projet de santé déposé le 3 mars 2025, non validé après 6 mois ». */
export function latenessText(t: Translate, locale: Locale, late: { kind: string; since: string | null }, thresholds: LatenessThresholds): string {
	return t(`plans.late.${late.kind}` as MessageKey, {
		since: late.since ? formatDay(locale, late.since) : '',
		months:
			late.kind === 'lettreSansProjet'
				? thresholds.lettreIntentionWithoutProjetMonths
				: late.kind === 'projetNonValide'
					? thresholds.projetDeposeNotValidatedMonths
					: thresholds.projetValideWithoutAciMonths,
		days: thresholds.closeSupportWithoutFollowUpDays
	});
}
