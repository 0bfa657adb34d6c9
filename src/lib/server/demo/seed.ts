/**
 * Loads the demo network (demo/network.ts, demo/accounts.ts) into an empty database:
 * CPTS with their territories, demo accounts with their roles, fictitious professionals and
 * memberships. The INSEE referential must be loaded first (migrateDatabase does it): each
 * CPTS's population, département and région come from its territory's codes.
 * Called by prepareDatabase() on the first start with PGlite and by `npm run seed`.
 */
import { hash } from '@node-rs/argon2';
import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { cpts, cptsMemberships, cptsTerritories, userRoles, users } from '../db/schema';
import { resolveCodes } from '../geo/units';
import { summarizeTerritory, TerritoryRejected } from '../territories/territory';
import { generateId, generateSecretToken } from '../shared/ids';
import { DEMO_ACCOUNTS } from './accounts';
import { DEMO_ACCOUNT_MEMBERSHIPS, DEMO_CPTS, DEMO_PROFESSIONALS, type DemoMembership } from './network';

export interface SeedCounts {
	cpts: number;
	users: number;
	roles: number;
	memberships: number;
	ms: number;
}

/** The demo admin's presence is what "already seeded" means (one place for the rule). */
const SEED_MARKER_EMAIL = DEMO_ACCOUNTS.find((account) => account.roles.includes('admin'))!.email;
/** Serialises concurrent seeders (two processes starting on one PostgreSQL). */
const SEED_LOCK_KEY = 7_270_001;

async function isSeeded(db: DbOrTx): Promise<boolean> {
	const found = await db.select({ id: users.id }).from(users).where(eq(users.email, SEED_MARKER_EMAIL)).limit(1);
	return found.length > 0;
}

/**
 * Seeds the demo network unless the demo admin account exists; returns what was inserted,
 * or null when nothing was done. Everything happens in one transaction.
 */
export async function seedDemoNetworkIfEmpty(db: DbOrTx): Promise<SeedCounts | null> {
	const started = Date.now();
	if (await isSeeded(db)) return null;

	// Hash outside the transaction: it is the slow part and needs no lock. The fictitious
	// professionals share one hash of a secret nobody knows, so they cannot sign in.
	const [accountHashes, unusableHash] = await Promise.all([
		Promise.all(DEMO_ACCOUNTS.map((account) => hash(account.password))),
		hash(generateSecretToken())
	]);

	return db.transaction(async (tx) => {
		await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
		if (await isSeeded(tx)) return null;

		const now = new Date();
		const cptsRows = [];
		const territoryRows = [];
		for (const entry of DEMO_CPTS) {
			// The same rules as replaceTerritory: every code must be a selectable unit.
			const { units, problems } = await resolveCodes(tx, entry.territory);
			if (problems.length) throw new TerritoryRejected(problems);
			const summary = summarizeTerritory(units);
			const main = summary.departements[0];
			const id = generateId();
			cptsRows.push({
				id,
				slug: entry.slug,
				name: entry.name,
				regionCode: units.find((unit) => unit.departementCode === main.code)!.regionCode,
				department: main.code,
				nature: entry.nature,
				population: summary.population,
				professionalsCount: entry.professionalsCount,
				stage: entry.stage,
				description: entry.description,
				phone: entry.phone ?? null,
				contactEmail: `contact.${entry.slug}@exemple.fr`
			});
			territoryRows.push(...units.map((unit) => ({ cptsId: id, communeCode: unit.code })));
		}
		await tx.insert(cpts).values(cptsRows);
		await tx.insert(cptsTerritories).values(territoryRows);
		const cptsIdBySlug = new Map(cptsRows.map((row) => [row.slug, row.id]));

		const accountRows = DEMO_ACCOUNTS.map((account, index) => ({
			id: generateId(),
			email: account.email,
			name: account.name,
			profession: account.profession,
			professionForm: account.professionForm ?? null,
			passwordHash: accountHashes[index],
			emailVerifiedAt: now
		}));
		const professionalRows = DEMO_PROFESSIONALS.map((professional) => ({
			id: generateId(),
			email: professional.email,
			name: professional.name,
			profession: professional.profession,
			professionForm: professional.professionForm ?? null,
			passwordHash: unusableHash,
			emailVerifiedAt: now
		}));
		await tx.insert(users).values([...accountRows, ...professionalRows]);

		const roleRows = DEMO_ACCOUNTS.flatMap((account, index) =>
			account.roles.map((role) => ({ userId: accountRows[index].id, role }))
		);
		if (roleRows.length > 0) await tx.insert(userRoles).values(roleRows);

		// Dates that agree with each CPTS's history: its first members joined when it started (its
		// first stage date), the others one after the other since; requests still pending are recent.
		const startedOn = new Map(DEMO_CPTS.map((entry) => [entry.slug, new Date(`${entry.stageDates[0]}T09:00:00Z`)]));
		const joinedSoFar = new Map<string, number>();
		const DAY_MS = 86_400_000;
		const membershipRow = (userId: string, membership: DemoMembership) => {
			const cptsId = cptsIdBySlug.get(membership.cptsSlug);
			if (!cptsId) throw new Error(`Demo data: unknown CPTS slug "${membership.cptsSlug}"`);
			const status = membership.status ?? 'active';
			const position = joinedSoFar.get(membership.cptsSlug) ?? 0;
			joinedSoFar.set(membership.cptsSlug, position + 1);
			const started = startedOn.get(membership.cptsSlug)!.getTime();
			const joined = new Date(Math.min(started + position * 37 * DAY_MS, now.getTime() - 7 * DAY_MS));
			const asked = status === 'pending' ? new Date(now.getTime() - (position + 1) * 2 * DAY_MS) : joined;
			return {
				cptsId,
				userId,
				role: membership.role ?? 'member',
				status,
				message: membership.message ?? null,
				requestedAt: asked,
				decidedAt: status === 'pending' ? null : joined
			};
		};
		const membershipRows = [
			...DEMO_ACCOUNTS.flatMap((account, index) =>
				(DEMO_ACCOUNT_MEMBERSHIPS[account.email] ?? []).map((membership) => membershipRow(accountRows[index].id, membership))
			),
			...DEMO_PROFESSIONALS.flatMap((professional, index) =>
				professional.memberships.map((membership) => membershipRow(professionalRows[index].id, membership))
			)
		];
		await tx.insert(cptsMemberships).values(membershipRows);

		return {
			cpts: cptsRows.length,
			users: accountRows.length + professionalRows.length,
			roles: roleRows.length,
			memberships: membershipRows.length,
			ms: Date.now() - started
		};
	});
}
