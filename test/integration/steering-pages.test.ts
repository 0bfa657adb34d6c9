/**
 * The coverage pages of the steering (/reseau, a région, a département) and their CSV
 * exports, on a small made-up network of CPTS on real INSEE codes: figures, zones blanches
 * with their plan, trend, and who may see what (the role × scope matrix, refusals included).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { inArray } from 'drizzle-orm';
import { coveragePlanCommunes, coveragePlans, geoCommunes, notifications, partnerAccounts } from '../../src/lib/server/db/schema';
import { createSession, validateSessionToken, type SessionUser } from '../../src/lib/server/auth/session';
import { computeCoverage, snapshotCoverage, uncoveredUnits } from '../../src/lib/server/territories/coverage';
import { replaceTerritory } from '../../src/lib/server/territories/territory';
import {
	COVERAGE_CSV_HEADER,
	ZONES_BLANCHES_CSV_HEADER,
	departementView,
	nationalView,
	regionView,
	type DepartementView,
	type NationalView,
	type RegionView
} from '../../src/lib/server/territories/steering-pages';
import { csvDocument, csvField } from '../../src/lib/server/shared/csv';
import { generateId } from '../../src/lib/server/shared/ids';
import { load as loadLayout } from '../../src/routes/+layout.server';
import { load as loadNational } from '../../src/routes/reseau/+page.server';
import { load as loadRegion } from '../../src/routes/reseau/regions/[code]/+page.server';
import { load as loadDepartement } from '../../src/routes/reseau/departements/[code]/+page.server';
import { GET as coverageCsvRoute } from '../../src/routes/reseau/couverture.csv/+server';
import { GET as zonesCsvRoute } from '../../src/routes/reseau/zones-blanches.csv/+server';
import { useTestDatabase } from '../helpers/db';
import { makeCpts, makeUser } from '../helpers/factories';
import { expectAppError } from '../helpers/refusal';
import { asSessionUser, routeOutcome } from '../helpers/routes';

const testDb = useTestDatabase({ referential: true });

const TOUL = '54528';
const VANDOEUVRE = '54547';
const NANCY = '54395';
const METZ = '57463';

let facilitator: SessionUser;
let arsGrandEst: SessionUser;
let cpam54: SessionUser;
let member: SessionUser;
let population: Map<string, number>;
let planCommune: { code: string; name: string; population: number };

async function partner(organisation: 'ars' | 'cpam', regionCode: string, departementCode: string | null, label: string) {
	const user = await makeUser(testDb.db);
	await testDb.db.insert(partnerAccounts).values({ userId: user.id, organisation, regionCode, departementCode, label });
	return asSessionUser(user);
}

beforeAll(async () => {
	const db = testDb.db;
	facilitator = asSessionUser(await makeUser(db, { roles: ['facilitator'] }));
	member = asSessionUser(await makeUser(db));
	arsGrandEst = await partner('ars', '44', null, 'ARS Grand Est');
	cpam54 = await partner('cpam', '44', '54', 'CPAM de Meurthe-et-Moselle');

	// Toul in operation; Nancy and Metz in a project (across two départements); Vandœuvre in
	// both (an overlap: it counts once, as in operation); an initiative covering nobody.
	const toul = await makeCpts(db, { name: 'CPTS du Toulois', stage: 'en_fonctionnement' });
	const sillon = await makeCpts(db, { name: 'CPTS du Sillon lorrain', stage: 'lettre_intention' });
	const early = await makeCpts(db, { name: 'CPTS naissante', stage: 'initiative' });
	await replaceTerritory(db, toul.id, [TOUL, VANDOEUVRE]);
	await replaceTerritory(db, sillon.id, [NANCY, VANDOEUVRE, METZ]);
	await replaceTerritory(db, early.id, ['54099']);

	const rows = await db.select({ code: geoCommunes.code, population: geoCommunes.population }).from(geoCommunes).where(inArray(geoCommunes.code, [TOUL, VANDOEUVRE, NANCY, METZ]));
	population = new Map(rows.map((row) => [row.code, row.population]));

	// A plan d'action for the most populated uncovered commune of 54.
	[planCommune] = await uncoveredUnits(db, '54');
	const planId = generateId();
	await db.insert(coveragePlans).values({ id: planId, departementCode: '54', name: 'Plan Lunévillois', porteur: 'MSP de Lunéville' });
	await db.insert(coveragePlanCommunes).values({ planId, communeCode: planCommune.code });

	await snapshotCoverage(db, 'territory', new Date('2026-01-15T10:00:00Z'));
	await snapshotCoverage(db, 'monthly', new Date('2026-02-01T10:00:00Z'));
});

const event = (path: string, user: SessionUser | null, params: Record<string, string> = {}) =>
	({ locals: { user, locale: 'fr' }, url: new URL(`http://localhost${path}`), params }) as never;

const national = (user: SessionUser | null) => routeOutcome(() => loadNational(event('/reseau', user)));
const region = (user: SessionUser | null, code: string) => routeOutcome(() => loadRegion(event(`/reseau/regions/${code}`, user, { code })));
const departement = (user: SessionUser | null, code: string) =>
	routeOutcome(() => loadDepartement(event(`/reseau/departements/${code}`, user, { code })));

/** A CSV endpoint's outcome: its text, or the redirect / HTTP error. */
async function csv(route: (event: never) => Response | Promise<Response>, path: string, user: SessionUser | null) {
	const outcome = await routeOutcome(() => route(event(path, user)));
	if (outcome.data instanceof Response) {
		// Bytes, then decoded keeping the BOM (Response.text() drops it).
		const bytes = new Uint8Array(await outcome.data.arrayBuffer());
		return { status: outcome.data.status, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), bytes, type: outcome.data.headers.get('content-type') };
	}
	return outcome;
}

