import { describe, expect, it } from 'vitest';
import { distinctHandles, extractMentions, handleOf, matchHandles } from './mentions';

describe('the @mention rule shared by forum posts and draft comments', () => {
	const people = [
		{ id: 'k3f9aaaa', name: 'Camille Martin' },
		{ id: 'z8q1bbbb', name: 'Camille Martin' },
		{ id: 'a1b2cccc', name: 'Hélène Lefèvre-Dupont' }
	].map((person) => ({ ...person, handle: handleOf(person) }));

	it('reads handles outside code, accents folded, ten at most', () => {
		expect(extractMentions('Merci @Hélène-Lefèvre-Dupont et `@pas-ici` ; mail a@b.fr')).toEqual(['helene-lefevre-dupont']);
		expect(extractMentions(Array.from({ length: 12 }, (_, index) => `@personne-${index}`).join(' '))).toHaveLength(10);
	});

	it('suffixes a shared name with the id, and resolves either form to one person only', () => {
		expect(distinctHandles(people).map((person) => person.handle)).toEqual(['camille-martin-k3f9', 'camille-martin-z8q1', 'helene-lefevre-dupont']);
		expect(matchHandles(['camille-martin-z8q1', 'helene-lefevre-dupont'], people).userIds).toEqual(new Set(['z8q1bbbb', 'a1b2cccc']));
		// Two people answer to the bare handle: it names nobody.
		expect(matchHandles(['camille-martin', 'inconnue'], people)).toEqual({ userIds: new Set(), unknown: ['camille-martin', 'inconnue'] });
	});
});
