import { verify } from '@node-rs/argon2';
import { eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { CPTS_STAGES, SIZE_BANDS, TERRITORY_NATURES } from '../../src/lib/domain/professions';
import { DEFAULT_TIME_ZONE } from '../../src/lib/domain/time-zones';
import { inZone } from '../../src/lib/domain/zoned-time';
import { cpts, cptsMemberships, geoCommunes, libraryResources, regions, userRoles, users } from '../../src/lib/server/db/schema';
import { DEMO_ACCOUNTS } from '../../src/lib/server/demo/accounts';
import { DEMO_CPTS, DEMO_PROFESSIONALS } from '../../src/lib/server/demo/network';
import { seedDemo } from '../../src/lib/server/demo';
import { seedDemoNetworkIfEmpty } from '../../src/lib/server/demo/seed';
import { DEMO_THREADS_WITH_PRIVATE } from '../../src/lib/server/demo/forum';
import { DEMO_LIBRARY } from '../../src/lib/server/demo/library';
import { DEMO_WITHOUT_CRISIS_PLAN } from '../../src/lib/server/demo/aci';
import { useTestDatabase } from '../helpers/db';
import { makeCpts } from '../helpers/factories';

const testDb = useTestDatabase({ referential: true });

async function tableCounts() {
	const [row] = await testDb.db
		.select({
			cpts: sql<number>`(select count(*)::int from cpts)`,
			users: sql<number>`(select count(*)::int from users)`,
			roles: sql<number>`(select count(*)::int from user_roles)`,
			memberships: sql<number>`(select count(*)::int from cpts_memberships)`
		})
		.from(sql`(select 1) as one`);
	return row;
}

async function userByEmail(email: string) {
	const [user] = await testDb.db.select().from(users).where(eq(users.email, email));
	return user;
}

describe('demo seed', () => {
	it('is all or nothing: a failure half-way leaves no demo data behind', async () => {
		// A CPTS already holding a demo slug makes the seed's insert fail on the unique slug.
		const squatter = await makeCpts(testDb.db, { slug: 'metz' });
		const before = await tableCounts();
		await expect(seedDemoNetworkIfEmpty(testDb.db)).rejects.toThrow();
		expect(await tableCounts()).toEqual(before);
		await testDb.db.delete(cpts).where(eq(cpts.id, squatter.id));
	});

	it('seeds once; later calls do nothing and return null', async () => {
		const seeded = await seedDemoNetworkIfEmpty(testDb.db);
		expect(seeded).toMatchObject({
			cpts: DEMO_CPTS.length,
			users: DEMO_ACCOUNTS.length + DEMO_PROFESSIONALS.length
		});
		const afterFirst = await tableCounts();
		expect(afterFirst).toEqual({
			cpts: seeded!.cpts,
			users: seeded!.users,
			roles: seeded!.roles,
			memberships: seeded!.memberships
		});
		expect(await seedDemoNetworkIfEmpty(testDb.db)).toBeNull();
		expect(await tableCounts()).toEqual(afterFirst);
	}, 180_000);

	it('lets only one of two concurrent seeders do the work', async () => {
		const before = await tableCounts();
		// Back to an empty network (memberships and roles go with their users and CPTS).
		await testDb.db.delete(cpts);
		await testDb.db.delete(users);
		const results = await Promise.all([seedDemoNetworkIfEmpty(testDb.db), seedDemoNetworkIfEmpty(testDb.db)]);
		expect(results.filter((result) => result !== null)).toHaveLength(1);
		expect(await tableCounts()).toEqual(before);
	});

	it('contains the CPTS of the IGAS report, their figures computed from their territory and the report\'s quoted as such', async () => {
		const rows = await testDb.db.select().from(cpts);
		const bySlug = new Map(rows.map((row) => [row.slug, row]));
		const populationOf = async (codes: string[]) =>
			(await testDb.db.select({ population: geoCommunes.population }).from(geoCommunes).where(inArray(geoCommunes.code, codes))).reduce((sum, row) => sum + row.population, 0);
		for (const entry of DEMO_CPTS) expect(bySlug.get(entry.slug)!.population, entry.slug).toBe(await populationOf(entry.territory));
		expect(bySlug.get('sud-lochois')).toMatchObject({ professionalsCount: 260, regionCode: '24', department: '37', nature: 'periurbain', sizeBand: 2 });
		expect(bySlug.get('sud-toulois')).toMatchObject({ professionalsCount: 295, regionCode: '44', department: '54', nature: 'periurbain', sizeBand: 2 });
		expect(bySlug.get('venissieux')).toMatchObject({ regionCode: '84', department: '69', nature: 'urbain_dense' });
		expect(bySlug.get('la-plaine')).toMatchObject({ regionCode: '44', department: '88', nature: 'rural' });
		expect(DEMO_CPTS.find((entry) => entry.slug === 'la-plaine')!.territory).toEqual(expect.arrayContaining(['88095', '88206', '88504', '88150']));
		expect(bySlug.get('barrois')).toMatchObject({ regionCode: '44', department: '55' });
		expect(bySlug.get('metz')).toMatchObject({ regionCode: '44', department: '57', nature: 'urbain_dense' });
		expect(bySlug.get('paris-13')).toMatchObject({ regionCode: '11', department: '75', nature: 'urbain_dense' });
		// A population the report gives is the report's, said so; the territory's differs.
		for (const slug of ['sud-lochois', 'sud-toulois', 'venissieux', 'sud-allier', 'yenne']) {
			expect(bySlug.get(slug)!.description, slug).toMatch(/^Selon le rapport IGAS \(2018\), .*\d+ 000 habitants/);
		}
		expect(rows.filter((row) => DEMO_CPTS.find((entry) => entry.slug === row.slug)?.fromIgasReport)).toHaveLength(9);
	});

	it('covers every region, territory nature, stage and size band', async () => {
		const rows = await testDb.db.select().from(cpts);
		const regionCodes = (await testDb.db.select({ code: regions.code }).from(regions)).map((region) => region.code);
		expect(regionCodes).toHaveLength(18);
		for (const code of regionCodes) expect(rows.some((row) => row.regionCode === code), `region ${code}`).toBe(true);
		expect(new Set(rows.map((row) => row.nature))).toEqual(new Set(TERRITORY_NATURES));
		expect(new Set(rows.map((row) => row.stage))).toEqual(new Set(CPTS_STAGES));
		expect(new Set(rows.map((row) => row.sizeBand))).toEqual(new Set(SIZE_BANDS));
		for (const row of rows) expect(row.description.length, row.slug).toBeGreaterThan(40);
	});

	it('creates the demo accounts with their roles, verified e-mails and working passwords', async () => {
		for (const account of DEMO_ACCOUNTS) {
			const user = await userByEmail(account.email);
			expect(user, account.email).toBeDefined();
			expect(user.emailVerifiedAt).not.toBeNull();
			expect(await verify(user.passwordHash, account.password)).toBe(true);
			const roles = await testDb.db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, user.id));
			expect(roles.map((row) => row.role).sort()).toEqual([...account.roles].sort());
		}
	});

	it('makes the coordinator coordinate Sud-Toulois, and the member belong there and wait at Vénissieux', async () => {
		const membershipsOf = async (email: string) => {
			const user = await userByEmail(email);
			return testDb.db
				.select({ slug: cpts.slug, role: cptsMemberships.role, status: cptsMemberships.status })
				.from(cptsMemberships)
				.innerJoin(cpts, eq(cpts.id, cptsMemberships.cptsId))
				.where(eq(cptsMemberships.userId, user.id));
		};
		expect(await membershipsOf('coordinatrice@demo.reseau-cpts.fr')).toContainEqual({ slug: 'sud-toulois', role: 'coordinator', status: 'active' });
		const member = await membershipsOf('membre@demo.reseau-cpts.fr');
		expect(member).toContainEqual({ slug: 'sud-toulois', role: 'member', status: 'active' });
		expect(member).toContainEqual({ slug: 'venissieux', role: 'member', status: 'pending' });
	});

	it('dates memberships as each CPTS lived them: joined since its start and before this week, requests pending for days', async () => {
		const rows = await testDb.db
			.select({ slug: cpts.slug, status: cptsMemberships.status, requestedAt: cptsMemberships.requestedAt, decidedAt: cptsMemberships.decidedAt })
			.from(cptsMemberships)
			.innerJoin(cpts, eq(cpts.id, cptsMemberships.cptsId));
		const startedOn = new Map(DEMO_CPTS.map((entry) => [entry.slug, `${entry.stageDates[0]}T00:00:00Z`]));
		const weekAgo = Date.now() - 6 * 86_400_000;
		const active = rows.filter((row) => row.status === 'active');
		expect(active.length).toBeGreaterThan(20);
		for (const row of active) {
			expect(row.decidedAt!.getTime(), row.slug).toBeGreaterThanOrEqual(new Date(startedOn.get(row.slug)!).getTime());
			expect(row.decidedAt!.getTime(), row.slug).toBeLessThan(weekAgo);
		}
		// Sud-Toulois's members did not all join on the same day.
		expect(new Set(active.filter((row) => row.slug === 'sud-toulois').map((row) => row.decidedAt!.toISOString())).size).toBeGreaterThan(1);
		for (const row of rows.filter((each) => each.status === 'pending')) {
			expect(row.decidedAt).toBeNull();
			expect(Date.now() - row.requestedAt.getTime()).toBeLessThan(31 * 86_400_000);
		}
	});

	it('adds fictitious professionals who cannot sign in with any demo password', async () => {
		const professional = await userByEmail(DEMO_PROFESSIONALS[0].email);
		expect(professional.email).toMatch(/@exemple\.fr$/);
		for (const account of DEMO_ACCOUNTS) expect(await verify(professional.passwordHash, account.password)).toBe(false);
		const [{ professions }] = await testDb.db
			.select({ professions: sql<number>`count(distinct ${users.profession})::int` })
			.from(users)
			.where(sql`${users.email} like '%@exemple.fr'`);
		expect(professions).toBeGreaterThanOrEqual(8);
	});

	it('fills each feature\'s demo content on top of the network, once', async () => {
		const first = await seedDemo(testDb.db);
		expect(first.network).toBeNull();
		expect(first.content.library).toMatchObject({ inserted: DEMO_LIBRARY.length + 1 });
		expect(first.content.dpc).toEqual({ actions: 5, sessions: 7 });
		const facilitator = await userByEmail('animatrice@demo.reseau-cpts.fr');
		const published = await testDb.db.select().from(libraryResources).where(eq(libraryResources.status, 'published'));
		expect(published).toHaveLength(DEMO_LIBRARY.length);
		expect(published.every((row) => row.authorId === facilitator.id)).toBe(true);
		const again = await seedDemo(testDb.db);
		expect(again.content.library).toMatchObject({ inserted: 0 });
	}, 180_000);

	it('signs the demo ACI contracts on the day the stage history reached « ACI signé », once', async () => {
		await seedDemo(testDb.db);
		const rows = await testDb.db.execute(sql`
			select c.slug, k.signed_on::text as signed_on, e.reached_on::text as reached_on
			from aci_contracts k join cpts c on c.id = k.cpts_id
			left join cpts_stage_events e on e.cpts_id = c.id and e.stage = 'aci_signe'`);
		type Row = { slug: string; signed_on: string; reached_on: string | null };
		const contracts = (Array.isArray(rows) ? rows : (rows as { rows: Row[] }).rows) as Row[];
		const signedStages = new Set(['aci_signe', 'en_fonctionnement']);
		expect(contracts.map((row) => row.slug).sort()).toEqual(DEMO_CPTS.filter((entry) => signedStages.has(entry.stage)).map((entry) => entry.slug).sort());
		expect(contracts.every((row) => row.signed_on === row.reached_on)).toBe(true);

		const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric' }).format(new Date()));
		const written = async (slug: string) => {
			const result = await testDb.db.execute(sql`
				select y.mission from aci_mission_years y join aci_contracts k on k.id = y.contract_id join cpts c on c.id = k.cpts_id
				where c.slug = ${slug} and y.year = ${year} and btrim(y.actions) <> ''`);
			return ((Array.isArray(result) ? result : (result as { rows: { mission: string }[] }).rows) as { mission: string }[]).map((row) => row.mission).sort();
		};
		// Sud-Toulois: access to care and crisis response written, the rest left to its coordinatrice.
		expect(await written('sud-toulois')).toEqual(['acces_soins', 'crises_sanitaires']);
		for (const slug of DEMO_WITHOUT_CRISIS_PLAN) expect(await written(slug)).not.toContain('crises_sanitaires');
		expect((await seedDemo(testDb.db)).content.aci).toEqual({ contracts: 0 });
	}, 180_000);

	it('dates the demo forum posts on a working day of their authors’ clock, never in the future', async () => {
		await seedDemo(testDb.db);
		const rows = await testDb.db.execute(sql`
			select t.external_key as key, p.created_at as at, p.created_at <= now() as past
			from forum_posts p join forum_threads t on t.id = p.thread_id
			where t.external_key like 'demo:%'`);
		type Row = { key: string; at: string | Date; past: boolean };
		const posts = (Array.isArray(rows) ? rows : (rows as { rows: Row[] }).rows) as Row[];
		expect(posts.length).toBeGreaterThan(20);
		expect(posts.every((post) => post.past)).toBe(true);
		const zoneOf = new Map(DEMO_THREADS_WITH_PRIVATE.map((thread) => [`demo:${thread.key}`, thread.timeZone ?? DEFAULT_TIME_ZONE]));
		for (const post of posts) {
			const wall = inZone(new Date(post.at), zoneOf.get(post.key)!);
			expect(wall.hour, post.key).toBeGreaterThanOrEqual(8);
			expect(wall.hour, post.key).toBeLessThan(20);
			expect([6, 7], post.key).not.toContain(wall.weekday);
		}
	});
});
