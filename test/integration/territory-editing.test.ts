/**
 * Drawing a CPTS territory from its page: search, whole EPCI, pasted list, removal; every
 * refusal named in French, nothing saved from a refused submission; who may edit. Through the
 * route module (load and actions as SvelteKit calls them), on the real INSEE referential.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { SessionUser } from '../../src/lib/server/auth/session';
import { auditLog, coverageSnapshots, cpts, partnerAccounts } from '../../src/lib/server/db/schema';
import { canEditTerritory } from '../../src/lib/server/cpts';
import { getTerritoryUnits, replaceTerritory } from '../../src/lib/server/territories/territory';
import { computeCoverage } from '../../src/lib/server/territories/coverage';
import { territorySnapshotsSettled } from '../../src/lib/server/territories/editing';
import { translate, type MessageKey } from '../../src/lib/i18n';
import { formatNumber } from '../../src/lib/i18n/locale';
import { actions, load } from '../../src/routes/cpts/[slug]/territoire/+page.server';
import { load as loadCptsPage } from '../../src/routes/cpts/[slug]/+page.server';
import { useTestDatabase } from '../helpers/db';
import { makeCpts, makeMembership, makeUser } from '../helpers/factories';
import { asSessionUser, routeOutcome } from '../helpers/routes';

const testDb = useTestDatabase({ referential: true });

const TOUL = '54528';
const COLOMBEY = '54135';
const VEZELISE = '54563';

function event(slug: string, user: SessionUser | null, options: { query?: string; form?: Record<string, string> } = {}) {
	const url = new URL(`http://localhost/cpts/${slug}/territoire${options.query ?? ''}`);
	const body = new URLSearchParams(options.form ?? {});
	const request = new Request(url, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
	return { params: { slug }, url, request, locals: { user, locale: 'fr' } } as never;
}

type ActionName = keyof typeof actions;
/** Runs an action; a refusal (fail) comes back as { status, data }, a thrown error as { status }. */
async function act(name: ActionName, slug: string, user: SessionUser | null, form: Record<string, string>) {
	const outcome = await routeOutcome(() => actions[name]!(event(slug, user, { form })));
	const data = outcome.data as { status?: number; data?: Record<string, unknown> } | undefined;
	if (data && typeof data.status === 'number' && data.data) return { status: data.status, data: data.data };
	return outcome;
}

async function scene() {
	const place = await makeCpts(testDb.db, { name: 'CPTS Test Toulois', regionCode: '44', department: '54', population: 0 });
	const coordinator = asSessionUser(await makeUser(testDb.db, { name: 'Coordinatrice Test' }));
	await makeMembership(testDb.db, place.id, coordinator.id, { role: 'coordinator' });
	return { place, coordinator };
}

const codesOf = async (cptsId: string) => (await getTerritoryUnits(testDb.db, cptsId)).map((unit) => unit.code).sort();
const messages = (problems: unknown) =>
	(problems as Record<string, string | number>[]).map((problem) => translate('fr', `territories.problem.${problem.reason}` as MessageKey, problem));

// A snapshot runs after the response: let each test's finish before the database is reset.
afterEach(() => territorySnapshotsSettled());

