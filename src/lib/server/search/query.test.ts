import { describe, expect, it } from 'vitest';
import { normalizedWords, searchQueryText } from './query';
import { PROFESSION_FORMS, THESAURUS } from './thesaurus';

describe('searchQueryText', () => {
	it('joins the parts of a hyphenated word into one phrase, whatever its number', () => {
		expect(searchQueryText('e-santé')).toBe(`'e santé'`);
		expect(searchQueryText('sage-femme')).toContain(`'sages femmes'`);
		expect(searchQueryText('sages-femmes')).toBe(searchQueryText('sage-femme'));
		// Between digits a hyphen stays: the parser reads dates and codes whole.
		expect(searchQueryText('2024-05-01')).toBe(`'2024-05-01'`);
	});

	it('gives every gender and number of a profession for any of them', () => {
		const nurse = searchQueryText('infirmier');
		for (const form of ['infirmier', 'infirmière', 'infirmiers', 'infirmières', 'IDE']) expect(nurse).toContain(`'${form}'`);
		for (const typed of ['Infirmières', 'infirmiere', 'IDE']) expect(searchQueryText(typed)).toBe(nurse);
		expect(searchQueryText('kiné')).toContain(`'kinésithérapeute'`);
		expect(searchQueryText('masseur-kinésithérapeute')).toBe(searchQueryText('kiné'));
	});

	it('puts abbreviations beside what they stand for, both ways, as phrases', () => {
		expect(searchQueryText('SNP')).toBe(`( 'SNP' | 'soins non programmés' | 'soin non programmé' )`);
		expect(searchQueryText('soins non programmés')).toBe(searchQueryText('SNP'));
		expect(searchQueryText('CPTS rurale')).toMatch(/^\( 'CPTS' \| 'communauté professionnelle territoriale de santé' .*\) & 'rurale'$/);
	});

	it('never adds an ambiguous abbreviation to the other meaning', () => {
		expect(searchQueryText('ETP')).toContain(`'éducation thérapeutique'`);
		expect(searchQueryText('ETP')).toContain(`'équivalent temps plein'`);
		expect(searchQueryText('éducation thérapeutique')).toBe(`( 'éducation thérapeutique' )`);
		expect(searchQueryText('médecin généraliste')).not.toContain(`'MG'`);
	});

	it('keeps the websearch syntax: or, exclusion, quoted phrases', () => {
		expect(searchQueryText('diabète or asthme')).toBe(`'diabète' | 'asthme'`);
		expect(searchQueryText('diabète ou asthme')).toBe(`'diabète' | 'asthme'`);
		expect(searchQueryText('diabète -kiné')).toMatch(/^'diabète' & !\( 'kinésithérapeute'/);
		expect(searchQueryText('"soins palliatifs" -"fin de vie"')).toBe(`'soins palliatifs' & !'fin de vie'`);
		// In quotes, words are taken as typed.
		expect(searchQueryText('"kiné à domicile"')).toBe(`'kiné à domicile'`);
	});

	it('keeps the other parts of a word holding a form', () => {
		expect(searchQueryText('l’infirmière')).toMatch(/^'l' & \( 'infirmier'/);
		expect(searchQueryText('kiné-tape')).toMatch(/& 'tape'$/);
	});

	it('lets nothing typed become an operator', () => {
		// Every operand is quoted: « <2> » is the number 2 for the parser, not a distance.
		expect(searchQueryText(`a'b\\c :* & | !( <-> <2>`)).toBe(`'a b c' & '<2>'`);
		for (const empty of ['', 'or', '-', '""', '& | !']) expect(searchQueryText(empty)).toBe('');
	});
});

describe('thesaurus', () => {
	it('has no form written twice in one entry, and no entry without forms', () => {
		for (const entry of THESAURUS) {
			const keys = entry.forms.map((form) => normalizedWords(form).join(' '));
			expect(new Set(keys).size, entry.meaning).toBe(keys.length);
			expect(keys.every((key) => key.length > 0), entry.meaning).toBe(true);
		}
		expect(Object.keys(PROFESSION_FORMS).length).toBeGreaterThan(10);
	});
});
