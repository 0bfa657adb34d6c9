import { beforeAll, describe, expect, it } from 'vitest';
import { parseSearchQuery, MAX_QUERY_LENGTH, type ResourceInput, type SearchQuery } from '../../src/lib/server/library/forms';
import { parseHeadline, searchLibrary } from '../../src/lib/server/library/search';
import { useTestDatabase } from '../helpers/db';
import { makeResource, makeUser } from '../helpers/factories';

const testDb = useTestDatabase();
const REGIONS = ['44', '84', '11', '04'];

const query = (overrides: Partial<SearchQuery> = {}): SearchQuery => ({
	...parseSearchQuery(new URLSearchParams(), REGIONS),
	...overrides
});

const member = { id: 'lecteur', roles: [] as never[] };

beforeAll(async () => {
	await makeResource(testDb.db, {
		title: 'Soins non programmés en zone rurale : un planning partagé',
		summary: 'Des créneaux de soin non programmé répartis entre cinq cabinets.',
		body: 'Le soir, chaque cabinet garde un créneau. La régulation oriente les patients.',
		kind: 'bonne_pratique',
		natures: ['rural'],
		sizeBands: [1],
		missions: ['acces_soins'],
		professions: ['medecin_generaliste'],
		regionCode: '44'
	});
	await makeResource(testDb.db, {
		title: 'Journée de prévention du diabète',
		summary: 'Dépistage et ateliers avec les pharmacies.',
		body: 'La prévention passe par des ateliers. Les soins de suite sont organisés avec les infirmiers.',
		kind: 'retour_experience',
		natures: ['periurbain', 'rural'],
		sizeBands: [2],
		missions: ['prevention'],
		professions: ['pharmacien', 'infirmier'],
		regionCode: '84'
	});
	await makeResource(testDb.db, {
		title: 'Lien ville-hôpital en métropole',
		summary: 'Sorties d’hospitalisation préparées avec le service des urgences.',
		body: 'Un programme pour les soins non programmés des patients âgés, en lien avec les urgences.',
		kind: 'bonne_pratique',
		natures: ['urbain_dense'],
		sizeBands: [3, 4],
		missions: ['parcours', 'acces_soins'],
		professions: ['medecin_generaliste', 'infirmier'],
		regionCode: '84'
	});
	await makeResource(testDb.db, {
		title: 'Outil réservé : tableau de bord des soins non programmés',
		summary: 'Modèle de tableau pour suivre les créneaux.',
		kind: 'outil_modele',
		visibility: 'members_only',
		natures: ['rural'],
		missions: ['acces_soins']
	});
	await makeResource(testDb.db, {
		title: 'Brouillon sur les soins non programmés',
		summary: 'Pas encore publié.',
		status: 'draft',
		natures: ['rural']
	});
	await makeResource(testDb.db, {
		title: 'Archive sur les soins non programmés',
		summary: 'Retirée.',
		status: 'archived',
		publishedAt: new Date(),
		natures: ['rural']
	});
});

describe('library search: French full text', () => {
	it('finds "prévention" from "prevention" and "soin non programmé" from "soins non programmés"', async () => {
		const prevention = await searchLibrary(testDb.db, null, query({ q: 'prevention' }), REGIONS);
		expect(prevention.hits.map((hit) => hit.title)).toEqual(['Journée de prévention du diabète']);

		const unscheduled = await searchLibrary(testDb.db, null, query({ q: 'soins non programmés' }), REGIONS);
		const titles = unscheduled.hits.map((hit) => hit.title);
		expect(titles).toContain('Soins non programmés en zone rurale : un planning partagé');
		expect(titles).toContain('Lien ville-hôpital en métropole');
		// A title match ranks above a body-only match.
		expect(titles[0]).toBe('Soins non programmés en zone rurale : un planning partagé');
		// Never drafts or archives; members-only only for signed-in users.
		expect(titles.some((title) => /Brouillon|Archive|réservé/.test(title))).toBe(false);
		expect(unscheduled.total).toBe(2);

		const signedIn = await searchLibrary(testDb.db, member, query({ q: 'soin non programme' }), REGIONS);
		expect(signedIn.hits.map((hit) => hit.title)).toContain('Outil réservé : tableau de bord des soins non programmés');
		expect(signedIn.total).toBe(3);
	});

	it('highlights the matched words in a snippet made of text parts only', async () => {
		const result = await searchLibrary(testDb.db, null, query({ q: 'prevention ateliers' }), REGIONS);
		const snippet = result.hits[0].snippet!;
		expect(snippet.filter((part) => part.match).map((part) => part.text.toLowerCase())).toEqual(
			expect.arrayContaining(['prévention', 'ateliers'])
		);
		expect(snippet.map((part) => part.text).join('')).toContain('Dépistage');
		expect(parseHeadline('a \u2063[[b]]\u2063 c')).toEqual([
			{ text: 'a ', match: false },
			{ text: 'b', match: true },
			{ text: ' c', match: false }
		]);
	});

	it('supports phrases, alternatives and exclusions of websearch syntax', async () => {
		const phrase = await searchLibrary(testDb.db, null, query({ q: '"soins non programmés"' }), REGIONS);
		expect(phrase.total).toBe(2);
		const excluded = await searchLibrary(testDb.db, null, query({ q: 'soins non programmés -urgences' }), REGIONS);
		expect(excluded.hits.map((hit) => hit.title)).toEqual(['Soins non programmés en zone rurale : un planning partagé']);
		const either = await searchLibrary(testDb.db, null, query({ q: 'diabète or métropole' }), REGIONS);
		expect(either.total).toBe(2);
	});
});

