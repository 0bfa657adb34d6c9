/**
 * What search reads besides library_resources: the three copies of the published resources kept
 * by the database (drizzle/0019_library_search_rows_sync.sql, 0032_library_search_heads.sql),
 * and the ranking that reads them.
 */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { ResourceInput } from '../../src/lib/server/library/forms';
import { parseSearchQuery, type SearchQuery } from '../../src/lib/server/library/forms';
import {
	archiveResource,
	createResource,
	publishResource,
	recordView,
	requireResourceById,
	submitResource,
	updateResource
} from '../../src/lib/server/library/resources';
import { COUNT_CAP, RANKED_CANDIDATES, searchLibrary } from '../../src/lib/server/library/search';
import { useTestDatabase } from '../helpers/db';
import { makeResource, makeUser } from '../helpers/factories';

const testDb = useTestDatabase();
const REGIONS = ['44', '84'];
const query = (overrides: Partial<SearchQuery> = {}): SearchQuery => ({ ...parseSearchQuery(new URLSearchParams(), REGIONS), ...overrides });

type Row = Record<string, unknown>;
const rowsOf = (result: unknown): Row[] => (Array.isArray(result) ? result : (result as { rows: Row[] }).rows);

/** The published resources as the copies must hold them, and what each copy holds. */
async function copies() {
	const expected = rowsOf(
		await testDb.db.execute(
			sql`select id, visibility, facet_bits, profession_bits, region_code, search_vector::text as vector, published_at::text as published from library_resources where status = 'published' order by id`
		)
	);
	const narrow = rowsOf(
		await testDb.db.execute(
			sql`select id, visibility, facet_bits, profession_bits, region_code, search_vector::text as vector from library_search_rows order by id`
		)
	);
	const full = rowsOf(
		await testDb.db.execute(
			sql`select id, visibility, facet_bits, profession_bits, region_code, search_vector::text as vector, published_at::text as published from library_search_vectors order by id`
		)
	);
	const expectedHeads = rowsOf(
		await testDb.db.execute(
			sql`select id, visibility, facet_bits, profession_bits, region_code, head_vector::text as vector, published_at::text as published from library_resources where status = 'published' order by id`
		)
	);
	const heads = rowsOf(
		await testDb.db.execute(
			sql`select id, visibility, facet_bits, profession_bits, region_code, head_vector::text as vector, published_at::text as published from library_search_heads order by id`
		)
	);
	return { expected, narrow, full, expectedHeads, heads };
}

async function expectCopiesInSync() {
	const { expected, narrow, full, expectedHeads, heads } = await copies();
	expect(full).toEqual(expected);
	expect(narrow).toEqual(expected.map(({ published: _published, ...row }) => row));
	expect(heads).toEqual(expectedHeads);
}

const input = (overrides: Partial<ResourceInput> = {}): ResourceInput => ({
	kind: 'bonne_pratique',
	title: 'Astreinte de télésoin en zone blanche',
	summary: 'Une astreinte partagée entre trois cabinets.',
	body: 'Les infirmiers assurent la téléconsultation assistée.',
	natures: ['rural'],
	sizeBands: [1],
	missions: ['acces_soins'],
	professions: ['infirmier'],
	regionCode: '44',
	visibility: 'public',
	profile: null,
	...overrides
});

