import { sql, type SQL } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { CPTS_STAGES } from '../../src/lib/domain/professions';
import { getDashboardStats } from '../../src/lib/server/dashboard/stats';
import { seedDemoNetworkIfEmpty } from '../../src/lib/server/demo/seed';
import { useTestDatabase } from '../helpers/db';
import { makeCpts } from '../helpers/factories';

const testDb = useTestDatabase({ referential: true });

/** Raw SQL rows, whatever the driver (postgres-js returns an array, PGlite an object with rows). */
async function rows<T>(query: SQL): Promise<T[]> {
	const result = (await testDb.db.execute(query)) as unknown as T[] | { rows: T[] };
	return Array.isArray(result) ? result : result.rows;
}

/**
 * The dashboard's figures, recomputed independently in SQL: counts by stage and by region,
 * and covered shares capped at the region's population.
 */
async function expectedFigures() {
	const byStage = await rows<{ stage: string; n: number }>(sql`select stage, count(*)::int as n from cpts group by stage`);
	const regionRows = await rows<{
		code: string;
		n: number;
		operating: number;
		formalised: number;
		share_operating: number;
		share_formalised: number;
	}>(sql`
		select r.code,
			count(c.id)::int as n,
			least(coalesce(sum(c.population) filter (where c.stage in ('aci_signe', 'en_fonctionnement')), 0), r.population)::int as operating,
			least(coalesce(sum(c.population) filter (where c.stage <> 'initiative'), 0), r.population)::int as formalised,
			(least(coalesce(sum(c.population) filter (where c.stage in ('aci_signe', 'en_fonctionnement')), 0), r.population)::float8 / r.population) as share_operating,
			(least(coalesce(sum(c.population) filter (where c.stage <> 'initiative'), 0), r.population)::float8 / r.population) as share_formalised
		from regions r left join cpts c on c.region_code = r.code
		group by r.code, r.population`);
	const [national] = await rows<{ total: number; share_operating: number; share_formalised: number; professionals: number }>(sql`
		with per_region as (
			select r.population,
				least(coalesce(sum(c.population) filter (where c.stage in ('aci_signe', 'en_fonctionnement')), 0), r.population) as operating,
				least(coalesce(sum(c.population) filter (where c.stage <> 'initiative'), 0), r.population) as formalised
			from regions r left join cpts c on c.region_code = r.code
			group by r.code, r.population
		)
		select (select count(*)::int from cpts) as total,
			(select coalesce(sum(professionals_count), 0)::int from cpts) as professionals,
			sum(operating)::float8 / sum(population) as share_operating,
			sum(formalised)::float8 / sum(population) as share_formalised
		from per_region`);
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

	it('counts by stage and region and computes covered shares as SQL does (factories)', async () => {
		await makeCpts(testDb.db, { regionCode: '44', stage: 'aci_signe', population: 60_000 });
		await makeCpts(testDb.db, { regionCode: '44', stage: 'lettre_intention', population: 25_000 });
		await makeCpts(testDb.db, { regionCode: '44', stage: 'initiative', population: 40_000 });
		await makeCpts(testDb.db, { regionCode: '04', stage: 'projet_valide', population: 114_000, nature: 'outre_mer' });
		const stats = await expectDashboardToMatchSql();
		const grandEst = stats.regions.find((region) => region.code === '44')!;
		// An initiative is not a formalised project; a letter of intent is, but is not in operation.
		expect(grandEst.populationInOperation).toBe(60_000);
		expect(grandEst.populationFormalised).toBe(85_000);
		expect(grandEst.byStage).toEqual({ initiative: 1, lettre_intention: 1, projet_depose: 0, projet_valide: 0, aci_signe: 1, en_fonctionnement: 0 });
	});

	it('caps a region’s covered share at 100 %, nationally too', async () => {
		// Corsica has about 350,000 inhabitants; overlapping declarations add up to more.
		await makeCpts(testDb.db, { regionCode: '94', department: '2A', stage: 'aci_signe', population: 300_000 });
		await makeCpts(testDb.db, { regionCode: '94', department: '2B', stage: 'aci_signe', population: 200_000 });
		const stats = await expectDashboardToMatchSql();
		const corse = stats.regions.find((region) => region.code === '94')!;
		expect(corse.shareInOperation).toBe(1);
		expect(corse.shareFormalised).toBe(1);
		expect(corse.populationInOperation).toBe(corse.population);
		for (const region of stats.regions) expect(region.shareFormalised).toBeLessThanOrEqual(1);
		const uncapped = stats.regions.reduce((sum, region) => sum + (region.code === '94' ? 500_000 : region.populationInOperation), 0);
		expect(stats.national.populationInOperation).toBeLessThan(uncapped);
	});

	it('matches SQL over the demo network added to the factory data', async () => {
		expect(await seedDemoNetworkIfEmpty(testDb.db)).not.toBeNull();
		const stats = await expectDashboardToMatchSql();
		expect(stats.cptsCount).toBeGreaterThan(50);
		for (const stage of CPTS_STAGES) expect(stats.byStage[stage], stage).toBeGreaterThan(0);
		expect(stats.regions.every((region) => region.cptsCount > 0)).toBe(true);
	});
});
