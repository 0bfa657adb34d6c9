/**
 * The INSEE referential, CPTS territories as sets of codes, and coverage computed from them.
 * Runs on the referential of the pinned @etalab/decoupage-administratif (real codes and
 * populations), on PGlite and PostgreSQL.
 */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { cpts, geoCommunes, regions } from '../../src/lib/server/db/schema';
import { loadReferential, readCogPackage, vintageFromReadme } from '../../src/lib/server/geo/referential';
import { resolveCodes, searchEpci, searchUnits, splitCodes, unitsOfEpci } from '../../src/lib/server/geo/units';
import { cachedCoverage, computeCoverage, snapshotCoverage, takeMonthlySnapshotIfDue, uncoveredUnits } from '../../src/lib/server/territories/coverage';
import { TerritoryRejected, overlapsIn, replaceTerritory, territoryOverlaps } from '../../src/lib/server/territories/territory';
import { useTestDatabase } from '../helpers/db';
import { refusal } from '../helpers/refusal';
import { makeCpts } from '../helpers/factories';

const testDb = useTestDatabase({ referential: true });

const populationOf = async (code: string) =>
	(await testDb.db.select({ population: geoCommunes.population }).from(geoCommunes).where(eq(geoCommunes.code, code)))[0].population;

describe('the INSEE referential', () => {
	it('is loaded once: a second load of the same package version does nothing', async () => {
		const again = await loadReferential(testDb.db);
		expect(again.loaded).toBe(false);
		expect(again.vintage).toMatch(/^\d{4}$/);
	});

	it('reads the vintage from the package README table', () => {
		expect(vintageFromReadme('| 2026  | 6.0.0  | `npm …` |\n| 2025 | 5.3.0 | x |', '5.3.0')).toBe('2025');
		expect(vintageFromReadme('nothing here', '5.3.0')).toBeNull();
	});

	it('holds the DROM, not the collectivités d’outre-mer, and Paris by arrondissement', async () => {
		const saintDenis = await searchUnits(testDb.db, '97411');
		// 97411 is Saint-Denis's code and one of Saint-Paul's postcodes: the code comes first.
		expect(saintDenis.map((unit) => unit.name)).toEqual(['Saint-Denis', 'Saint-Paul']);
		expect((await searchUnits(testDb.db, '97502')).length).toBe(0); // Saint-Pierre (975), a COM
		const paris = await searchUnits(testDb.db, 'Paris');
		expect(paris.some((unit) => unit.code === '75056')).toBe(false);
		expect(paris.filter((unit) => unit.kind === 'arrondissement').length).toBeGreaterThan(0);
	});

	it('counts no inhabitant twice: a région is the sum of its communes and arrondissements', async () => {
		const data = readCogPackage();
		const lyonArrondissements = data.communes.filter((unit) => unit.parentCode === '69123');
		expect(lyonArrondissements).toHaveLength(9);
		const [auvergneRhoneAlpes] = await testDb.db.select().from(regions).where(eq(regions.code, '84'));
		const expected = data.communes
			.filter((unit) => unit.regionCode === '84' && (unit.kind === 'commune' || unit.kind === 'arrondissement'))
			.reduce((total, unit) => total + (unit.population ?? 0), 0);
		expect(auvergneRhoneAlpes.population).toBe(expected);
		expect(auvergneRhoneAlpes.populationSource).toContain('Insee');
	});

	it('finds a commune by name without accents, by postcode and by code', async () => {
		expect((await searchUnits(testDb.db, 'venissieux'))[0]).toMatchObject({ code: '69259', name: 'Vénissieux' });
		expect((await searchUnits(testDb.db, '54200')).map((unit) => unit.name)).toContain('Toul');
		expect((await searchUnits(testDb.db, '54528'))[0].name).toBe('Toul');
	});

	it('gives the communes of an EPCI', async () => {
		const [nancy] = await searchEpci(testDb.db, 'Métropole du Grand Nancy');
		expect(nancy.communes).toBeGreaterThan(15);
		const units = await unitsOfEpci(testDb.db, nancy.code);
		expect(units.map((unit) => unit.name)).toContain('Nancy');
		expect(units.reduce((total, unit) => total + unit.population, 0)).toBe(nancy.population);
	});
});

describe('a pasted list of codes', () => {
	it('names every offending value and why', async () => {
		const { units, problems } = await resolveCodes(testDb.db, splitCodes('54528, 54528 99999 abc\n75056 01039'));
		expect(units.map((unit) => unit.code)).toEqual(['54528']);
		expect(problems).toEqual([
			{ value: '54528', reason: 'duplicate' },
			{ value: '99999', reason: 'unknown' },
			{ value: 'abc', reason: 'format' },
			{ value: '75056', reason: 'arrondissements', name: 'Paris', replacement: '75101–75120', replacementName: 'Paris' },
			{ value: '01039', reason: 'deleguee', name: 'Béon', replacement: '01138', replacementName: expect.any(String) }
		]);
	});
});

