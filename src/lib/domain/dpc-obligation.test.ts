import { describe, expect, it } from 'vitest';
import { assessObligation, countsForCertificationPeriodique, type CountedAction } from './dpc-obligation';

const action = (method: CountedAction['method'], priority: CountedAction['priority'] = 'no'): CountedAction => ({ method, priority });

describe('the triennial DPC obligation', () => {
	it('is not met with nothing done', () => {
		expect(assessObligation([])).toEqual({ status: 'unmet', typesMetBy: null, typesDone: [], priority: 'unmet' });
	});

	it('needs two different types: two actions of the same type are not enough', () => {
		const verdict = assessObligation([action('formation_continue', 'yes'), action('formation_continue')]);
		expect(verdict).toEqual({ status: 'unmet', typesMetBy: null, typesDone: ['formation_continue'], priority: 'met' });
	});

	it('is met by two types of the three, one within the orientations prioritaires', () => {
		for (const [first, second] of [
			['formation_continue', 'evaluation_pratiques'],
			['formation_continue', 'gestion_risques'],
			['evaluation_pratiques', 'gestion_risques']
		] as const) {
			const verdict = assessObligation([action(first), action(second, 'yes')]);
			expect(verdict.status).toBe('met');
			expect(verdict.typesMetBy).toBe('two_types');
		}
	});

	it('is met by one programme intégré alone when it answers an orientation prioritaire', () => {
		expect(assessObligation([action('programme_integre', 'yes')])).toEqual({ status: 'met', typesMetBy: 'programme_integre', typesDone: [], priority: 'met' });
	});

	it('is not met when no action is within the orientations prioritaires, whatever the types', () => {
		expect(assessObligation([action('programme_integre'), action('gestion_risques', 'no')]).status).toBe('unmet');
		expect(assessObligation([action('formation_continue'), action('gestion_risques')]).priority).toBe('unmet');
	});

	it('cannot tell when the types hold but no action is known to answer an orientation prioritaire', () => {
		const verdict = assessObligation([action('formation_continue', 'unknown'), action('evaluation_pratiques', 'no')]);
		expect(verdict).toEqual({ status: 'undetermined', typesMetBy: 'two_types', typesDone: ['formation_continue', 'evaluation_pratiques'], priority: 'unknown' });
	});

	it('is unmet, not undetermined, when the types fail even if orientations are unknown', () => {
		expect(assessObligation([action('gestion_risques', 'unknown')]).status).toBe('unmet');
	});

	it('names the seven professions with an ordre for the certification périodique', () => {
		for (const profession of ['medecin_generaliste', 'medecin_specialiste', 'chirurgien_dentiste', 'sage_femme', 'pharmacien', 'infirmier', 'masseur_kinesitherapeute', 'pedicure_podologue']) {
			expect(countsForCertificationPeriodique(profession)).toBe(true);
		}
		for (const profession of ['orthophoniste', 'psychologue', 'dieteticien', 'biologiste', 'coordinateur_autre', null]) {
			expect(countsForCertificationPeriodique(profession)).toBe(false);
		}
	});
});
