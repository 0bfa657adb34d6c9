/**
 * The triennial DPC obligation, as one pure rule (Code de la santé publique, art. L4021-1 and
 * the ANDPC's presentation of the parcours): over a three-year period, at least two actions of
 * two different types among formation continue, évaluation des pratiques professionnelles and
 * gestion des risques, or one programme intégré; and at least one action within the national
 * orientations prioritaires of the period. Shared by the server and the page.
 */
import type { HasMethod } from './dpc';
import type { Profession } from './professions';

/** Whether an action answered an orientation prioritaire: unknown when nothing says so either way. */
export type PriorityAnswer = 'yes' | 'no' | 'unknown';

export interface CountedAction {
	method: HasMethod;
	priority: PriorityAnswer;
}

/** The three types of which two different ones are needed (a programme intégré counts alone). */
export const SINGLE_TYPES = ['formation_continue', 'evaluation_pratiques', 'gestion_risques'] as const satisfies readonly HasMethod[];

export interface ObligationVerdict {
	/** met: both conditions hold; unmet: one surely fails; undetermined: the types hold but orientations cannot be told. */
	status: 'met' | 'unmet' | 'undetermined';
	/** How the types condition is met, or null. */
	typesMetBy: 'programme_integre' | 'two_types' | null;
	/** The single types done, in the referential's order. */
	typesDone: HasMethod[];
	priority: 'met' | 'unmet' | 'unknown';
}

/** Judges a professional's path over one period from the actions that count in it. */
export function assessObligation(actions: readonly CountedAction[]): ObligationVerdict {
	const typesDone = SINGLE_TYPES.filter((type) => actions.some((action) => action.method === type));
	const typesMetBy = actions.some((action) => action.method === 'programme_integre')
		? 'programme_integre'
		: typesDone.length >= 2
			? 'two_types'
			: null;
	const priority = actions.some((action) => action.priority === 'yes')
		? 'met'
		: actions.some((action) => action.priority === 'unknown')
			? 'unknown'
			: 'unmet';
	const status = typesMetBy === null || priority === 'unmet' ? 'unmet' : priority === 'met' ? 'met' : 'undetermined';
	return { status, typesMetBy, typesDone, priority };
}

/**
 * The professions with an ordre (médecins, chirurgiens-dentistes, sages-femmes, pharmaciens,
 * infirmiers, masseurs-kinésithérapeutes, pédicures-podologues): their DPC actions also count
 * toward the certification périodique (ordonnance n° 2021-961 of 19 July 2021, since
 * 1 January 2023). Biologistes are médecins or pharmaciens: the profession code alone cannot tell.
 */
export const PROFESSIONS_WITH_ORDRE: readonly Profession[] = [
	'medecin_generaliste',
	'medecin_specialiste',
	'chirurgien_dentiste',
	'sage_femme',
	'pharmacien',
	'infirmier',
	'masseur_kinesitherapeute',
	'pedicure_podologue'
];

/** Whether a profession's DPC actions also count toward the certification périodique. */
export function countsForCertificationPeriodique(profession: string | null): boolean {
	return PROFESSIONS_WITH_ORDRE.includes(profession as Profession);
}
