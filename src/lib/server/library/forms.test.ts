import { describe, expect, it } from 'vitest';
import { parseForm } from '../shared/forms';
import { translate } from '../../i18n';
import { fieldErrorText } from '../../i18n/field-error';
import { RESOURCE_ARRAY_FIELDS, formatExampleActions, parseExampleActions, parseMissionLines, resourceFormSchema } from './forms';

describe('mission-prefixed lines of the profil-type form', () => {
	it('reads the mission from a label or a code, whatever the accents and case', () => {
		const { actions, unknown } = parseExampleActions(
			[
				'Prévention : Ateliers de prévention des chutes | Caisse de retraite, mairie',
				'- PREVENTION : Dépistage | ',
				'crises_sanitaires : Plan de réponse aux crises',
				'Réponse aux crises sanitaires graves : Annuaire de crise',
				'acces aux soins\u00a0: Créneaux à partir de 18:00 | SAMU'
			].join('\n')
		);
		expect(unknown).toEqual([]);
		expect(actions).toEqual([
			{ action: 'Ateliers de prévention des chutes', partners: 'Caisse de retraite, mairie', mission: 'prevention' },
			{ action: 'Dépistage', partners: '', mission: 'prevention' },
			{ action: 'Plan de réponse aux crises', partners: '', mission: 'crises_sanitaires' },
			{ action: 'Annuaire de crise', partners: '', mission: 'crises_sanitaires' },
			{ action: 'Créneaux à partir de 18:00', partners: 'SAMU', mission: 'acces_soins' }
		]);
	});

	it('keeps a line without prefix, with no mission', () => {
		expect(parseExampleActions('Réunion annuelle | Tous\nCréneaux à 18:00').actions).toEqual([
			{ action: 'Réunion annuelle', partners: 'Tous' },
			{ action: 'Créneaux à 18:00', partners: '' }
		]);
		expect(parseMissionLines('Nombre de réunions').lines).toEqual([{ text: 'Nombre de réunions' }]);
	});

	it('names the line of an unknown prefix, counting blank lines', () => {
		expect(parseMissionLines('Prévention : Dépistage\n\nHygiène : Lavage des mains').unknown).toEqual([{ line: 3, prefix: 'Hygiène' }]);
	});

	it('formats what it parses', () => {
		const text = 'Prévention : Ateliers | Mairie\nRéunion annuelle';
		expect(formatExampleActions(parseExampleActions(text).actions)).toBe(text);
	});

	it('refuses the form with a French field error naming the line, and stores tagged indicators', () => {
		const form = new FormData();
		for (const [name, value] of Object.entries({
			kind: 'profil_type',
			title: 'Profil',
			summary: 'Résumé',
			profileNature: 'rural',
			profilePopulationMin: '5000',
			profileProfessionalsMin: '10',
			profileExampleActions: 'Prévention : Ateliers\nHygiène : Lavage des mains',
			profileIndicators: 'Parcours : Taux de réhospitalisation\nNombre de réunions'
		})) {
			form.set(name, value);
		}
		const refused = parseForm(resourceFormSchema([]), form, RESOURCE_ARRAY_FIELDS);
		expect(refused.ok).toBe(false);
		if (refused.ok) return;
		const message = fieldErrorText((key, params) => translate('fr', key, params), refused.errors.profileExampleActions);
		expect(message).toBe(
			'Ligne 2\u00a0: «\u00a0Hygiène\u00a0» n’est pas une mission. Commencez la ligne par une mission (Accès aux soins, Parcours, Prévention, Crises sanitaires, Qualité, Accompagnement) suivie de deux-points, ou retirez ce préfixe.'
		);
		expect(refused.values.profileExampleActions).toContain('Hygiène');

		form.set('profileExampleActions', 'Prévention : Ateliers');
		const accepted = parseForm(resourceFormSchema([]), form, RESOURCE_ARRAY_FIELDS);
		expect(accepted.ok && accepted.data.profile).toMatchObject({
			exampleActions: [{ action: 'Ateliers', partners: '', mission: 'prevention' }],
			indicators: [{ text: 'Taux de réhospitalisation', mission: 'parcours' }, { text: 'Nombre de réunions' }]
		});
	});
});
