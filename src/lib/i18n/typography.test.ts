/**
 * French as a proofreader would have it, over the whole catalogue: typographic apostrophes,
 * a non-breaking space (U+00A0, or the thin U+202F) before « ; : ! ? » and inside « »; and in
 * both locales, words written in full (« 3 sessions », never « session(s) »: plural messages).
 */
import { describe, expect, it } from 'vitest';
import { catalogues } from './catalogue.server';

const NBSP = '[\u00a0\u202f]';
/** What a French message must not contain, with what to write instead. */
const FRENCH_RULES: { pattern: RegExp; says: string }[] = [
	{ pattern: /'/, says: 'apostrophe droite : écrire ’' },
	// A sign that ends a clause (followed by a space, a quote, a bracket or the end), not one of
	// "https://", "09:05" or "?page=".
	{ pattern: new RegExp(`(?<!${NBSP})[;:!?](?=[\\s»)\\]}]|$)`), says: 'espace insécable attendue avant ; : ! ?' },
	{ pattern: new RegExp(`«(?!${NBSP})`), says: 'espace insécable attendue après «' },
	{ pattern: new RegExp(`(?<!${NBSP})»`), says: 'espace insécable attendue avant »' },
	{ pattern: / [\u00a0\u202f]|[\u00a0\u202f] /, says: 'espace ordinaire à côté d’une insécable' }
];
const UNSPELT_PLURAL = /\p{L}\((?:s|e|es|x|ies)\)|·e\(s\)/u;

function violations(messages: Record<string, string>, rules: { pattern: RegExp; says: string }[]): string[] {
	return Object.entries(messages).flatMap(([key, value]) => rules.filter(({ pattern }) => pattern.test(value)).map(({ says }) => `${key} — ${says} : ${value}`));
}

describe('the catalogue’s typography', () => {
	for (const [group, { fr, en }] of Object.entries(catalogues)) {
		it(`${group} : French follows French typography`, () => {
			expect(violations(fr, FRENCH_RULES)).toEqual([]);
		});
		it(`${group}: no « (s) » in either locale`, () => {
			const rule = [{ pattern: UNSPELT_PLURAL, says: 'plural written « (s) »: use {count, plural, …}' }];
			expect([...violations(fr, rule), ...violations(en as Record<string, string>, rule)]).toEqual([]);
		});
	}

	it('catches what it is meant to catch', () => {
		const samples = {
			apostrophe: "l'équipe",
			colon: 'Date : demain',
			glued: 'Bravo!',
			quotes: '« mot »',
			fine: 'Date\u00a0: demain\u202f! l’équipe, https://exemple.fr?page=2 à 09:05 «\u00a0mot\u00a0»'
		};
		expect(violations(samples, FRENCH_RULES).map((line) => line.split(' — ')[0])).toEqual(['apostrophe', 'colon', 'glued', 'quotes', 'quotes']);
	});
});