/** RFC 4180 with `;`, as a spreadsheet reads it (the BOM removed first). */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let index = 0; index < text.length; index++) {
		const char = text[index];
		if (quoted) {
			if (char === '"' && text[index + 1] === '"') (field += '"'), index++;
			else if (char === '"') quoted = false;
			else field += char;
		} else if (char === '"') quoted = true;
		else if (char === ';') row.push(field), (field = '');
		else if (char === '\r' && text[index + 1] === '\n') {
			row.push(field);
			rows.push(row);
			(row = []), (field = ''), index++;
		} else field += char;
	}
	return rows;
}

describe('the coverage figures of the pages', () => {
	it('national view: France, régions and départements from computeCoverage, the reference apart, the vintage', async () => {
		const view = (await nationalView(testDb.db, facilitator)) as NationalView;
		const france = (await computeCoverage(testDb.db)).find((row) => row.level === 'france')!;
		expect(view.france).toEqual({
			population: france.population,
			populationOperating: france.populationOperating,
			populationProject: france.populationProject,
			populationUncovered: france.populationUncovered
		});
		expect(view.france.populationOperating).toBe(population.get(TOUL)! + population.get(VANDOEUVRE)!);
		expect(view.france.populationProject).toBe(population.get(NANCY)! + population.get(METZ)!);
		expect(view.vintage).toMatch(/^\d{4}$/);
		expect(view.reference).toMatchObject({ shareFormalised: 0.764, shareInOperation: 0.576 });
		expect(view.departements).toHaveLength(101);
		expect(view.departements.find((row) => row.code === '54')).toMatchObject({ name: 'Meurthe-et-Moselle', href: '/reseau/departements/54', regionCode: '44' });
		expect(view.regions.map((row) => row.name)).toContain('Auvergne-Rhône-Alpes');
		expect(view.regions.at(-1)!.overseas).toBe(true);
	});

	it('région view: its départements, its CPTS (the initiative too), its overlaps', async () => {
		const view = (await regionView(testDb.db, facilitator, '44')) as RegionView;
		expect(view.region.name).toBe('Grand Est');
		expect(view.departements.map((row) => row.code)).toEqual(['08', '10', '51', '52', '54', '55', '57', '67', '68', '88']);
		const total = view.departements.reduce((sum, row) => sum + row.population, 0);
		expect(view.region.population).toBe(total);
		expect(view.cpts.map((row) => row.name)).toEqual(['CPTS du Sillon lorrain', 'CPTS du Toulois', 'CPTS naissante']);
		expect(view.overlaps).toEqual([
			expect.objectContaining({ units: 1, population: population.get(VANDOEUVRE) })
		]);
		expect(view.nationalHref).toBe('/reseau');
	});

	it('département view: CPTS with their population here and in all, zones blanches by EPCI with their plan, trend', async () => {
		const view = (await departementView(testDb.db, facilitator, '54')) as DepartementView;
		expect(view.departement.populationOperating).toBe(population.get(TOUL)! + population.get(VANDOEUVRE)!);
		expect(view.departement.populationProject).toBe(population.get(NANCY)!);
		const sillon = view.cpts.find((row) => row.name === 'CPTS du Sillon lorrain')!;
		expect(sillon).toMatchObject({
			stage: 'lettre_intention',
			populationHere: population.get(NANCY)! + population.get(VANDOEUVRE)!,
			populationTotal: population.get(NANCY)! + population.get(VANDOEUVRE)! + population.get(METZ)!,
			spansOutside: true
		});
		expect(view.cpts.find((row) => row.name === 'CPTS du Toulois')!.spansOutside).toBe(false);

		const zones = view.zonesBlanches;
		expect(zones.population).toBe(view.departement.populationUncovered);
		expect(zones.groups.reduce((sum, group) => sum + group.communes.length, 0)).toBe(zones.communes);
		expect(zones.groups.map((group) => group.population)).toEqual([...zones.groups.map((group) => group.population)].sort((a, b) => b - a));
		expect(zones.groups[0].epciName).toBeTruthy();
		const planned = zones.groups.flatMap((group) => group.communes).find((commune) => commune.code === planCommune.code)!;
		expect(planned.plan).toMatchObject({ name: 'Plan Lunévillois', porteur: 'MSP de Lunéville' });
		expect(zones.communesWithoutPlan).toBe(zones.communes - 1);
		expect(zones.populationWithoutPlan).toBe(zones.population - planCommune.population);
		expect(view.plansHref).toBe('/reseau/departements/54/plans');
		// Communes in an initiative only are still zones blanches.
		expect(zones.groups.flatMap((group) => group.communes).some((commune) => commune.code === '54099')).toBe(true);

		expect(view.trend.map((point) => point.day)).toEqual(['2026-01-15', '2026-02-01']);
		expect(view.trend[1]).toMatchObject({ population: view.departement.population, populationOperating: view.departement.populationOperating });
		expect((await departementView(testDb.db, facilitator, '57')).trend).toHaveLength(2);
	});

	it('an unknown code is a 404', async () => {
		expect(await departement(facilitator, '99')).toEqual({ status: 404 });
		expect(await region(facilitator, '99')).toEqual({ status: 404 });
	});
});

