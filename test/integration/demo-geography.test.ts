/**
 * The demo network on real geography (issue 14 item 7): territories of selectable INSEE
 * codes, populations from the referential, natures by the typology, zones blanches and
 * overlaps on purpose, dated stage histories, plans and the coverage trend.
 */
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { CPTS_STAGES } from '../../src/lib/domain/professions';
import { SELECTABLE_KINDS } from '../../src/lib/domain/geography';
import { coveragePlanCommunes, coveragePlans, coverageSnapshots, cpts, cptsFollowUps, cptsStageEvents, cptsTerritories, geoCommunes, users } from '../../src/lib/server/db/schema';
import { seedDemo } from '../../src/lib/server/demo';
import { DEMO_CPTS } from '../../src/lib/server/demo/network';
import { demoStageOn } from '../../src/lib/server/demo/steering';
import { computeCoverage, uncoveredUnits } from '../../src/lib/server/territories/coverage';
import { overlapsIn } from '../../src/lib/server/territories/territory';
import { useTestDatabase } from '../helpers/db';

const testDb = useTestDatabase({ demo: true });
const today = new Date().toISOString().slice(0, 10);

function natureFor(population: number, overseas: boolean) {
	if (overseas) return 'outre_mer';
	return population < 30_000 ? 'rural' : population <= 80_000 ? 'periurbain' : 'urbain_dense';
}