describe('a CPTS territory', () => {
	it('computes population, département, région and size band, and saves nothing from a rejected list', async () => {
		const sudToulois = await makeCpts(testDb.db, { regionCode: '44', department: '54', population: 1 });
		const codes = ['54528', '54080', '54135']; // Toul, Blénod-lès-Toul, Colombey-les-Belles
		const summary = await replaceTerritory(testDb.db, sudToulois.id, codes);
		const expected = (await Promise.all(codes.map(populationOf))).reduce((a, b) => a + b, 0);
		expect(summary.population).toBe(expected);
		expect(summary.departements.map((departement) => departement.code)).toEqual(['54']);
		expect(summary.sizeBand).toBe(1);
		const [row] = await testDb.db.select().from(cpts).where(eq(cpts.id, sudToulois.id));
		expect(row.population).toBe(expected);
		expect(row.sizeBand).toBe(1);

		const rejected = await refusal(replaceTerritory(testDb.db, sudToulois.id, ['54528', '00000']));
		expect(rejected).toBeInstanceOf(TerritoryRejected);
		expect((rejected as TerritoryRejected).problems).toEqual([{ value: '00000', reason: 'unknown' }]);
		const [unchanged] = await testDb.db.select().from(cpts).where(eq(cpts.id, sudToulois.id));
		expect(unchanged.population).toBe(expected);
	});

	it('shows overlaps on both sides, counted once in coverage', async () => {
		const a = await makeCpts(testDb.db, { stage: 'en_fonctionnement' });
		const b = await makeCpts(testDb.db, { stage: 'lettre_intention' });
		await replaceTerritory(testDb.db, a.id, ['88095', '88206']); // Châtenois, Gironcourt-sur-Vraine
		await replaceTerritory(testDb.db, b.id, ['88206', '88504']); // Gironcourt-sur-Vraine, Vicherey
		const fromA = await territoryOverlaps(testDb.db, a.id);
		const fromB = await territoryOverlaps(testDb.db, b.id);
		expect(fromA.map((overlap) => overlap.cptsId)).toEqual([b.id]);
		expect(fromB.map((overlap) => overlap.units.map((unit) => unit.code))).toEqual([['88206']]);
		expect((await overlapsIn(testDb.db, { departementCode: '88' })).some((pair) => pair.units === 1)).toBe(true);

		const vosges = (await computeCoverage(testDb.db)).find((row) => row.level === 'departement' && row.code === '88')!;
		const [chatenois, gironcourt, other] = await Promise.all(['88095', '88206', '88504'].map(populationOf));
		// Gironcourt is in both: it counts once, under the CPTS in operation.
		expect(vosges.populationOperating).toBe(chatenois + gironcourt);
		expect(vosges.populationProject).toBe(other);
		expect(vosges.populationUncovered).toBe(vosges.population - chatenois - gironcourt - other);
		const uncovered = await uncoveredUnits(testDb.db, '88');
		expect(uncovered.some((unit) => unit.code === '88206')).toBe(false);
		expect(uncovered.reduce((total, unit) => total + unit.population, 0)).toBe(vosges.populationUncovered);
	});

	it('adds up from départements to régions to France', async () => {
		const rows = await computeCoverage(testDb.db);
		const france = rows.find((row) => row.level === 'france')!;
		const regionRows = rows.filter((row) => row.level === 'region');
		expect(regionRows).toHaveLength(18);
		expect(rows.filter((row) => row.level === 'departement')).toHaveLength(101);
		expect(regionRows.reduce((total, row) => total + row.population, 0)).toBe(france.population);
		expect(regionRows.reduce((total, row) => total + row.populationOperating, 0)).toBe(france.populationOperating);
		expect(await snapshotCoverage(testDb.db, 'monthly')).toBe(rows.length);
	});

	it('serves pages figures from a cache that follows every territory and stage change', async () => {
		const vosgesOf = async () => (await cachedCoverage(testDb.db, { departementCode: '88' })).find((row) => row.code === '88')!;
		const before = await vosgesOf();
		expect(before).toEqual((await computeCoverage(testDb.db, { departementCode: '88' })).find((row) => row.code === '88'));
		const fresh = await makeCpts(testDb.db, { stage: 'aci_signe' });
		await replaceTerritory(testDb.db, fresh.id, ['88160']); // Épinal
		const afterTerritory = await vosgesOf();
		expect(afterTerritory.populationOperating).toBe(before.populationOperating + (await populationOf('88160')));
		await testDb.db.update(cpts).set({ stage: 'initiative', updatedAt: new Date() }).where(eq(cpts.id, fresh.id));
		expect((await vosgesOf()).populationOperating).toBe(before.populationOperating);
	});

	it('takes one monthly snapshot a month, even when two instances ask together', async () => {
		const march = new Date('2027-03-15T09:00:00Z');
		const [first, second] = await Promise.all([takeMonthlySnapshotIfDue(testDb.db, march), takeMonthlySnapshotIfDue(testDb.db, march)]);
		expect([first, second].filter(Boolean)).toHaveLength(1);
		expect(await takeMonthlySnapshotIfDue(testDb.db, new Date('2027-03-31T21:00:00Z'))).toBe(false);
		// 31 March 23:30 in Paris is already April there: a new month.
		expect(await takeMonthlySnapshotIfDue(testDb.db, new Date('2027-03-31T22:30:00Z'))).toBe(true);
	});
});