describe('who sees which page', () => {
	it('a facilitator sees everything', async () => {
		expect((await national(facilitator)).data).toBeDefined();
		expect((await region(facilitator, '84')).data).toBeDefined();
		expect((await departement(facilitator, '974')).data).toBeDefined();
	});

	it('the ARS Grand Est sees Grand Est and is sent there from /reseau', async () => {
		expect(await national(arsGrandEst)).toEqual({ redirect: '/reseau/regions/44', status: 303 });
		const page = await region(arsGrandEst, '44');
		expect(page.data).toMatchObject({ nationalHref: null });
		expect((await departement(arsGrandEst, '54')).data).toMatchObject({ region: { href: '/reseau/regions/44' } });
		expect(await region(arsGrandEst, '84')).toEqual({ status: 403 });
		expect(await departement(arsGrandEst, '69')).toEqual({ status: 403 });
	});

	it('the CPAM of 54 sees 54 only', async () => {
		expect(await national(cpam54)).toEqual({ redirect: '/reseau/departements/54', status: 303 });
		expect((await departement(cpam54, '54')).data).toMatchObject({ region: { href: null }, nationalHref: null });
		expect(await departement(cpam54, '57')).toEqual({ status: 403 });
		expect(await region(cpam54, '44')).toEqual({ status: 403 });
	});

	it('a member gets 403, a visitor is sent to sign in', async () => {
		expect(await national(member)).toEqual({ status: 403 });
		expect(await region(member, '44')).toEqual({ status: 403 });
		expect(await departement(member, '54')).toEqual({ status: 403 });
		expect(await national(null)).toEqual({ redirect: '/connexion?redirectTo=%2Freseau', status: 303 });
		expect(await departement(null, '54')).toEqual({ redirect: '/connexion?redirectTo=%2Freseau%2Fdepartements%2F54', status: 303 });
		await expectAppError(regionView(testDb.db, null, '44'), 'unauthenticated');
	});
});