describe('drawing a territory', () => {
	it('adds a commune found by search, shows the computed figures and marks it as held', async () => {
		const { place, coordinator } = await scene();
		const found = (await routeOutcome(() => load(event(place.slug, coordinator, { query: '?q=toul' })))).data as {
			results: { units: { code: string; name: string; held: boolean }[] };
		};
		// Larger communes first: Toulouse, Toulon… then Toul.
		expect(found.results.units.find((unit) => unit.code === TOUL)).toMatchObject({ name: 'Toul', held: false });

		const added = await act('add', place.slug, coordinator, { code: TOUL });
		expect(added.data).toMatchObject({ success: true, added: [TOUL], removed: [] });
		expect(await codesOf(place.id)).toEqual([TOUL]);

		const page = (await routeOutcome(() => load(event(place.slug, coordinator, { query: '?q=54200' })))).data as {
			territory: { summary: { population: number; sizeBand: number; departements: { code: string }[] }; vintage: string };
			results: { units: { code: string; held: boolean }[] };
		};
		expect(page.territory.summary).toMatchObject({ sizeBand: 1, departements: [{ code: '54' }] });
		expect(page.territory.summary.population).toBeGreaterThan(10_000);
		expect(page.territory.vintage).toMatch(/^20\d\d$/);
		expect(page.results.units.find((unit) => unit.code === TOUL)?.held).toBe(true);
		const [row] = await testDb.db.select().from(cpts).where(eq(cpts.id, place.id));
		expect(row.population).toBe(page.territory.summary.population);

		const audit = await testDb.db.select().from(auditLog).where(and(eq(auditLog.targetId, place.id), eq(auditLog.action, 'cpts.territoryChanged')));
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({ actorId: coordinator.id, details: { how: 'add', added: [TOUL], removed: [] } });
		await territorySnapshotsSettled();
		expect((await testDb.db.select().from(coverageSnapshots).where(eq(coverageSnapshots.reason, 'territory'))).length).toBeGreaterThan(0);
	});

	it('adds a whole EPCI, skipping the communes already held', async () => {
		const { place, coordinator } = await scene();
		await replaceTerritory(testDb.db, place.id, [TOUL]);
		const found = (await routeOutcome(() => load(event(place.slug, coordinator, { query: '?epci=terres%20touloises' })))).data as {
			results: { epci: { code: string; communes: number }[] };
		};
		const [epci] = found.results.epci;
		expect(epci.code).toBe('200070563');
		const added = await act('epci', place.slug, coordinator, { epci: epci.code });
		expect(added.data?.success).toBe(true);
		const codes = await codesOf(place.id);
		expect(codes).toHaveLength(epci.communes);
		expect(codes).toContain(TOUL);
		expect((added.data?.added as string[]).includes(TOUL)).toBe(false);
		// An EPCI code that does not exist is refused and changes nothing.
		const unknown = await act('epci', place.slug, coordinator, { epci: '999999999' });
		expect(unknown.status).toBe(400);
		expect(await codesOf(place.id)).toEqual(codes);
	});

	it('adds a pasted list, or replaces the territory with it, and removes one unit', async () => {
		const { place, coordinator } = await scene();
		await replaceTerritory(testDb.db, place.id, [TOUL]);
		const pasted = await act('paste', place.slug, coordinator, { codes: `${COLOMBEY}, ${VEZELISE}\n` });
		expect(pasted.data).toMatchObject({ success: true, added: [COLOMBEY, VEZELISE] });
		expect(await codesOf(place.id)).toEqual([COLOMBEY, TOUL, VEZELISE]);

		const removed = await act('remove', place.slug, coordinator, { code: COLOMBEY });
		expect(removed.data).toMatchObject({ success: true, added: [], removed: [COLOMBEY] });
		expect(await codesOf(place.id)).toEqual([TOUL, VEZELISE]);

		const replaced = await act('paste', place.slug, coordinator, { codes: '69381 69382', replace: 'on' });
		expect(replaced.data?.success).toBe(true);
		expect(await codesOf(place.id)).toEqual(['69381', '69382']);
		const [row] = await testDb.db.select().from(cpts).where(eq(cpts.id, place.id));
		expect(row).toMatchObject({ department: '69', regionCode: '84' });
	});
});

describe('a refused submission', () => {
	it('names every offending value in French, saves nothing and keeps what was typed', async () => {
		const { place, coordinator } = await scene();
		await replaceTerritory(testDb.db, place.id, [TOUL]);
		const typed = `${VEZELISE} 5452 99999 ${VEZELISE} ${TOUL} 01039 75056 69123`;
		const refused = await act('paste', place.slug, coordinator, { codes: typed });
		expect(refused.status).toBe(400);
		expect(refused.data?.values).toEqual({ codes: typed, replace: false });
		expect(messages(refused.data?.problems)).toEqual([
			'«\u00a05452\u00a0» n’est pas un code INSEE\u00a0: cinq caractères, par exemple 54528 (ou 2A004 en Corse).',
			'99999\u00a0: aucune commune ni aucun arrondissement ne porte ce code dans le Code officiel géographique.',
			`${VEZELISE} figure deux fois dans la liste.`,
			`${TOUL} est déjà dans le territoire.`,
			'01039 est Béon, commune déléguée de Culoz-Béon (01138)\u00a0: saisissez 01138',
			'75056 est Paris dans son ensemble\u00a0: saisissez ses arrondissements, 75101–75120',
			'69123 est Lyon dans son ensemble\u00a0: saisissez ses arrondissements, 69381–69389'
		]);
		expect(await codesOf(place.id)).toEqual([TOUL]);
		expect(await testDb.db.select().from(auditLog).where(eq(auditLog.targetId, place.id))).toHaveLength(0);
	});

	it('refuses a commune already held, an empty list and a list too long', async () => {
		const { place, coordinator } = await scene();
		await replaceTerritory(testDb.db, place.id, [TOUL]);
		expect(messages((await act('add', place.slug, coordinator, { code: TOUL })).data?.problems)).toEqual([`${TOUL} est déjà dans le territoire.`]);
		const empty = await act('paste', place.slug, coordinator, { codes: ' \n ' });
		expect(empty).toMatchObject({ status: 400, data: { problems: [] } });
		const long = await act('paste', place.slug, coordinator, { codes: Array.from({ length: 1_001 }, () => TOUL).join(' ') });
		expect(messages(long.data?.problems)).toEqual([`La liste compte ${formatNumber('fr', 1_001)} valeurs\u00a0: ${formatNumber('fr', 1_000)} au plus à la fois.`]);
		expect(await codesOf(place.id)).toEqual([TOUL]);
	});
});

