/**
 * The profils-types list the partners a CPTS works with today: since 2022 the PTA, the MAIA
 * and (where the département chose it) the CLIC are one dispositif d'appui à la coordination
 * (DAC). A current partner list that names them without the DAC is out of date.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_PROFILES } from './library-profiles';

const formerSchemes = /\b(PTA|CLIC|MAIA)\b/;

describe('partners named by the demo profils-types', () => {
	it('name the DAC, never the PTA, CLIC or MAIA alone', () => {
		const lists = DEMO_PROFILES.flatMap((resource) => [
			...(resource.profile?.partners ?? []),
			...(resource.profile?.exampleActions ?? []).map((example) => example.partners),
			...(resource.profile?.stakes ?? []),
			resource.profile?.coordinationWorkload ?? ''
		]);
		expect(lists.length).toBeGreaterThan(20);
		const outdated = lists.filter((text) => formerSchemes.test(text) && !text.includes('DAC'));
		expect(outdated).toEqual([]);
		expect(lists.some((text) => text.includes('DAC'))).toBe(true);
	});
});