describe('demo network on real geography', () => {
	it('draws every demo CPTS on selectable codes and takes its population and département from the referential', async () => {
		const rows = await testDb.db
			.select({ slug: cpts.slug, population: cpts.population, nature: cpts.nature, department: cpts.department, regionCode: cpts.regionCode, code: geoCommunes.code, kind: geoCommunes.kind, retired: geoCommunes.retired, unitPopulation: geoCommunes.population, unitDepartement: geoCommunes.departementCode, unitRegion: geoCommunes.regionCode })
			.from(cpts)
			.innerJoin(cptsTerritories, eq(cptsTerritories.cptsId, cpts.id))
			.innerJoin(geoCommunes, eq(geoCommunes.code, cptsTerritories.communeCode));
		expect(new Set(rows.map((row) => row.slug))).toEqual(new Set(DEMO_CPTS.map((entry) => entry.slug)));
		for (const entry of DEMO_CPTS) {
			const units = rows.filter((row) => row.slug === entry.slug);
			expect(units.map((unit) => unit.code).sort(), entry.slug).toEqual([...entry.territory].sort());
			for (const unit of units) {
				expect(SELECTABLE_KINDS as readonly string[], `${entry.slug} ${unit.code}`).toContain(unit.kind);
				expect(unit.retired, unit.code).toBe(false);
			}
			const sum = units.reduce((total, unit) => total + unit.unitPopulation, 0);
			expect(units[0].population, entry.slug).toBe(sum);
			const byDepartement = new Map<string, number>();
			for (const unit of units) byDepartement.set(unit.unitDepartement, (byDepartement.get(unit.unitDepartement) ?? 0) + unit.unitPopulation);
			const main = [...byDepartement].sort((a, b) => b[1] - a[1])[0][0];
			expect(units[0].department, entry.slug).toBe(main);
			expect(units[0].regionCode, entry.slug).toBe(units.find((unit) => unit.unitDepartement === main)!.unitRegion);
			expect(units[0].nature, `${entry.slug} (${sum} habitants)`).toBe(natureFor(sum, main.startsWith('97')));
		}
	});

	it('has CPTS in Meurthe-et-Moselle, in the Rhône on all of Lyon’s arrondissements, in the rural Vosges and at La Réunion', async () => {
		const rows = await testDb.db.select({ department: cpts.department, nature: cpts.nature }).from(cpts);
		for (const code of ['54', '69', '88', '974']) expect(rows.some((row) => row.department === code), code).toBe(true);
		expect(rows.filter((row) => row.department === '88').every((row) => row.nature === 'rural')).toBe(true);
		const lyon = await testDb.db.selectDistinct({ code: cptsTerritories.communeCode }).from(cptsTerritories).where(sql`${cptsTerritories.communeCode} between '69381' and '69389'`);
		expect(lyon.map((row) => row.code).sort()).toEqual(['69381', '69382', '69383', '69384', '69385', '69386', '69387', '69388', '69389']);
		const [venissieux] = await testDb.db.select({ id: cpts.id }).from(cpts).where(eq(cpts.slug, 'venissieux'));
		const codes = await testDb.db.select({ code: cptsTerritories.communeCode }).from(cptsTerritories).where(eq(cptsTerritories.cptsId, venissieux.id));
		expect(codes.map((row) => row.code)).toContain('69259');
	});

	it('leaves zones blanches in Meurthe-et-Moselle and at La Réunion, and overlaps between CPTS', async () => {
		for (const code of ['54', '974']) {
			const inNoCpts = await testDb.db.execute(sql`
				select count(*)::int as n from geo_communes g
				where g.departement_code = ${code} and g.kind in ('commune', 'arrondissement') and not g.retired
					and not exists (select 1 from cpts_territories t where t.commune_code = g.code)`);
			const [{ n }] = (Array.isArray(inNoCpts) ? inNoCpts : (inNoCpts as { rows: { n: number }[] }).rows) as { n: number }[];
			expect(Number(n), code).toBeGreaterThan(0);
			expect((await uncoveredUnits(testDb.db, code)).length, code).toBeGreaterThan(0);
		}
		const overlaps = await overlapsIn(testDb.db, {});
		expect(overlaps.length).toBeGreaterThanOrEqual(2);
		for (const overlap of overlaps) expect(overlap.units).toBeLessThanOrEqual(3);
		expect(overlaps.map((overlap) => [overlap.first.slug, overlap.second.slug].sort().join('+'))).toEqual(
			expect.arrayContaining(['la-plaine+sud-toulois', 'est-reunion+nord-reunion'])
		);
	});

	it('dates each stage history in order, on working days, never in the future, up to the current stage', async () => {
		const rows = await testDb.db
			.select({ slug: cpts.slug, current: cpts.stage, stage: cptsStageEvents.stage, reachedOn: cptsStageEvents.reachedOn })
			.from(cptsStageEvents)
			.innerJoin(cpts, eq(cpts.id, cptsStageEvents.cptsId))
			.orderBy(asc(cptsStageEvents.reachedOn));
		for (const entry of DEMO_CPTS) {
			const events = rows.filter((row) => row.slug === entry.slug);
			expect(events.map((event) => event.stage), entry.slug).toEqual(CPTS_STAGES.slice(0, CPTS_STAGES.indexOf(entry.stage) + 1));
			expect(events.at(-1)!.stage).toBe(events[0].current);
			for (let index = 1; index < events.length; index++) expect(events[index].reachedOn > events[index - 1].reachedOn, entry.slug).toBe(true);
			for (const event of events) {
				expect(event.reachedOn >= '2019-01-01' && event.reachedOn <= today, `${entry.slug} ${event.reachedOn}`).toBe(true);
				const day = new Date(`${event.reachedOn}T12:00:00Z`);
				expect([0, 6], `${entry.slug} ${event.reachedOn}`).not.toContain(day.getUTCDay());
				expect(['12-25', '01-01']).not.toContain(event.reachedOn.slice(5));
			}
		}
	});

	it('puts two CPTS in close support with the animatrice, and carries plans for zones blanches of 54 and 974', async () => {
		const [animatrice] = await testDb.db.select({ id: users.id }).from(users).where(eq(users.email, 'animatrice@demo.reseau-cpts.fr'));
		const supported = await testDb.db.select().from(cpts).where(eq(cpts.closeSupport, true));
		expect(supported.length).toBeGreaterThanOrEqual(2);
		for (const row of supported) {
			expect(row.facilitatorId).toBe(animatrice.id);
			expect(row.closeSupportReason.length).toBeGreaterThan(20);
			const followUps = await testDb.db.select().from(cptsFollowUps).where(eq(cptsFollowUps.cptsId, row.id));
			expect(followUps.length).toBeGreaterThanOrEqual(1);
			expect(followUps.every((entry) => entry.happenedOn <= today)).toBe(true);
		}
		const plans = await testDb.db.select().from(coveragePlans);
		expect(new Set(plans.map((plan) => plan.departementCode))).toEqual(new Set(['54', '974']));
		for (const plan of plans) {
			expect(plan.facilitatorId).toBe(animatrice.id);
			expect(plan.arsContact).toMatch(/^ARS /);
			expect(plan.cpamContact).toMatch(/^CPAM /);
			const communes = (await testDb.db.select({ code: coveragePlanCommunes.communeCode }).from(coveragePlanCommunes).where(eq(coveragePlanCommunes.planId, plan.id))).map((row) => row.code);
			expect(communes.length).toBeGreaterThan(0);
			const uncovered = new Set((await uncoveredUnits(testDb.db, plan.departementCode)).map((unit) => unit.code));
			for (const code of communes) expect(uncovered.has(code), code).toBe(true);
		}
	});

	it('keeps a coverage trend that agrees with the stage history, ending with today’s coverage', async () => {
		const national = await testDb.db.select().from(coverageSnapshots).where(eq(coverageSnapshots.level, 'france')).orderBy(asc(coverageSnapshots.takenAt));
		expect(national.length).toBeGreaterThanOrEqual(2);
		const [current] = (await computeCoverage(testDb.db)).filter((row) => row.level === 'france');
		expect(national.at(-1)).toMatchObject({ populationOperating: current.populationOperating, populationProject: current.populationProject });
		// The first snapshot, recomputed by hand from the stage each CPTS had that day.
		const first = national[0];
		const day = first.takenAt.toISOString().slice(0, 10);
		const status = new Map<string, number>();
		const territories = await testDb.db
			.select({ slug: cpts.slug, code: cptsTerritories.communeCode })
			.from(cptsTerritories)
			.innerJoin(cpts, eq(cpts.id, cptsTerritories.cptsId));
		for (const { slug, code } of territories) {
			const stage = demoStageOn(DEMO_CPTS.find((entry) => entry.slug === slug)!, day);
			const value = stage === 'aci_signe' || stage === 'en_fonctionnement' ? 2 : stage && stage !== 'initiative' ? 1 : 0;
			status.set(code, Math.max(status.get(code) ?? 0, value));
		}
		const populations = new Map(
			(await testDb.db.select({ code: geoCommunes.code, population: geoCommunes.population }).from(geoCommunes).where(inArray(geoCommunes.code, [...status.keys()]))).map((row) => [row.code, row.population])
		);
		let operating = 0;
		let project = 0;
		for (const [code, value] of status) {
			if (value === 2) operating += populations.get(code)!;
			if (value === 1) project += populations.get(code)!;
		}
		expect(first).toMatchObject({ populationOperating: operating, populationProject: project });
		expect(national.every((row) => row.takenAt.getTime() <= Date.now())).toBe(true);
	});

	it('does nothing more on a second run', async () => {
		const count = async () => (await testDb.db.select({ n: sql<number>`count(*)::int` }).from(cptsStageEvents))[0].n;
		const before = await count();
		const again = await seedDemo(testDb.db);
		expect(again.content.steering).toMatchObject({ stageEvents: 0 });
		expect(await count()).toBe(before);
	});
});
