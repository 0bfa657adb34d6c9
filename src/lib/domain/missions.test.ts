import { describe, expect, it } from 'vitest';
import { translate } from '../i18n';
import { MISSIONS as LIBRARY_MISSIONS } from './library';
import { MISSION_DEFINITIONS, MISSIONS, OPTIONAL_MISSIONS, SOCLE_MISSIONS, missionDefinition } from './missions';

describe('ACI missions', () => {
	it('has four socle missions and two optional ones, every code defined once', () => {
		expect(SOCLE_MISSIONS).toEqual(['acces_soins', 'parcours', 'prevention', 'crises_sanitaires']);
		expect(OPTIONAL_MISSIONS).toEqual(['qualite_pertinence', 'accompagnement_professionnels']);
		expect(MISSION_DEFINITIONS.map((entry) => entry.code).sort()).toEqual([...MISSIONS].sort());
		expect(LIBRARY_MISSIONS).toBe(MISSIONS);
	});

	it('makes crises sanitaires graves socle since amendment 2', () => {
		expect(missionDefinition('crises_sanitaires')).toMatchObject({ kind: 'socle', source: 'aci_avenant_2' });
		expect(translate('fr', 'mission.source.aci_avenant_2')).toContain('décembre 2021');
	});

	it('gives access to care its three parts', () => {
		expect(missionDefinition('acces_soins').parts).toEqual(['medecin_traitant', 'soins_non_programmes', 'telesante']);
	});

	it('gives every mission, part and source a readable label in both locales', () => {
		for (const locale of ['fr', 'en'] as const) {
			for (const entry of MISSION_DEFINITIONS) {
				for (const key of [`mission.${entry.code}`, `mission.source.${entry.source}`, ...entry.parts.map((part) => `mission.part.${part}`)]) {
					expect(translate(locale, key), key).not.toBe(key);
				}
			}
		}
		expect(translate('fr', 'mission.source.aci_2019')).toContain('2019');
	});
});
