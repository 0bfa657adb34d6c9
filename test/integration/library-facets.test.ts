/**
 * Facet counts checked against a plain model: random resources, random selections, and for
 * every facet value the number of visible matches that pass every *other* selected facet.
 * Without words, with a word (counted in library_search_rows) and with a phrase (counted in
 * library_search_vectors, where a title holding both words apart is not a match), for
 * anonymous visitors and signed-in readers.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { MISSIONS, RESOURCE_KINDS } from '../../src/lib/domain/library';
import { PROFESSIONS, TERRITORY_NATURES } from '../../src/lib/domain/professions';
import { parseSearchQuery, type SearchQuery } from '../../src/lib/server/library/forms';
import { FACETS, searchLibrary, type FacetName } from '../../src/lib/server/library/search';
import { useTestDatabase } from '../helpers/db';
import { makeResource } from '../helpers/factories';

const testDb = useTestDatabase();
const REGIONS = ['44', '84', '11', '24'];
const SIZE_BANDS = ['1', '2', '3', '4'];

/** A seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let value = Math.imul(state ^ (state >>> 15), state | 1);
		value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
		return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
	};
}
const next = random(20_261_129);
const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)];
const some = <T>(values: readonly T[], most: number): T[] => [...new Set(Array.from({ length: Math.floor(next() * (most + 1)) }, () => pick(values)))];

interface Modelled {
	id: string;
	kinds: string[];
	natures: string[];
	sizeBands: string[];
	missions: string[];
	professions: string[];
	regions: string[];
	matchesWord: boolean;
	matchesPhrase: boolean;
	published: boolean;
	public: boolean;
}
const resources: Modelled[] = [];

beforeAll(async () => {
	for (let index = 0; index < 90; index += 1) {
		const kind = pick(RESOURCE_KINDS);
		const natures = some(TERRITORY_NATURES, 2);
		const sizeBands = some([1, 2, 3, 4], 2);
		const missions = some(MISSIONS, 3);
		const professions = some(PROFESSIONS, 4);
		const regionCode = next() < 0.3 ? null : pick(REGIONS);
		const matchesWord = next() < 0.6;
		const matchesPhrase = matchesWord && next() < 0.7;
		const status = next() < 0.85 ? 'published' : 'draft';
		const visibility = next() < 0.85 ? 'public' : 'members_only';
		const { id } = await makeResource(testDb.db, {
			kind,
			natures,
			sizeBands,
			missions,
			professions,
			regionCode,
			status,
			visibility,
			title: matchesPhrase
				? `Télésurveillance et parcours ${index}`
				: matchesWord
					? `Parcours de télésurveillance ${index}`
					: `Ressource ${index}`,
			summary: 'Un résumé.',
			body: 'Un texte sans le mot cherché.'
		});
		resources.push({
			id,
			kinds: [kind],
			natures,
			sizeBands: sizeBands.map(String),
			missions,
			professions,
			regions: regionCode ? [regionCode] : [],
			matchesWord,
			matchesPhrase,
			published: status === 'published',
			public: visibility === 'public'
		});
	}
});

const allValues: Record<FacetName, readonly string[]> = {
	kinds: RESOURCE_KINDS,
	natures: TERRITORY_NATURES,
	sizeBands: SIZE_BANDS,
	missions: MISSIONS,
	professions: PROFESSIONS,
	regions: REGIONS
};

describe('library facet counts', () => {
	it('match a plain model for random selections, without words, with a word and with a phrase', async () => {
		for (let round = 0; round < 45; round += 1) {
			const selection: Record<FacetName, string[]> = Object.fromEntries(
				FACETS.map((facet) => [facet, next() < 0.35 ? some(allValues[facet], 2) : []])
			) as Record<FacetName, string[]>;
			const words = pick(['', 'télésurveillance', '"télésurveillance et parcours"'] as const);
			// Anonymous visitors count public resources only; signed-in readers members-only ones too.
			const viewer = next() < 0.5 ? null : { id: 'lecteur', roles: [] as never[] };
			const query: SearchQuery = {
				...parseSearchQuery(new URLSearchParams(), REGIONS),
				q: words,
				kinds: selection.kinds as SearchQuery['kinds'],
				natures: selection.natures as SearchQuery['natures'],
				sizeBands: selection.sizeBands.map(Number),
				missions: selection.missions as SearchQuery['missions'],
				professions: selection.professions as SearchQuery['professions'],
				regions: selection.regions
			};
			const result = await searchLibrary(testDb.db, viewer, query, REGIONS);

			const candidates = resources.filter(
				(resource) =>
					resource.published &&
					(viewer !== null || resource.public) &&
					(words === '' || (words.startsWith('"') ? resource.matchesPhrase : resource.matchesWord))
			);
			const passes = (resource: Modelled, facet: FacetName) =>
				selection[facet].length === 0 || selection[facet].some((value) => resource[facet].includes(value));
			const expectedHits = candidates.filter((resource) => FACETS.every((facet) => passes(resource, facet)));
			expect(result.total, `round ${round}`).toBe(expectedHits.length);
			// The first page: distinct matches that pass every filter.
			const hitIds = result.hits.map((hit) => hit.id);
			expect(new Set(hitIds).size, `round ${round}, page`).toBe(Math.min(expectedHits.length, 20));
			expect(hitIds.filter((id) => !expectedHits.some((resource) => resource.id === id)), `round ${round}, page`).toEqual([]);
			for (const facet of FACETS) {
				const counted = candidates.filter((resource) => FACETS.every((other) => other === facet || passes(resource, other)));
				const expected = allValues[facet]
					.map((value) => ({ value, count: counted.filter((resource) => resource[facet].includes(value)).length }))
					.filter((entry) => entry.count > 0 || selection[facet].includes(entry.value));
				const actual = result.facets[facet].map(({ value, count }) => ({ value, count }));
				expect(new Set(actual.map((entry) => JSON.stringify(entry))), `round ${round}, ${facet}`).toEqual(
					new Set(expected.map((entry) => JSON.stringify(entry)))
				);
			}
		}
	});
});
