import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { libraryResources, libraryRevisions } from '../../src/lib/server/db/schema';
import { DEMO_LIBRARY, seedLibraryDemo } from '../../src/lib/server/demo/library';
import { buildAtomFeed } from '../../src/lib/server/library/feed';
import { parseSearchQuery } from '../../src/lib/server/library/forms';
import { closeness, matchProfiles, scoreProfile, targetFromCpts } from '../../src/lib/server/library/matching';
import { searchLibrary } from '../../src/lib/server/library/search';
import { TERRITORY_NATURES } from '../../src/lib/domain/professions';
import { useTestDatabase } from '../helpers/db';
import { makeCpts, makeProfile, makeResource, makeUser } from '../helpers/factories';

const testDb = useTestDatabase();
const REGIONS = ['44', '84', '11', '24'];

let authorId: string;

beforeAll(async () => {
	const facilitator = await makeUser(testDb.db, { roles: ['facilitator'], name: 'Sophie Lambert' });
	const member = await makeUser(testDb.db);
	authorId = facilitator.id;
	const first = await seedLibraryDemo(testDb.db, { authorId, reviewerId: facilitator.id, proposerId: member.id });
	expect(first.inserted).toBe(DEMO_LIBRARY.length + 1);
});

describe('library demo content', () => {
	it('is idempotent and gives every resource its first revision', async () => {
		const again = await seedLibraryDemo(testDb.db, { authorId, proposerId: null });
		expect(again).toEqual({ inserted: 0, alreadyThere: DEMO_LIBRARY.length });
		const rows = await testDb.db.select({ id: libraryResources.id }).from(libraryResources);
		const revisions = await testDb.db.select({ id: libraryRevisions.resourceId }).from(libraryRevisions);
		expect(rows).toHaveLength(DEMO_LIBRARY.length + 1);
		expect(new Set(revisions.map((revision) => revision.id)).size).toBe(rows.length);
	});

	it('has three or four profils-types per territory nature and about thirty other resources', () => {
		for (const nature of TERRITORY_NATURES) {
			const count = DEMO_LIBRARY.filter((entry) => entry.kind === 'profil_type' && entry.profile?.nature === nature).length;
			expect(count, nature).toBeGreaterThanOrEqual(3);
			expect(count, nature).toBeLessThanOrEqual(4);
		}
		const others = DEMO_LIBRARY.filter((entry) => entry.kind !== 'profil_type');
		expect(others.length).toBeGreaterThanOrEqual(28);
		for (const kind of ['bonne_pratique', 'outil_modele', 'retour_experience', 'analyse_litterature']) {
			expect(others.some((entry) => entry.kind === kind), kind).toBe(true);
		}
		expect(new Set(DEMO_LIBRARY.map((entry) => entry.slug)).size).toBe(DEMO_LIBRARY.length);
	});

	it('lets a new user find "soins non programmés" resources for a rural CPTS in one search', async () => {
		const result = await searchLibrary(testDb.db, null, parseSearchQuery(new URLSearchParams('q=soins non programmés&nature=rural'), REGIONS), REGIONS);
		expect(result.total).toBeGreaterThanOrEqual(4);
		const titles = result.hits.map((hit) => hit.title);
		expect(titles).toContain('Un planning partagé de soins non programmés entre cabinets ruraux');
		expect(titles).toContain('Soins non programmés des enfants le soir à partir de 18 h');
		// Facet counts come with the results.
		expect(result.facets.kinds.find((entry) => entry.value === 'bonne_pratique')?.count).toBeGreaterThan(0);
		expect(result.hits[0].snippet?.some((part) => part.match)).toBe(true);
		// Snippets of profils-types quote their prose fields, never coded values.
		const snippets = result.hits.map((hit) => hit.snippet!.map((part) => part.text).join(''));
		expect(snippets.join(' ')).not.toMatch(/acces_soins|parcours_patients|qualite_pertinence/);
	});
});