describe('who may draw a territory', () => {
	it('is the CPTS’s active coordinators, facilitators and admins', async () => {
		const { place, coordinator } = await scene();
		const facilitator = asSessionUser(await makeUser(testDb.db, { roles: ['facilitator'] }));
		const admin = asSessionUser(await makeUser(testDb.db, { roles: ['admin'] }));
		for (const [user, code] of [
			[coordinator, TOUL],
			[facilitator, COLOMBEY],
			[admin, VEZELISE]
		] as const) {
			expect(await canEditTerritory(testDb.db, user, place.id)).toBe(true);
			expect((await act('add', place.slug, user, { code })).data?.success).toBe(true);
		}
		expect((await routeOutcome(() => loadCptsPage(event(place.slug, coordinator)))).data).toMatchObject({ access: { canEditTerritory: true } });
	});

	it('is refused to members, pending coordinators, other CPTS’s coordinators, partners and visitors', async () => {
		const { place } = await scene();
		const other = await makeCpts(testDb.db);
		const member = asSessionUser(await makeUser(testDb.db));
		await makeMembership(testDb.db, place.id, member.id);
		const pending = asSessionUser(await makeUser(testDb.db));
		await makeMembership(testDb.db, place.id, pending.id, { role: 'coordinator', status: 'pending' });
		const otherCoordinator = asSessionUser(await makeUser(testDb.db));
		await makeMembership(testDb.db, other.id, otherCoordinator.id, { role: 'coordinator' });
		const partner = asSessionUser(await makeUser(testDb.db));
		await testDb.db.insert(partnerAccounts).values({ userId: partner.id, organisation: 'ars', regionCode: '44', label: 'ARS Grand Est' });
		const trainer = asSessionUser(await makeUser(testDb.db, { roles: ['trainer'] }));

		for (const user of [member, pending, otherCoordinator, partner, trainer]) {
			expect(await canEditTerritory(testDb.db, user, place.id)).toBe(false);
			expect(await routeOutcome(() => load(event(place.slug, user)))).toEqual({ status: 403 });
			expect(await act('add', place.slug, user, { code: TOUL })).toEqual({ status: 403 });
			expect(await act('paste', place.slug, user, { codes: TOUL })).toEqual({ status: 403 });
		}
		const visitorPage = await routeOutcome(() => load(event(place.slug, null)));
		expect(visitorPage.redirect).toMatch(/^\/connexion\?redirectTo=/);
		expect((await act('remove', place.slug, null, { code: TOUL })).redirect).toMatch(/^\/connexion/);
		expect(await canEditTerritory(testDb.db, null, place.id)).toBe(false);
		expect(await codesOf(place.id)).toEqual([]);
	});
});

describe('the cost of a coverage snapshot', () => {
	it('computes coverage of the full referential (figure printed for the report)', async () => {
		await computeCoverage(testDb.db); // warm
		const started = performance.now();
		const rows = await computeCoverage(testDb.db);
		const elapsed = performance.now() - started;
		console.log(`computeCoverage: ${rows.length} rows in ${elapsed.toFixed(0)} ms (${process.env.TEST_WITH_POSTGRES ? 'PostgreSQL' : 'PGlite'})`);
		expect(rows.find((row) => row.level === 'france')).toBeDefined();
	});
});
