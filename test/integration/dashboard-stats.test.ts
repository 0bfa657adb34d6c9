import { eq, sql, type SQL } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { CPTS_STAGES } from '../../src/lib/domain/professions';
import { getDashboardStats } from '../../src/lib/server/dashboard/stats';
import { seedDemoNetworkIfEmpty } from '../../src/lib/server/demo/seed';
import { useTestDatabase } from '../helpers/db';
import { geoCommunes } from '../../src/lib/server/db/schema';
import { replaceTerritory } from '../../src/lib/server/territories/territory';
import { makeCpts } from '../helpers/factories';

const testDb = useTestDatabase({ referential: true });

const populationOf = async (code: string) =>
	(await testDb.db.select({ population: geoCommunes.population }).from(geoCommunes).where(eq(geoCommunes.code, code)))[0].population;

/** Raw SQL rows, whatever the driver (postgres-js returns an array, PGlite an object with rows). */
async function rows<T>(query: SQL): Promise<T[]> {
	const result = (await testDb.db.execute(query)) as unknown as T[] | { rows: T[] };
	return Array.isArray(result) ? result : result.rows;
}

/**
 * The dashboard's figures, recomputed independently in SQL: counts by stage and by region,
 * and covered shares from the territories, commune by commune.
 */
async function expectedFigures() {
	const byStage = await rows<{ stage: string; n: number }>(sql`select stage, count(*)::int as n from cpts group by stage`);
	// Coverage commune by commune: each unit under the most advanced stage of the CPTS covering it.
	const units = sql`
		select g.population, g.region_code,
			coalesce(max(case when c.stage in ('aci_signe', 'en_fonctionnement') then 2 when c.stage in ('lettre_intention', 'projet_depose', 'projet_valide') then 1 else 0 end), 0) as status
		from geo_communes g
		left join cpts_territories t on t.commune_code = g.code
		left join cpts c on c.id = t.cpts_id
		where g.kind in ('commune', 'arrondissement') and not g.retired
		group by g.code`;
	const regionRows = await rows<{
		code: string;
		n: number;
		operating: number;
		formalised: number;
		share_operating: number;
		share_formalised: number;
	}>(sql`
		with unit as (${units})
		select r.code,
			(select count(*) from cpts c where c.region_code = r.code)::int as n,
			coalesce(sum(u.population) filter (where u.status = 2), 0)::int as operating,
			coalesce(sum(u.population) filter (where u.status >= 1), 0)::int as formalised,
			coalesce(sum(u.population) filter (where u.status = 2), 0)::float8 / r.population as share_operating,
			coalesce(sum(u.population) filter (where u.status >= 1), 0)::float8 / r.population as share_formalised
		from regions r left join unit u on u.region_code = r.code
		group by r.code, r.population`);
	const [national] = await rows<{ total: number; share_operating: number; share_formalised: number; professionals: number }>(sql`
		with unit as (${units})
		select (select count(*)::int from cpts) as total,
			(select coalesce(sum(professionals_count), 0)::int from cpts) as professionals,
			(coalesce(sum(population) filter (where status = 2), 0)::float8 / sum(population)) as share_operating,
			(coalesce(sum(population) filter (where status >= 1), 0)::float8 / sum(population)) as share_formalised
		from unit`);
	return { byStage, regionRows, national };
}