describe('profils-types matching', () => {
	it('proposes rural profils-types for La Plaine and the urban "quartiers prioritaires" one for Vénissieux', async () => {
		await makeCpts(testDb.db, { slug: 'la-plaine', name: 'CPTS de La Plaine', nature: 'rural', population: 11_500, professionalsCount: 48, regionCode: '44' });
		await makeCpts(testDb.db, { slug: 'venissieux', name: 'CPTS de Vénissieux', nature: 'urbain_dense', population: 65_000, professionalsCount: 150, regionCode: '84' });

		const laPlaine = (await targetFromCpts(testDb.db, 'la-plaine'))!;
		expect(laPlaine).toMatchObject({ population: 11_500, professionals: 48, nature: 'rural', sizeBand: 1 });
		const ruralMatches = await matchProfiles(testDb.db, null, laPlaine);
		expect(ruralMatches).toHaveLength(4);
		expect(ruralMatches.every((match) => match.profile.nature === 'rural')).toBe(true);
		expect(ruralMatches[0].reasons).toEqual(
			expect.arrayContaining([
				{ kind: 'nature', same: true, nature: 'rural' },
				expect.objectContaining({ kind: 'population', inside: true, value: 11_500 })
			])
		);

		const venissieux = (await targetFromCpts(testDb.db, 'venissieux'))!;
		const urbanMatches = await matchProfiles(testDb.db, null, venissieux);
		expect(urbanMatches[0].slug).toBe('profil-type-urbain-quartiers-prioritaires');
		expect(urbanMatches[0].score).toBeGreaterThan(urbanMatches[1].score);
		expect(urbanMatches.slice(0, 3).every((match) => match.profile.nature === 'urbain_dense')).toBe(true);
		expect(await targetFromCpts(testDb.db, 'inconnue')).toBeNull();
	});

	it('scores inside the range above outside, and nature first', () => {
		expect(closeness(15_000, 10_000, 30_000)).toBeGreaterThan(0.85);
		expect(closeness(10_000, 10_000, 30_000)).toBeCloseTo(0.85, 5);
		expect(closeness(5_000, 10_000, 30_000)).toBeCloseTo(0.5, 5);
		expect(closeness(2_500, 10_000, 30_000)).toBe(0);
		expect(closeness(500_000, 80_000, null)).toBeGreaterThan(0);
		const profile = makeProfile({ nature: 'rural', populationMin: 5_000, populationMax: 30_000, professionalsMin: 20, professionalsMax: 100 });
		const sameNature = scoreProfile({ population: 60_000, professionals: 200, nature: 'rural', maturity: null }, profile);
		const otherNature = scoreProfile({ population: 12_000, professionals: 50, nature: 'outre_mer', maturity: null }, profile);
		expect(sameNature.reasons.find((reason) => reason.kind === 'population')).toMatchObject({ inside: false });
		expect(otherNature.reasons[0]).toEqual({ kind: 'nature', same: false, nature: 'rural' });
	});

	it('hides members-only and unpublished profils-types from anonymous visitors', async () => {
		await makeResource(testDb.db, { kind: 'profil_type', title: 'Profil réservé', visibility: 'members_only', profile: makeProfile({ nature: 'outre_mer' }) });
		await makeResource(testDb.db, { kind: 'profil_type', title: 'Profil brouillon', status: 'draft', profile: makeProfile({ nature: 'outre_mer' }) });
		const target = { population: 12_000, professionals: 50, nature: 'outre_mer' as const, maturity: null };
		const anonymous = (await matchProfiles(testDb.db, null, target, 50)).map((match) => match.title);
		expect(anonymous).not.toContain('Profil réservé');
		expect(anonymous).not.toContain('Profil brouillon');
		const member = (await matchProfiles(testDb.db, { id: authorId, roles: [] }, target, 50)).map((match) => match.title);
		expect(member).toContain('Profil réservé');
		expect(member).not.toContain('Profil brouillon');
	});
});

describe('library Atom feed', () => {
	it('lists public published resources only, newest first, with everything escaped', async () => {
		await makeResource(testDb.db, {
			title: 'Fiche <script>alert("x")</script> & canicule',
			summary: 'Résumé avec <b>balises</b> & esperluette\u0001.',
			publishedAt: new Date(Date.now() + 60_000)
		});
		await makeResource(testDb.db, { title: 'Réservée aux membres', visibility: 'members_only', publishedAt: new Date(Date.now() + 120_000) });
		await makeResource(testDb.db, { title: 'Pas encore publiée', status: 'submitted' });
		const xml = await buildAtomFeed(testDb.db, 'https://reseau-cpts.example/', 'fr');
		expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
		expect(xml).toContain('<link rel="self" type="application/atom+xml" href="https://reseau-cpts.example/bibliotheque/flux.atom"/>');
		expect(xml).not.toContain('<script>');
		expect(xml).not.toContain('<b>');
		expect(xml).not.toContain('\u0001');
		expect(xml).toContain('Fiche &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; canicule');
		expect(xml).not.toContain('Réservée aux membres');
		expect(xml).not.toContain('Pas encore publiée');
		expect(xml).not.toContain('Un binôme infirmier-pharmacien');
		const titles = [...xml.matchAll(/<entry>\s*<id>[^<]*<\/id>\s*<title>([^<]*)<\/title>/g)].map((match) => match[1]);
		expect(titles[0]).toContain('Fiche &lt;script&gt;');
		expect(titles.length).toBe(30);
	});
});

describe('library demo content: stored bodies', () => {
	it('stores sanitised HTML with the page’s heading levels (no h1)', async () => {
		const [row] = await testDb.db
			.select()
			.from(libraryResources)
			.where(eq(libraryResources.slug, 'sortie-hospitalisation-personne-agee-j-2-j-7'));
		expect(row.bodyHtml).toContain('<h2>Avant la sortie</h2>');
		expect(row.bodyHtml).not.toMatch(/<h1|<script|on\w+=/);
		expect(row.bodyText).toContain('J-2');
	});
});
