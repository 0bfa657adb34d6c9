/**
 * Figures of the network dashboard: CPTS by stage and by region, and the share of each
 * region's population covered by a CPTS in operation or by any formalised project.
 */
import { count, sum } from 'drizzle-orm';
import { CPTS_STAGES, type CptsStage } from '../../domain/professions';
import type { DbOrTx } from '../db';
import { cpts, regions } from '../db/schema';
import { cachedCoverage } from '../territories/coverage';

/**
 * National figures quoted by the instruction DGOS/R5/CNAM/2023/156 of 9 October 2023
 * (situation at the end of August 2023), shown beside the demo network's own figures.
 */
export const NATIONAL_REFERENCE_2023 = {
	shareInOperation: 0.576,
	shareFormalised: 0.764,
	asOf: '2023-08-31'
} as const;

export type StageCounts = Record<CptsStage, number>;

export interface Coverage {
	population: number;
	/** Population of the CPTS in operation, at most the region's population. */
	populationInOperation: number;
	/** Population of the formalised projects, at most the region's population. */
	populationFormalised: number;
	/** Shares between 0 and 1. */
	shareInOperation: number;
	shareFormalised: number;
}

export interface RegionStats extends Coverage {
	code: string;
	name: string;
	overseas: boolean;
	cptsCount: number;
	byStage: StageCounts;
}

export interface DashboardStats {
	cptsCount: number;
	professionalsCount: number;
	byStage: StageCounts;
	/** Regions in name order (metropolitan first, then overseas). */
	regions: RegionStats[];
	national: Coverage;
	/** Where the region populations come from (regions.population_source), distinct. */
	populationSources: string[];
}

const emptyStageCounts = (): StageCounts =>
	Object.fromEntries(CPTS_STAGES.map((stage) => [stage, 0])) as StageCounts;

/**
 * A covered population never exceeds the population it is a share of: CPTS territories may
 * overlap or be declared generously, and "120 % covered" would mean nothing.
 */
function coverage(population: number, inOperation: number, formalised: number): Coverage {
	const populationInOperation = Math.min(inOperation, population);
	const populationFormalised = Math.min(formalised, population);
	return {
		population,
		populationInOperation,
		populationFormalised,
		shareInOperation: population > 0 ? populationInOperation / population : 0,
		shareFormalised: population > 0 ? populationFormalised / population : 0
	};
}

/**
 * Computes every figure of the dashboard: counts from the CPTS rows; covered populations from
 * the territories, commune by commune (territories/coverage.ts, the steering pages' rule), so
 * an inhabitant of two overlapping CPTS counts once.
 */
export async function getDashboardStats(db: DbOrTx): Promise<DashboardStats> {
	const [regionRows, groups, coverageRows] = await Promise.all([
		db
			.select({
				code: regions.code,
				name: regions.name,
				population: regions.population,
				populationSource: regions.populationSource,
				overseas: regions.overseas
			})
			.from(regions),
		db
			.select({
				regionCode: cpts.regionCode,
				stage: cpts.stage,
				cptsCount: count(),
				professionals: sum(cpts.professionalsCount).mapWith(Number)
			})
			.from(cpts)
			.groupBy(cpts.regionCode, cpts.stage),
		cachedCoverage(db)
	]);

	const byStage = emptyStageCounts();
	let cptsCount = 0;
	let professionalsCount = 0;
	const perRegion = new Map<string, { byStage: StageCounts; count: number }>();
	for (const group of groups) {
		const stage = group.stage as CptsStage;
		const entry = perRegion.get(group.regionCode) ?? { byStage: emptyStageCounts(), count: 0 };
		entry.byStage[stage] += group.cptsCount;
		entry.count += group.cptsCount;
		perRegion.set(group.regionCode, entry);
		byStage[stage] += group.cptsCount;
		cptsCount += group.cptsCount;
		professionalsCount += group.professionals;
	}
	const coverageOf = new Map(coverageRows.filter((row) => row.level === 'region').map((row) => [row.code, row]));

	// Sorted here rather than in SQL: database collations disagree on "Île-de-France".
	const sortedRegions = [...regionRows].sort(
		(a, b) => a.overseas - b.overseas || a.name.localeCompare(b.name, 'fr')
	);
	const regionStats: RegionStats[] = sortedRegions.map((region) => {
		const entry = perRegion.get(region.code);
		const covered = coverageOf.get(region.code);
		return {
			code: region.code,
			name: region.name,
			overseas: region.overseas === 1,
			cptsCount: entry?.count ?? 0,
			byStage: entry?.byStage ?? emptyStageCounts(),
			...coverage(
				region.population,
				covered?.populationOperating ?? 0,
				(covered?.populationOperating ?? 0) + (covered?.populationProject ?? 0)
			)
		};
	});

	const national = coverage(
		regionStats.reduce((total, region) => total + region.population, 0),
		regionStats.reduce((total, region) => total + region.populationInOperation, 0),
		regionStats.reduce((total, region) => total + region.populationFormalised, 0)
	);

	return {
		cptsCount,
		professionalsCount,
		byStage,
		regions: regionStats,
		national,
		populationSources: [...new Set(regionRows.map((region) => region.populationSource))]
	};
}