describe('couverture.csv', () => {
	it('is UTF-8 with a BOM, `;`, CRLF, the exact columns, accents intact, totals those of computeCoverage', async () => {
		const file = (await csv(coverageCsvRoute, '/reseau/couverture.csv', facilitator)) as { status: number; text: string; bytes: Uint8Array; type: string };
		expect(file.status).toBe(200);
		expect(file.type).toBe('text/csv; charset=utf-8');
		expect([...file.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		expect(file.text.charCodeAt(0)).toBe(0xfeff);
		expect(file.text.endsWith('\r\n')).toBe(true);
		expect(file.text.replace(/\r\n/g, '')).not.toMatch(/\n/);
		const [header, ...rows] = parseCsv(file.text.slice(1));
		expect(header.join(';')).toBe('niveau;code;nom;population;population_cpts_fonctionnement;population_cpts_projet;population_non_couverte');
		expect(header).toEqual([...COVERAGE_CSV_HEADER]);
		const coverage = await computeCoverage(testDb.db);
		expect(rows).toHaveLength(coverage.length);
		for (const row of coverage) {
			const line = rows.find((fields) => fields[0] === row.level && fields[1] === row.code)!;
			expect(line).toEqual([
				row.level,
				row.code,
				row.name,
				String(row.population),
				String(row.populationOperating),
				String(row.populationProject),
				String(row.populationUncovered)
			]);
		}
		expect(rows[0][0]).toBe('france');
		expect(rows.find((fields) => fields[1] === '84')![2]).toBe('Auvergne-Rhône-Alpes');
		expect(rows.find((fields) => fields[1] === '2A')![2]).toBe('Corse-du-Sud');
		const departements = rows.filter((fields) => fields[0] === 'departement');
		expect(departements.reduce((sum, fields) => sum + Number(fields[3]), 0)).toBe(Number(rows[0][3]));
	});

	it('gives a partner the rows of her scope only; refuses members; sends visitors to sign in', async () => {
		const ars = (await csv(coverageCsvRoute, '/reseau/couverture.csv', arsGrandEst)) as { text: string };
		const arsRows = parseCsv(ars.text.slice(1)).slice(1);
		expect(arsRows.map((fields) => fields[1])).toEqual(['44', '08', '10', '51', '52', '54', '55', '57', '67', '68', '88']);
		const cpam = (await csv(coverageCsvRoute, '/reseau/couverture.csv', cpam54)) as { text: string };
		expect(parseCsv(cpam.text.slice(1)).slice(1).map((fields) => fields.slice(0, 3))).toEqual([['departement', '54', 'Meurthe-et-Moselle']]);
		expect(await csv(coverageCsvRoute, '/reseau/couverture.csv', member)).toEqual({ status: 403 });
		expect(await csv(coverageCsvRoute, '/reseau/couverture.csv', null)).toEqual({ redirect: '/connexion?redirectTo=%2Freseau%2Fcouverture.csv', status: 303 });
	});
});

describe('zones-blanches.csv', () => {
	it('lists every commune of the département in no CPTS, with its EPCI and plan', async () => {
		const file = (await csv(zonesCsvRoute, '/reseau/zones-blanches.csv?departement=54', cpam54)) as { status: number; text: string };
		expect(file.status).toBe(200);
		expect(file.text.charCodeAt(0)).toBe(0xfeff);
		const [header, ...rows] = parseCsv(file.text.slice(1));
		expect(header).toEqual([...ZONES_BLANCHES_CSV_HEADER]);
		const uncovered = await uncoveredUnits(testDb.db, '54');
		expect(rows.map((fields) => fields[0]).sort()).toEqual(uncovered.map((unit) => unit.code).sort());
		expect(rows.reduce((sum, fields) => sum + Number(fields[2]), 0)).toBe(
			(await computeCoverage(testDb.db, { departementCode: '54' })).find((row) => row.code === '54')!.populationUncovered
		);
		expect(rows.find((fields) => fields[0] === planCommune.code)!.slice(1)).toEqual([
			planCommune.name,
			String(planCommune.population),
			expect.any(String),
			'Plan Lunévillois'
		]);
		expect(rows.filter((fields) => fields[4] === '').length).toBe(rows.length - 1);
		expect(rows.some((fields) => /[éèô]/.test(fields[1]))).toBe(true);
		expect([TOUL, NANCY, VANDOEUVRE].some((code) => rows.some((fields) => fields[0] === code))).toBe(false);
	});

	it('refuses a département outside the scope, and says what is wrong with the parameter', async () => {
		expect(await csv(zonesCsvRoute, '/reseau/zones-blanches.csv?departement=57', cpam54)).toEqual({ status: 403 });
		expect(await csv(zonesCsvRoute, '/reseau/zones-blanches.csv?departement=69', arsGrandEst)).toEqual({ status: 403 });
		expect((await csv(zonesCsvRoute, '/reseau/zones-blanches.csv?departement=57', arsGrandEst)) as { status: number }).toMatchObject({ status: 200 });
		expect(await csv(zonesCsvRoute, '/reseau/zones-blanches.csv?departement=54', member)).toEqual({ status: 403 });
		expect(await csv(zonesCsvRoute, '/reseau/zones-blanches.csv', facilitator)).toEqual({ status: 400 });
		expect(await csv(zonesCsvRoute, '/reseau/zones-blanches.csv?departement=99', facilitator)).toEqual({ status: 400 });
		await expectAppError(
			import('../../src/lib/server/territories/steering-pages').then((module) => module.zonesBlanchesCsv(testDb.db, facilitator, '99')),
			'invalid',
			'steering.csv.departementUnknown'
		);
		await expectAppError(
			import('../../src/lib/server/territories/steering-pages').then((module) => module.zonesBlanchesCsv(testDb.db, facilitator, null)),
			'invalid',
			'steering.csv.departementMissing'
		);
	});
});

describe('CSV fields', () => {
	it('are quoted only when needed, and never start a formula', () => {
		expect(csvField('Plan « Est » ; phase 1')).toBe('"Plan « Est » ; phase 1"');
		expect(csvField('dit "le plan"')).toBe('"dit ""le plan"""');
		expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
		expect(csvField('Lunéville')).toBe('Lunéville');
		expect(csvField(null)).toBe('');
		expect(parseCsv(csvDocument(['a', 'b'], [['x;y', 'z\r\nw']]).slice(1))).toEqual([['a', 'b'], ['x;y', 'z\r\nw']]);
	});
});

describe('the « Pilotage » link, from the request’s one session query', () => {
	it('reads the partner account and the unread count with the session: a link for partners and facilitators, none for members', async () => {
		const partnerUser = await partner('ars', '44', '54', 'ARS Grand Est — DT 54 (lien)');
		const home = async (user: SessionUser) => {
			const { token } = await createSession(testDb.db, user.id);
			const { user: signedIn, extras } = await validateSessionToken(testDb.db, token);
			const data = await loadLayout({ locals: { user: signedIn, sessionExtras: extras, locale: 'fr' }, request: new Request('http://localhost/') } as never);
			return data as { steeringHome: string | null; unreadNotifications: number };
		};
		expect((await home(partnerUser)).steeringHome).toBe('/reseau/departements/54');
		expect((await home(facilitator)).steeringHome).toBe('/reseau');
		await testDb.db.insert(notifications).values([{ userId: member.id, kind: 'system', title: 't' }, { userId: member.id, kind: 'system', title: 'u' }]);
		expect(await home(member)).toMatchObject({ steeringHome: null, unreadNotifications: 2 });
	});
});