async function expectDashboardToMatchSql() {
	const stats = await getDashboardStats(testDb.db);
	const expected = await expectedFigures();
	expect(stats.cptsCount).toBe(expected.national.total);
	expect(stats.professionalsCount).toBe(expected.national.professionals);
	for (const stage of CPTS_STAGES) {
		expect(stats.byStage[stage], stage).toBe(expected.byStage.find((row) => row.stage === stage)?.n ?? 0);
	}
	expect(stats.regions).toHaveLength(expected.regionRows.length);
	for (const row of expected.regionRows) {
		const region = stats.regions.find((candidate) => candidate.code === row.code)!;
		expect(region.cptsCount, row.code).toBe(row.n);
		expect(Object.values(region.byStage).reduce((a, b) => a + b, 0)).toBe(row.n);
		expect(region.populationInOperation, row.code).toBe(row.operating);
		expect(region.populationFormalised, row.code).toBe(row.formalised);
		expect(region.shareInOperation).toBeCloseTo(row.share_operating, 12);
		expect(region.shareFormalised).toBeCloseTo(row.share_formalised, 12);
	}
	expect(stats.national.shareInOperation).toBeCloseTo(expected.national.share_operating, 12);
	expect(stats.national.shareFormalised).toBeCloseTo(expected.national.share_formalised, 12);
	return stats;
}

describe('network dashboard figures', () => {
	it('shows every region with zero figures when no CPTS is registered', async () => {
		const stats = await expectDashboardToMatchSql();
		expect(stats.cptsCount).toBe(0);
		expect(stats.regions).toHaveLength(18);
		expect(stats.national.shareInOperation).toBe(0);
		expect(stats.national.population).toBeGreaterThan(60_000_000);
		expect(stats.populationSources).toEqual([expect.stringContaining('Insee')]);
	});

	it('counts by stage and region and computes covered shares from the territories (factories)', async () => {
		const withTerritory = async (codes: string[], overrides: Parameters<typeof makeCpts>[1]) => {
			const row = await makeCpts(testDb.db, overrides);
			await replaceTerritory(testDb.db, row.id, codes);
			return row;
		};
		await withTerritory(['54528'], { stage: 'aci_signe' }); // Toul
		await withTerritory(['54395'], { stage: 'lettre_intention' }); // Nancy
		await withTerritory(['57463'], { stage: 'initiative' }); // Metz
		await withTerritory(['97411'], { stage: 'projet_valide', nature: 'outre_mer' }); // Saint-Denis
		const stats = await expectDashboardToMatchSql();
		const grandEst = stats.regions.find((region) => region.code === '44')!;
		const [toul, nancy] = await Promise.all(['54528', '54395'].map(populationOf));
		// An initiative covers nobody; a letter of intent is a formalised project, not in operation.
		expect(grandEst.populationInOperation).toBe(toul);
		expect(grandEst.populationFormalised).toBe(toul + nancy);
		expect(grandEst.byStage).toEqual({ initiative: 1, lettre_intention: 1, projet_depose: 0, projet_valide: 0, aci_signe: 1, en_fonctionnement: 0 });
	});

	it('counts an inhabitant of two overlapping CPTS once, nationally too', async () => {
		const first = await makeCpts(testDb.db, { stage: 'aci_signe' });
		const second = await makeCpts(testDb.db, { stage: 'en_fonctionnement' });
		await replaceTerritory(testDb.db, first.id, ['2A004', '2A247']); // Ajaccio, Porto-Vecchio
		await replaceTerritory(testDb.db, second.id, ['2A004', '2B033']); // Ajaccio, Bastia
		const stats = await expectDashboardToMatchSql();
		const corse = stats.regions.find((region) => region.code === '94')!;
		const [ajaccio, portoVecchio, bastia] = await Promise.all(['2A004', '2A247', '2B033'].map(populationOf));
		expect(corse.populationInOperation).toBe(ajaccio + portoVecchio + bastia);
		for (const region of stats.regions) expect(region.shareFormalised).toBeLessThanOrEqual(1);
	});

	it('matches SQL over the demo network added to the factory data', async () => {
		expect(await seedDemoNetworkIfEmpty(testDb.db)).not.toBeNull();
		const stats = await expectDashboardToMatchSql();
		expect(stats.cptsCount).toBeGreaterThan(50);
		for (const stage of CPTS_STAGES) expect(stats.byStage[stage], stage).toBeGreaterThan(0);
		expect(stats.regions.every((region) => region.cptsCount > 0)).toBe(true);
	});
});
