/**
 * The whole demo: the network first (CPTS, accounts, memberships), then each feature's
 * content, every step idempotent so a restart or `npm run seed` only fills what is missing.
 * A feature plugs in by adding one step to DEMO_CONTENT_STEPS.
 */
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { users } from '../db/schema';
import { getLogger } from '../logger';
import { seedDraftsDemo, seedRevisionDraftDemo } from './drafts';
import { seedLibraryDemo } from './library';
import { seedForumDemo } from './forum';
import { seedDpcDemo } from './dpc';
import { DEMO_ACCOUNTS } from './accounts';
import { seedDemoPartners } from './partners';
import { seedDemoNetworkIfEmpty, type SeedCounts } from './seed';
import { seedSteeringDemo } from './steering';
import { seedAciDemo } from './aci';

/** Ids of the demo accounts by e-mail, for feature steps that need authors. */
export type DemoAccountIds = Map<string, string>;

export const DEMO_EMAILS = {
	admin: 'admin@demo.reseau-cpts.fr',
	facilitator: 'animatrice@demo.reseau-cpts.fr',
	trainer: 'formateur@demo.reseau-cpts.fr',
	coordinator: 'coordinatrice@demo.reseau-cpts.fr',
	member: 'membre@demo.reseau-cpts.fr'
} as const;

interface DemoContentStep {
	name: string;
	run: (db: DbOrTx, accounts: DemoAccountIds) => Promise<unknown>;
}

const DEMO_CONTENT_STEPS: DemoContentStep[] = [
	// Stage history, close support, zone-blanche plans and the coverage trend of the network.
	{ name: 'steering', run: (db, accounts) => seedSteeringDemo(db, { facilitatorId: accounts.get(DEMO_EMAILS.facilitator) ?? null }) },
	// After the stage history: contracts are signed on the day it says « ACI signé » was reached.
	{ name: 'aci', run: (db, accounts) => seedAciDemo(db, { authorId: accounts.get(DEMO_EMAILS.facilitator) ?? null }) },
	{
		name: 'library',
		run: (db, accounts) =>
			seedLibraryDemo(db, {
				authorId: accounts.get(DEMO_EMAILS.facilitator) ?? null,
				reviewerId: accounts.get(DEMO_EMAILS.facilitator) ?? null,
				proposerId: accounts.get(DEMO_EMAILS.member) ?? null
			})
	},
	// After the library: La Plaine's draft starts from one of its profils-types.
	{
		name: 'drafts',
		run: (db, accounts) =>
			seedDraftsDemo(db, {
				authorId: accounts.get(DEMO_EMAILS.trainer) ?? null,
				commenterId: accounts.get(DEMO_EMAILS.member) ?? null
			})
	},
	{
		name: 'revision draft',
		run: (db, accounts) =>
			seedRevisionDraftDemo(db, {
				authorId: accounts.get(DEMO_EMAILS.coordinator) ?? null,
				commenterId: accounts.get(DEMO_EMAILS.member) ?? null
			})
	},
	{ name: 'forum', run: (db) => seedForumDemo(db) },
	// After the library: DPC actions link its resources.
	{ name: 'dpc', run: (db, accounts) => seedDpcDemo(db, { trainerId: accounts.get(DEMO_EMAILS.trainer) ?? null }) },
	{ name: 'partners', run: (db) => seedDemoPartners(db) }
];

export interface DemoResult {
	network: SeedCounts | null;
	content: Record<string, unknown>;
}

/** Seeds the network when empty, then lets every feature add what it lacks. */
export async function seedDemo(db: DbOrTx): Promise<DemoResult> {
	const network = await seedDemoNetworkIfEmpty(db);
	const rows = await db
		.select({ id: users.id, email: users.email })
		.from(users)
		.where(inArray(users.email, DEMO_ACCOUNTS.map((account) => account.email)));
	const accounts: DemoAccountIds = new Map(rows.map((row) => [row.email, row.id]));
	const content: Record<string, unknown> = {};
	for (const step of DEMO_CONTENT_STEPS) {
		const started = Date.now();
		content[step.name] = await step.run(db, accounts);
		getLogger().debug({ step: step.name, ms: Date.now() - started }, 'demo content step');
	}
	return { network, content };
}
