import { beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { cpts } from '../../src/lib/server/db/schema';
import { listRegions, parseDirectoryQuery, searchDirectory, type DirectoryQuery } from '../../src/lib/server/cpts';
import { useTestDatabase } from '../helpers/db';
import { makeCpts, makeTerritory } from '../helpers/factories';

const testDb = useTestDatabase({ referential: true });
const query = (overrides: Partial<DirectoryQuery> = {}): DirectoryQuery => ({ q: undefined, page: 1, ...overrides });
const names = async (overrides: Partial<DirectoryQuery> = {}) =>
	(await searchDirectory(testDb.db, query(overrides))).items.map((item) => item.name);

describe('CPTS directory', () => {
	beforeAll(async () => {
		const db = testDb.db;
		await makeTerritory(db, (await makeCpts(db, {
			name: 'CPTS de Vénissieux',
			regionCode: '84',
			department: 'Rhône',
			nature: 'urbain_dense',
			stage: 'aci_signe',
			population: 65_000
		})).id, ['69259', '69199']);
		await makeTerritory(db, (await makeCpts(db, {
			name: 'CPTS du Pays Messin',
			regionCode: '44',
			department: '57',
			nature: 'urbain_dense',
			stage: 'projet_valide',
			population: 180_000
		})).id, ['57463', '57480', '57751']);
		await makeTerritory(db, (await makeCpts(db, {
			name: 'CPTS de La Plaine',
			regionCode: '44',
			department: 'Vosges',
			nature: 'rural',
			stage: 'lettre_intention',
			population: 25_000
		})).id, ['88304']);
		await makeTerritory(db, (await makeCpts(db, {
			name: 'Étampes Santé',
			regionCode: '11',
			department: 'Essonne',
			nature: 'periurbain',
			stage: 'initiative',
			population: 40_000
		})).id, ['91223']);
		await makeTerritory(db, (await makeCpts(db, {
			name: 'CPTS Sud-Lochois',
			regionCode: '24',
			department: "Indre-et-Loire",
			nature: 'rural',
			stage: 'aci_signe',
			population: 60_000,
			professionalsCount: 260
		})).id, ['37132']);
		await makeTerritory(db, (await makeCpts(db, {
			name: 'CPTS Nord Réunion 100% santé',
			regionCode: '04',
			department: 'La Réunion',
			nature: 'outre_mer',
			stage: 'aci_signe',
			population: 80_000
		})).id, ['97411']);
	});

	it('lists every CPTS sorted by name whatever the accents, with the region name and the size band', async () => {
		const page = await searchDirectory(testDb.db, query());
		expect(page.total).toBe(6);
		expect(page.items.map((item) => item.name)).toEqual([
			'CPTS de La Plaine',
			'CPTS de Vénissieux',
			'CPTS du Pays Messin',
			'CPTS Nord Réunion 100% santé',
			'CPTS Sud-Lochois',
			'Étampes Santé'
		]);
		const venissieux = page.items.find((item) => item.name === 'CPTS de Vénissieux')!;
		expect(venissieux).toMatchObject({ regionName: 'Auvergne-Rhône-Alpes', department: 'Rhône', sizeBand: 2, population: 65_000 });
	});

	it('searches name, communes and department without caring for accents or case', async () => {
		expect(await names({ q: 'venissieux' })).toEqual(['CPTS de Vénissieux']);
		expect(await names({ q: 'VÉNISSIEUX' })).toEqual(['CPTS de Vénissieux']);
		// "metz" is only in the communes of the Pays Messin's territory (cpts_territories ⋈ geo_communes).
		expect(await names({ q: 'metz' })).toEqual(['CPTS du Pays Messin']);
		expect(await names({ q: 'montigny-les-metz' })).toEqual(['CPTS du Pays Messin']);
		expect(await names({ q: 'etampes' })).toEqual(['Étampes Santé']);
		expect(await names({ q: 'vosges' })).toEqual(['CPTS de La Plaine']);
		expect(await names({ q: 'rhone' })).toEqual(['CPTS de Vénissieux']);
		expect(await names({ q: 'introuvable' })).toEqual([]);
	});

	it('takes % and _ in the search literally', async () => {
		expect(await names({ q: '100%' })).toEqual(['CPTS Nord Réunion 100% santé']);
		expect(await names({ q: '%' })).toEqual(['CPTS Nord Réunion 100% santé']);
		expect(await names({ q: '_' })).toEqual([]);
	});

	it('filters by region, nature, stage and size band, combined with the search', async () => {
		expect(await names({ region: '44' })).toEqual(['CPTS de La Plaine', 'CPTS du Pays Messin']);
		expect(await names({ nature: 'rural' })).toEqual(['CPTS de La Plaine', 'CPTS Sud-Lochois']);
		expect(await names({ stage: 'aci_signe' })).toEqual(['CPTS de Vénissieux', 'CPTS Nord Réunion 100% santé', 'CPTS Sud-Lochois']);
		expect(await names({ size: 4 })).toEqual(['CPTS du Pays Messin']);
		expect(await names({ size: 2 })).toEqual(['CPTS de Vénissieux', 'CPTS Sud-Lochois', 'Étampes Santé']);
		expect(await names({ region: '44', nature: 'rural' })).toEqual(['CPTS de La Plaine']);
		expect(await names({ region: '44', q: 'metz', stage: 'aci_signe' })).toEqual([]);
		expect(await names({ nature: 'outre_mer', size: 3 })).toEqual(['CPTS Nord Réunion 100% santé']);
	});

	it('counts the results of each filter value with the other filters kept', async () => {
		const page = await searchDirectory(testDb.db, query({ region: '44' }));
		expect(page.total).toBe(2);
		// The region facet ignores the region filter itself, so other regions stay choosable.
		expect(page.facets.region).toEqual({ '44': 2, '84': 1, '11': 1, '24': 1, '04': 1 });
		expect(page.facets.nature).toEqual({ rural: 1, urbain_dense: 1 });
		expect(page.facets.stage).toEqual({ projet_valide: 1, lettre_intention: 1 });
		expect(page.facets.size).toEqual({ '1': 1, '4': 1 });
		const [{ direct }] = await testDb.db.select({ direct: sql<number>`count(*)::int` }).from(cpts).where(eq(cpts.regionCode, '44'));
		expect(page.total).toBe(direct);
	});

	it('reads filters from the query string and ignores values that make no sense', async () => {
		const codes = (await listRegions(testDb.db)).map((region) => region.code);
		expect(codes).toHaveLength(18);
		const parsed = parseDirectoryQuery(
			new URLSearchParams('q=+metz+&region=44&nature=rural&stage=aci_signe&size=3&page=2'),
			codes
		);
		expect(parsed).toEqual({ q: 'metz', region: '44', nature: 'rural', stage: 'aci_signe', size: 3, page: 2 });
		const junk = parseDirectoryQuery(new URLSearchParams('q=&region=99&nature=ville&stage=x&size=7&page=-3'), codes);
		expect(junk).toEqual({ q: undefined, region: undefined, nature: undefined, stage: undefined, size: undefined, page: 1 });
		expect(parseDirectoryQuery(new URLSearchParams('size=abc&page=deux'), codes)).toMatchObject({ size: undefined, page: 1 });
	});

	it('pages by 30, keeps the order across pages and clamps a page past the end', async () => {
		for (let index = 0; index < 31; index++) {
			await makeCpts(testDb.db, { name: `Zz Pagination ${String(index).padStart(2, '0')}`, department: 'pagination' });
		}
		const first = await searchDirectory(testDb.db, query({ q: 'pagination' }));
		expect(first.total).toBe(31);
		expect(first.pageCount).toBe(2);
		expect(first.items).toHaveLength(30);
		const second = await searchDirectory(testDb.db, query({ q: 'pagination', page: 2 }));
		expect(second.items.map((item) => item.name)).toEqual(['Zz Pagination 30']);
		const beyond = await searchDirectory(testDb.db, query({ q: 'pagination', page: 9 }));
		expect(beyond.page).toBe(2);
		expect(beyond.items).toHaveLength(1);
	});
});

describe('ACI size band, computed by the database', () => {
	it.each([
		[0, 1],
		[39_999, 1],
		[40_000, 2],
		[79_999, 2],
		[80_000, 3],
		[175_000, 3],
		[175_001, 4],
		[3_000_000, 4]
	])('population %i gives size band %i', async (population, band) => {
		const row = await makeCpts(testDb.db, { population });
		expect(row.sizeBand).toBe(band);
	});

	it('follows the population when it changes, and refuses populations out of bounds', async () => {
		const row = await makeCpts(testDb.db, { population: 39_999 });
		const [updated] = await testDb.db.update(cpts).set({ population: 175_001 }).where(eq(cpts.id, row.id)).returning();
		expect(updated.sizeBand).toBe(4);
		await expect(makeCpts(testDb.db, { population: -1 })).rejects.toThrow();
		await expect(makeCpts(testDb.db, { population: 3_000_001 })).rejects.toThrow();
	});
});