describe('library search: facets', () => {
	it('filters by facets (OR inside a facet, AND between facets) and counts each value', async () => {
		const rural = await searchLibrary(testDb.db, null, query({ q: 'soins non programmés', natures: ['rural'] }), REGIONS);
		expect(rural.hits.map((hit) => hit.title)).toEqual(['Soins non programmés en zone rurale : un planning partagé']);
		// The selected facet is counted without its own filter, so other natures stay offered.
		expect(rural.facets.natures).toEqual([
			{ value: 'rural', count: 1, selected: true },
			{ value: 'urbain_dense', count: 1, selected: false }
		]);
		// The other facets count within the filtered results.
		expect(rural.facets.kinds).toEqual([{ value: 'bonne_pratique', count: 1, selected: false }]);
		expect(rural.facets.regions).toEqual([{ value: '44', count: 1, selected: false }]);

		const browse = await searchLibrary(testDb.db, null, query({ missions: ['acces_soins', 'prevention'] }), REGIONS);
		expect(browse.total).toBe(3);
		const both = await searchLibrary(testDb.db, null, query({ missions: ['acces_soins'], regions: ['84'], sizeBands: [4] }), REGIONS);
		expect(both.hits.map((hit) => hit.title)).toEqual(['Lien ville-hôpital en métropole']);
		expect(both.facets.sizeBands.map((entry) => [entry.value, entry.count, entry.selected])).toEqual([
			['3', 1, false],
			['4', 1, true]
		]);
		const professions = await searchLibrary(testDb.db, null, query({ professions: ['pharmacien'] }), REGIONS);
		expect(professions.hits.map((hit) => hit.title)).toEqual(['Journée de prévention du diabète']);
	});

	it('reads facets from the URL and drops unknown values', () => {
		const parsed = parseSearchQuery(
			new URLSearchParams('q=  soins  &type=profil_type&type=inconnu&nature=rural&taille=2&taille=9&mission=prevention&region=99&region=44&page=-3'),
			REGIONS
		);
		expect(parsed).toEqual({
			q: 'soins',
			kinds: ['profil_type'],
			natures: ['rural'],
			sizeBands: [2],
			missions: ['prevention'],
			professions: [],
			regions: ['44'],
			page: 1
		});
	});
});