describe('library search copies', () => {
	it('follow every write of a resource: proposal, publication, edit, visibility, archive, republication, deletion', async () => {
		const facilitator = await makeUser(testDb.db, { roles: ['facilitator'] });
		const curator = { id: facilitator.id, roles: facilitator.roles };
		const member = { id: (await makeUser(testDb.db)).id, roles: [] as never[] };
		await makeResource(testDb.db, { title: 'Déjà publiée' });

		const draft = await createResource(testDb.db, curator, input());
		await expectCopiesInSync();
		expect((await copies()).full.map((row) => row.id)).not.toContain(draft.id);

		await submitResource(testDb.db, curator, draft.id);
		await publishResource(testDb.db, curator, draft.id);
		await expectCopiesInSync();
		expect((await searchLibrary(testDb.db, null, query({ q: 'télésoin' }), REGIONS)).total).toBe(1);

		// New words, facets, region and visibility reach the copies: the old words no longer
		// match, the new ones do for members only, and the counts follow.
		await updateResource(
			testDb.db,
			curator,
			draft.id,
			input({ title: 'Équipe mobile de gériatrie', natures: ['urbain_dense'], professions: ['pharmacien'], regionCode: '84', visibility: 'members_only' })
		);
		await expectCopiesInSync();
		expect((await searchLibrary(testDb.db, member, query({ q: 'télésoin' }), REGIONS)).total).toBe(0);
		expect((await searchLibrary(testDb.db, null, query({ q: 'gériatrie' }), REGIONS)).total).toBe(0);
		const found = await searchLibrary(testDb.db, member, query({ q: 'gériatrie' }), REGIONS);
		expect(found.total).toBe(1);
		expect(found.facets.natures).toEqual([{ value: 'urbain_dense', count: 1, selected: false }]);
		expect(found.facets.professions).toEqual([{ value: 'pharmacien', count: 1, selected: false }]);
		expect(found.facets.regions).toEqual([{ value: '84', count: 1, selected: false }]);
		expect((await searchLibrary(testDb.db, member, query({ q: '"mobile de gériatrie"' }), REGIONS)).total).toBe(1);

		// A counted view changes nothing the copies hold: they are not written again.
		const versionOf = async () =>
			rowsOf(await testDb.db.execute(sql`select xmin::text as version from library_search_rows where id = ${draft.id}`))[0]?.version;
		const before = await versionOf();
		await recordView(testDb.db, member, await requireResourceById(testDb.db, draft.id));
		expect(await versionOf()).toBe(before);

		await archiveResource(testDb.db, curator, draft.id);
		await expectCopiesInSync();
		expect((await searchLibrary(testDb.db, member, query({ q: 'gériatrie' }), REGIONS)).total).toBe(0);

		await publishResource(testDb.db, curator, draft.id);
		await expectCopiesInSync();

		await testDb.db.execute(sql`delete from library_resources where id = ${draft.id}`);
		await expectCopiesInSync();
		expect((await copies()).narrow).toHaveLength(1);
	});

	it('ranks title matches first, then the newest body-only matches, with more matches than ranked candidates', async () => {
		const day = 86_400_000;
		const start = Date.UTC(2025, 0, 1);
		// Old resources with the words in their title…
		for (let index = 0; index < 3; index += 1) {
			await makeResource(testDb.db, {
				title: `Zoonoses et vaccination ${index}`,
				body: 'Un texte sans rapport.',
				publishedAt: new Date(start + index * day)
			});
		}
		// …and more recent ones with the words in their body only, titles of every length (the
		// shortest are the oldest: a title-length order would put them first).
		const bodyOnly: { id: string; publishedAt: number }[] = [];
		for (let index = 0; index < RANKED_CANDIDATES + 30; index += 1) {
			const publishedAt = start + (10 + index) * day;
			const row = await makeResource(testDb.db, {
				title: `Fiche ${'longue '.repeat(index % 7)}${index}`,
				body: 'La vaccination contre les zoonoses en élevage.',
				publishedAt: new Date(publishedAt)
			});
			bodyOnly.push({ id: row.id, publishedAt });
		}
		const newest = [...bodyOnly].sort((a, b) => b.publishedAt - a.publishedAt).map((row) => row.id);

		// A phrase that only the bodies hold: its newest matches are listed while counting.
		for (const [words, titled] of [['zoonoses', 3], ['zoonoses vaccination', 3], ['"zoonoses en élevage"', 0]] as const) {
			const first = await searchLibrary(testDb.db, null, query({ q: words }), REGIONS);
			expect(first.total, words).toBe(titled + RANKED_CANDIDATES + 30);
			expect(first.hits.slice(0, titled).map((hit) => hit.title).sort(), words).toEqual(
				[0, 1, 2].slice(0, titled).map((index) => `Zoonoses et vaccination ${index}`)
			);
			// The pages of the first candidates hold the title matches and the newest body-only
			// matches, each once.
			const shown: string[] = [];
			for (let page = 1; page <= RANKED_CANDIDATES / 20; page += 1) {
				shown.push(...(await searchLibrary(testDb.db, null, query({ q: words, page }), REGIONS)).hits.map((hit) => hit.id));
			}
			expect(new Set(shown).size, words).toBe(RANKED_CANDIDATES);
			expect(shown.filter((id) => !newest.includes(id)), words).toHaveLength(titled);
			expect(new Set(shown.filter((id) => newest.includes(id))), words).toEqual(new Set(newest.slice(0, RANKED_CANDIDATES - titled)));
		}
	});

	it('counts at most COUNT_CAP matches: beyond, the total says « more than » and the facets offer their values without counts', async () => {
		// A volume only a bulk insert makes quickly; the trigger fills the copies as for any write.
		await testDb.db.execute(sql`
			insert into library_resources (id, slug, kind, title, summary, body_source, body_html, body_text, natures, status, visibility, published_at)
			select 'plafond' || g, 'plafond-' || g, 'bonne_pratique', 'Fiche ' || g, case when g <= 12 then 'Un cas de gale.' else 'Un résumé.' end, 'La téléexpertise dermatologique.',
				'<p>La téléexpertise dermatologique.</p>', 'La téléexpertise dermatologique.',
				case when g <= 12 then array['rural'] else array['urbain_dense'] end, 'published', 'public', now() - g * interval '1 hour'
			from generate_series(1, ${COUNT_CAP + 5}) g`);

		const many = await searchLibrary(testDb.db, null, query({ q: 'téléexpertise' }), REGIONS);
		expect(many).toMatchObject({ total: COUNT_CAP, totalCapped: true, pageCount: COUNT_CAP / 20 });
		expect(many.hits).toHaveLength(20);
		expect(many.facets.natures.map((entry) => entry.count)).toEqual(many.facets.natures.map(() => null));
		expect(many.facets.natures.map((entry) => entry.value)).toContain('rural');

		// A filter leaving few matches: an exact total and every one of them shown, newest first;
		// the facets stay without counts, since the other natures still hold more than the cap.
		const rural = await searchLibrary(testDb.db, null, query({ q: 'téléexpertise', natures: ['rural'] }), REGIONS);
		expect(rural).toMatchObject({ total: 12, totalCapped: false });
		expect(rural.hits.map((hit) => hit.id)).toEqual(Array.from({ length: 12 }, (_, index) => `plafond${index + 1}`));
		expect(rural.facets.natures.find((entry) => entry.value === 'rural')).toMatchObject({ count: null, selected: true });

		// Under the cap, counts are exact.
		const few = await searchLibrary(testDb.db, null, query({ q: 'téléexpertise gale' }), REGIONS);
		expect(few).toMatchObject({ total: 12, totalCapped: false, pageCount: 1 });
		expect(few.facets.natures).toEqual([{ value: 'rural', count: 12, selected: false }]);
	});
});
