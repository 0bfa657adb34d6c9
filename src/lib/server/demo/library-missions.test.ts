/**
 * Every example action and indicator of the demo profils-types names the mission it serves,
 * so that the projet de santé seeded from them puts it under that mission. The only ones
 * left « à rattacher » count the CPTS's own members: they follow its functioning, no mission.
 */
import { describe, expect, it } from 'vitest';
import { profileIndicators } from '../../domain/library';
import { DEMO_PROFILES } from './library-profiles';

const functioningIndicator = /^Nombre de (professions|professionnels adhérents)/;

describe('missions of the demo profils-types', () => {
	const profiles = DEMO_PROFILES.flatMap((resource) => (resource.profile ? [resource.profile] : []));

	it('tag every example action and every indicator but those about the CPTS’s membership', () => {
		expect(profiles.length).toBeGreaterThan(10);
		for (const profile of profiles) {
			for (const action of profile.exampleActions) expect(action.mission, action.action).toBeDefined();
			for (const indicator of profileIndicators(profile)) {
				if (!functioningIndicator.test(indicator.text)) expect(indicator.mission, indicator.text).toBeDefined();
			}
		}
	});

	it('tags them with the mission they belong to', () => {
		const actions = new Map(profiles.flatMap((profile) => profile.exampleActions.map((entry) => [entry.action, entry.mission])));
		const indicators = new Map(profiles.flatMap((profile) => profileIndicators(profile).map((entry) => [entry.text, entry.mission])));
		expect(actions.get('Ateliers de prévention des chutes')).toBe('prevention');
		expect(actions.get('Cellule de crise épidémique de la CPTS')).toBe('crises_sanitaires');
		expect(actions.get('Accueil d’internes et de stagiaires')).toBe('accompagnement_professionnels');
		expect(indicators.get('Taux de réhospitalisation à 30 jours des plus de 75 ans')).toBe('parcours');
		expect(indicators.get('Délai d’activation de l’organisation de crise')).toBe('crises_sanitaires');
		expect(indicators.get('Part des patients sans médecin traitant')).toBe('acces_soins');
	});
});