describe('library search: hostile input', () => {
	const hostile = [
		'soins & | ! ( )',
		"'; drop table library_resources; --",
		'"soins non',
		'""""',
		'é',
		'´ ` ^ ¨',
		':*',
		'-',
		'OR OR OR',
		'le la les de',
		'<script>alert(1)</script>',
		'\u0000\u0007soins',
		'soins'.repeat(1000),
		'é '.repeat(2500),
		'x'.repeat(5000)
	];

	it.each(hostile.map((text) => [text.slice(0, 40), text]))('answers %j without error', async (_label, text) => {
		const result = await searchLibrary(testDb.db, member, query({ q: text }), REGIONS);
		expect(result.total).toBeGreaterThanOrEqual(0);
		expect(result.query.q.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
	});

	it('says when nothing searchable was typed, and pages beyond the end are empty', async () => {
		const stopWords = await searchLibrary(testDb.db, null, query({ q: '- ! ( )' }), REGIONS);
		expect(stopWords.noSearchableWords).toBe(true);
		expect(stopWords.hits).toEqual([]);
		const far = await searchLibrary(testDb.db, null, query({ q: 'soins', page: 40 }), REGIONS);
		expect(far.hits).toEqual([]);
		expect(far.total).toBeGreaterThan(0);
	});

	it('renders a searched title with markup as text, not as HTML', async () => {
		const author = await makeUser(testDb.db);
		await makeResource(testDb.db, {
			authorId: author.id,
			title: '<img src=x onerror=alert(1)> Canicule',
			summary: 'Plan <script>alert(1)</script> canicule pour les EHPAD.',
			body: 'Fiche canicule <b onmouseover=alert(1)>chaleur</b>'
		});
		const result = await searchLibrary(testDb.db, null, query({ q: 'canicule' }), REGIONS);
		expect(result.hits).toHaveLength(1);
		// Snippets are text parts: the page renders them as text nodes.
		const text = result.hits[0].snippet!.map((part) => part.text).join('');
		expect(text).toContain('Plan');
		expect(result.hits[0].snippet!.every((part) => typeof part.text === 'string')).toBe(true);
	});
});

/** A tool published by a facilitator through the feature (what makes it forget kept facet counts). */
async function publishThroughFeature(title: string, natures: ResourceInput['natures'] = []) {
	const { createResource, publishResource, submitResource } = await import('../../src/lib/server/library/resources');
	const facilitator = await makeUser(testDb.db, { roles: ['facilitator'] });
	const curator = { id: facilitator.id, roles: facilitator.roles };
	const draft = await createResource(testDb.db, curator, {
		kind: 'outil_modele',
		title,
		summary: 'Résumé.',
		body: '',
		natures,
		sizeBands: [],
		missions: [],
		professions: [],
		regionCode: null,
		visibility: 'public',
		profile: null
	});
	await submitResource(testDb.db, curator, draft.id);
	await publishResource(testDb.db, curator, draft.id);
}

describe('library search: facet counts kept a few seconds', () => {
	it('keeps a search’s counts per reader class, never its results, and forgets them when a resource is published', async () => {
		const { forgetFacetCounts } = await import('../../src/lib/server/library/facet-cache');
		forgetFacetCounts();
		await makeResource(testDb.db, { title: 'Téléexpertise dermatologique', natures: ['rural'] });
		await makeResource(testDb.db, { title: 'Téléexpertise en EHPAD', natures: ['rural'] });
		await makeResource(testDb.db, { title: 'Téléexpertise : annuaire réservé', visibility: 'members_only', natures: ['rural'] });
		const words = query({ q: 'téléexpertise' });
		expect((await searchLibrary(testDb.db, null, words, REGIONS)).total).toBe(2);
		// Readers of the other class are never given those counts.
		const signedIn = await searchLibrary(testDb.db, member, words, REGIONS);
		expect(signedIn.total).toBe(3);
		expect(signedIn.facets.natures).toEqual([{ value: 'rural', count: 3, selected: false }]);
		// Written behind the feature's back: the kept counts do not see it, the results do.
		await makeResource(testDb.db, { title: 'Téléexpertise insérée directement', natures: ['rural'] });
		const kept = await searchLibrary(testDb.db, null, words, REGIONS);
		expect(kept.total).toBe(2);
		expect(kept.hits).toHaveLength(3);
		// A publication through the feature refreshes them.
		await publishThroughFeature('Téléexpertise : modèle de convention', ['rural']);
		const fresh = await searchLibrary(testDb.db, null, words, REGIONS);
		expect(fresh.total).toBe(4);
		expect(fresh.facets.natures).toEqual([{ value: 'rural', count: 4, selected: false }]);
	});
});

describe('library search: front page facet cache', () => {
	it('keeps the unfiltered browse counts for a while and forgets them when a resource is published', async () => {
		const { forgetFacetCounts } = await import('../../src/lib/server/library/facet-cache');
		forgetFacetCounts();
		const before = await searchLibrary(testDb.db, null, query(), REGIONS);
		// Written behind the feature's back: the cached counts do not see it…
		await makeResource(testDb.db, { title: 'Insérée directement', kind: 'analyse_litterature' });
		const cached = await searchLibrary(testDb.db, null, query(), REGIONS);
		expect(cached.total).toBe(before.total);
		expect(cached.hits).toHaveLength(Math.min(before.total + 1, 20));
		// …but a publication through the feature refreshes them.
		await publishThroughFeature('Modèle publié par l’animatrice');
		const fresh = await searchLibrary(testDb.db, null, query(), REGIONS);
		expect(fresh.total).toBe(before.total + 2);
		expect(fresh.facets.kinds.find((entry) => entry.value === 'analyse_litterature')?.count).toBe(1);
	});
});
