/**
 * When the portfolio calls something late. These are the network's own working rules, not
 * regulations: no text sets these delays. Edit them here (and only here); the portfolio
 * page and its tests read them from this file.
 */
export const LATENESS_THRESHOLDS = {
	/** Network rule (editable): a validated lettre d'intention should lead to a projet de santé déposé within 12 months. */
	lettreIntentionWithoutProjetMonths: 12,
	/** Network rule (editable): a projet de santé déposé should be validated by the ARS within 6 months. */
	projetDeposeNotValidatedMonths: 6,
	/** Network rule (editable): a validated projet de santé should lead to the ACI contract within 6 months. */
	projetValideWithoutAciMonths: 6,
	/** Network rule (editable): a CPTS in accompagnement rapproché gets a follow-up entry at least every 60 days. */
	closeSupportWithoutFollowUpDays: 60
} as const;

export type LatenessKind = 'lettreSansProjet' | 'projetNonValide' | 'projetSansAci' | 'suiviRapproche' | 'planEchu';
