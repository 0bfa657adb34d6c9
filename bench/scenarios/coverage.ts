/**
 * `npm run bench -- coverage`: the steering pages on the whole INSEE referential (~35,000
 * communes and arrondissements) with 1,000 CPTS holding territories. Setup generates them
 * on real codes (the communes of the first départements in code order, cut into 1,000
 * contiguous runs, stages in rotation, about 70 % of the units in a CPTS), then prints
 * computeCoverage's p50/p95 (goal < 300 ms) and the first-load JavaScript of /reseau
 * (goal < 60 kB gzip, the geometry asset excluded: it is fetched, not a script). The
 * targets are /reseau and a département page as the demo animatrice, beside the bare
 * Node floor the harness prints.
 */
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../src/lib/server/db';
import { cpts, cptsTerritories } from '../../src/lib/server/db/schema';
import { loadReferential } from '../../src/lib/server/geo/referential';
import { generateId } from '../../src/lib/server/shared/ids';
import { computeCoverage } from '../../src/lib/server/territories/coverage';
import { launchChromium, measureFirstLoad } from '../lib/first-load';
import type { BenchContext, Scenario } from '../lib/types';

const FACILITATOR = 'animatrice@demo.reseau-cpts.fr';
const CPTS_COUNT = 1_000;
const SHARE_IN_CPTS = 0.7;
const RUNS = Number(process.env.BENCH_COVERAGE_RUNS ?? 30);
const STAGES = ['en_fonctionnement', 'aci_signe', 'projet_valide', 'lettre_intention', 'initiative'] as const;
const BATCH = 5_000;

let cookie = '';
const log = (message: string) => console.log(`[bench] coverage : ${message}`);
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

/** 1,000 CPTS on real codes, their territories and populations, in a few bulk statements. */
async function generateNetwork(context: BenchContext): Promise<{ units: number; inCpts: number }> {
	const db = context.db;
	const units = rowsOf<{ code: string; departement_code: string; region_code: string }>(
		await db.execute(sql`select code, departement_code, region_code from geo_communes
			where kind in ('commune', 'arrondissement') and not retired order by departement_code, code`)
	);
	const taken = units.slice(0, Math.round(units.length * SHARE_IN_CPTS));
	const perCpts = Math.floor(taken.length / CPTS_COUNT);
	const rows: (typeof cpts.$inferInsert)[] = [];
	const territories: { cptsId: string; communeCode: string }[] = [];
	for (let index = 0; index < CPTS_COUNT; index++) {
		const slice = taken.slice(index * perCpts, index === CPTS_COUNT - 1 ? taken.length : (index + 1) * perCpts);
		const id = generateId();
		rows.push({
			id,
			slug: `bench-couverture-${index}`,
			name: `CPTS banc ${index}`,
			regionCode: slice[0].region_code,
			department: slice[0].departement_code,
			nature: 'rural',
			population: 0,
			stage: STAGES[index % STAGES.length]
		});
		for (const unit of slice) territories.push({ cptsId: id, communeCode: unit.code });
	}
	await db.insert(cpts).values(rows);
	for (let start = 0; start < territories.length; start += BATCH) await db.insert(cptsTerritories).values(territories.slice(start, start + BATCH));
	await db.execute(sql`update cpts c set population = s.population from (
		select t.cpts_id, sum(g.population)::int as population from cpts_territories t join geo_communes g on g.code = t.commune_code group by t.cpts_id
	) s where s.cpts_id = c.id`);
	await db.execute(sql`analyze`);
	return { units: units.length, inCpts: territories.length };
}

const scenario: Scenario = {
	name: 'coverage',
	description: 'Pilotage : couverture de ~35 000 communes par 1 000 CPTS, pages /reseau et département',
	async setup(context) {
		await loadReferential(context.db);
		const { units, inCpts } = await generateNetwork(context);
		log(`${CPTS_COUNT} CPTS, ${inCpts} unités dans une CPTS sur ${units}`);

		for (let warm = 0; warm < 3; warm++) await computeCoverage(context.db);
		const times: number[] = [];
		for (let run = 0; run < RUNS; run++) {
			const started = performance.now();
			await computeCoverage(context.db);
			times.push(performance.now() - started);
		}
		times.sort((a, b) => a - b);
		console.log(
			`\ncomputeCoverage (France, 18 régions, 101 départements ; ${units} unités, ${CPTS_COUNT} CPTS ; ${RUNS} mesures) : ` +
				`p50 ${quantile(times, 0.5).toFixed(1)} ms, p95 ${quantile(times, 0.95).toFixed(1)} ms (objectif < 300 ms)`
		);

		cookie = await context.sessionCookie(FACILITATOR);
		const browser = await launchChromium();
		try {
			const first = await measureFirstLoad(browser, context.appUrl, '/reseau', cookie);
			console.log(
				`Premier chargement de /reseau (animatrice) : ${first.files.length} scripts, ${(first.gzip / 1024).toFixed(1)} ko gzip ` +
					`(${(first.raw / 1024).toFixed(1)} ko bruts ; objectif < 60 ko, géométrie de la carte exclue : chargée par fetch et mise en cache)\n`
			);
		} finally {
			await browser.close();
		}
	},
	targets: () => [
		{ label: 'pilotage /reseau (animatrice)', path: '/reseau', headers: { cookie }, expectText: 'Pilotage du réseau' },
		{ label: 'pilotage /reseau/departements/54', path: '/reseau/departements/54', headers: { cookie }, expectText: 'Zones blanches' }
	]
};

export default scenario;
