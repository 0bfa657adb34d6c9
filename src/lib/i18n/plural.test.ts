import { describe, expect, it } from 'vitest';
import { catalogues, translate } from './catalogue.server';
import { fillTemplate } from './locale';

const sessions = '{count, plural, =0 {aucune session} one {# session} other {# sessions}}';
const seats = '{count, plural, one {# place restante} other {# places restantes}} sur {capacity}';

describe('plural messages', () => {
	it('treats 0 and 1 as singular in French, only 1 in English', () => {
		const votes = { fr: '{count, plural, one {# vote} other {# votes}}', en: '{count, plural, one {# vote} other {# votes}}' };
		expect([0, 1, 2].map((count) => fillTemplate('fr', votes.fr, { count }))).toEqual(['0 vote', '1 vote', '2 votes']);
		expect([0, 1, 2].map((count) => fillTemplate('en', votes.en, { count }))).toEqual(['0 votes', '1 vote', '2 votes']);
	});

	it('prefers an exact =n branch over the category', () => {
		expect(fillTemplate('fr', sessions, { count: 0 })).toBe('aucune session');
		expect(fillTemplate('fr', sessions, { count: 1 })).toBe('1 session');
		expect(fillTemplate('fr', sessions, { count: 5 })).toBe('5 sessions');
	});

	it('formats the number for the locale and fills the other placeholders, inside and outside the branch', () => {
		expect(fillTemplate('fr', seats, { count: 1234, capacity: 2000 })).toBe('1\u202f234 places restantes sur 2\u202f000');
		expect(fillTemplate('en', '{n, plural, one {# reply from {name}} other {# replies, the last from {name}}}', { n: 3, name: 'Anne' })).toBe(
			'3 replies, the last from Anne'
		);
	});

	it('falls back to other for a category the message does not spell (French « many » for a million)', () => {
		expect(fillTemplate('fr', '{count, plural, one {# membre} other {# membres}}', { count: 1_000_000 })).toBe('1\u202f000\u202f000 membres');
	});

	it('accepts a count given as a numeric string, and leaves a block alone when its number is missing', () => {
		expect(fillTemplate('fr', sessions, { count: '2' })).toBe('2 sessions');
		expect(fillTemplate('fr', `${sessions} ({other})`, { other: 'x' })).toBe(`${sessions} (x)`);
	});

	it('keeps simple placeholders as before, unknown names as they are', () => {
		expect(fillTemplate('fr', 'Bonjour {name}, {missing}', { name: 'Anne' })).toBe('Bonjour Anne, {missing}');
		expect(fillTemplate('en', 'no params {name}')).toBe('no params {name}');
	});

	it('has one mechanism: no catalogue key is a `.one` / `.other` pair', () => {
		const pairs = Object.values(catalogues).flatMap(({ fr }) =>
			Object.keys(fr).filter((key) => key.endsWith('.one') && `${key.slice(0, -'.one'.length)}.other` in fr)
		);
		expect(pairs).toEqual([]);
	});

	it('says the counted phrases of the personal space and the announcements in full', () => {
		const counts = [0, 1, 2];
		expect(counts.map((count) => translate('fr', 'espace.awaits.requests', { count, cpts: 'CPTS Sud' }))).toEqual([
			'0 demande d’adhésion à examiner pour CPTS Sud',
			'1 demande d’adhésion à examiner pour CPTS Sud',
			'2 demandes d’adhésion à examiner pour CPTS Sud'
		]);
		expect(counts.map((count) => translate('en', 'espace.awaits.marks', { count }))).toEqual([
			'Attendance to complete (0 marks missing)',
			'Attendance to complete (1 mark missing)',
			'Attendance to complete (2 marks missing)'
		]);
		expect(translate('fr', 'espace.drafts.all', { count: 3 })).toBe('Voir mes 3 projets');
		expect(translate('fr', 'announcements.sentTo.region', { count: 1, region: 'Bretagne' })).toBe('À 1 coordinateur ou coordinatrice de la région Bretagne');
		expect(translate('fr', 'announcements.sentTo.region', { count: 12, region: 'Bretagne' })).toBe('Aux 12 coordinateurs et coordinatrices de la région Bretagne');
		expect(translate('en', 'announcements.sent', { count: 1 })).toBe('Announcement sent to 1 person.');
		expect(translate('en', 'announcements.sent', { count: 4 })).toBe('Announcement sent to 4 people.');
	});
});
