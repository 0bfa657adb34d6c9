/**
 * Gives each test file its own migrated database and installs it as the process database,
 * so feature functions that call getDb() use it. TEST_DB picks the engine: "pglite"
 * (default) or "postgres" (a clone of the migrated template on a real server).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import postgres from 'postgres';
import { afterAll, beforeAll, inject } from 'vitest';
import { closeDatabase, openDatabase, setDatabase, type Database, type Db } from '../../src/lib/server/db';
import { todayIso } from '../../src/lib/server/steering/dates';

export type TestDatabaseKind = 'pglite' | 'postgres';

export function testDatabaseKind(): TestDatabaseKind {
	return process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite';
}

export interface TestDatabaseOptions {
	/** With the INSEE referential loaded (from a snapshot the global setup made once). */
	referential?: boolean;
	/**
	 * With the whole demo seeded (seedDemo) on top of the referential: a copy of one seed per
	 * engine and demo day, made by the first file that asks. Files that test the seed itself
	 * seed on their own.
	 */
	demo?: boolean;
}

/**
 * The demo is dated from the day it is seeded: sessions from today's UTC day, stage
 * histories and contracts up to today in Paris. A copy is only used on the day(s) it was
 * made, so it equals a fresh seed; a run crossing midnight makes a second one.
 */
function demoDay(): string {
	const now = new Date();
	return `${now.toISOString().slice(0, 10)}_${todayIso(now)}`.replaceAll('-', '');
}

/**
 * Seeds the demo into a database opened from the referential snapshot or template, installed
 * as the process database meanwhile (as when a test file seeds), keeps what `keep` takes from
 * it, and closes it.
 */
async function seedDemoAndClose<T>(database: Database, keep: (database: Database) => Promise<T>): Promise<T> {
	// Imported here: most files never seed, and the demo content is a large module graph.
	const { seedDemo } = await import('../../src/lib/server/demo');
	setDatabase(database);
	try {
		await seedDemo(database.db);
		return await keep(database);
	} finally {
		await closeDatabase();
	}
}

/**
 * The PGlite snapshot of the demo: the first file of the run to ask makes it under a lock
 * (a folder, created atomically); the others wait for the file to appear.
 */
async function pgliteDemoSnapshot(): Promise<string> {
	const target = `${inject('pgliteDemoSnapshotPrefix')}-${demoDay()}.tar`;
	const lock = `${target}.lock`;
	while (!existsSync(target)) {
		try {
			mkdirSync(lock);
		} catch {
			await sleep(200);
			continue;
		}
		try {
			if (!existsSync(target)) {
				const geography = new Blob([readFileSync(inject('pgliteGeoSnapshotPath'))]);
				const seeded = await openDatabase({ kind: 'pglite', dir: null, snapshot: geography });
				const snapshot = await seedDemoAndClose(seeded, (database) => database.snapshot!());
				writeFileSync(`${target}.partial`, Buffer.from(await snapshot.arrayBuffer()));
				renameSync(`${target}.partial`, target);
			}
		} finally {
			rmSync(lock, { recursive: true, force: true });
		}
	}
	return target;
}

/**
 * The PostgreSQL template of the demo: made by the first file of the run to ask, under an
 * advisory lock; it gets its final name only once seeded, so the name means "ready".
 */
async function postgresDemoTemplate(serverUrl: string): Promise<string> {
	const template = `${inject('postgresDemoTemplatePrefix')}_${demoDay()}`;
	const building = `${template}_building`;
	const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
	try {
		await admin`select pg_advisory_lock(hashtext(${template}))`;
		const [ready] = await admin`select 1 from pg_database where datname = ${template}`;
		if (!ready) {
			await admin.unsafe(`drop database if exists ${building} with (force)`);
			await admin.unsafe(`create database ${building} template ${inject('postgresGeoTemplate')}`);
			const url = new URL(serverUrl);
			url.pathname = `/${building}`;
			await seedDemoAndClose(await openDatabase({ kind: 'postgres', url: url.toString() }), async () => {});
			await admin.unsafe(`alter database ${building} rename to ${template}`);
		}
	} finally {
		await admin.end();
	}
	return template;
}

/** Opens a fresh, migrated database for one test file (see TestDatabaseOptions). */
export async function openTestDatabase(options: TestDatabaseOptions = {}): Promise<{
	database: Database;
	/** Its connection URL (PostgreSQL only): for a child process working on the same data. */
	url: string | null;
	drop: () => Promise<void>;
	/** A second, independent handle on the same data (see useTestDatabase().reopen). */
	reopen: () => Promise<Database>;
}> {
	if (testDatabaseKind() === 'pglite') {
		const snapshotPath = options.demo
			? await pgliteDemoSnapshot()
			: inject(options.referential ? 'pgliteGeoSnapshotPath' : 'pgliteSnapshotPath');
		const snapshot = new Blob([readFileSync(snapshotPath)]);
		const database = await openDatabase({ kind: 'pglite', dir: null, snapshot });
		return {
			database,
			url: null,
			drop: async () => {},
			reopen: async () => openDatabase({ kind: 'pglite', dir: null, snapshot: await database.snapshot!() })
		};
	}
	const serverUrl = inject('postgresUrl');
	if (!serverUrl) throw new Error('TEST_DB=postgres but no PostgreSQL was prepared by the global setup');
	const template = options.demo ? await postgresDemoTemplate(serverUrl) : inject(options.referential ? 'postgresGeoTemplate' : 'postgresTemplate');
	if (!template) throw new Error('TEST_DB=postgres but no PostgreSQL template was prepared by the global setup');
	const name = `cpts_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
	const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
	await admin.unsafe(`create database ${name} template ${template}`);
	await admin.end();
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	const database = await openDatabase({ kind: 'postgres', url: url.toString() });
	return {
		database,
		url: url.toString(),
		reopen: () => openDatabase({ kind: 'postgres', url: url.toString() }),
		drop: async () => {
			const dropper = postgres(serverUrl, { max: 1, onnotice: () => {} });
			await dropper.unsafe(`drop database if exists ${name} with (force)`);
			await dropper.end();
		}
	};
}

/**
 * Call at the top of a test file: opens the file's database before its tests and closes it
 * after. `testDb.db` is the drizzle instance; feature code reaches the same one via getDb().
 */
export function useTestDatabase(options: TestDatabaseOptions = {}): {
	readonly db: Db;
	readonly database: Database;
	/** The database's URL, for a child process (PostgreSQL only). */
	readonly url: string;
	/**
	 * Another handle on this file's data, as another process or a restart would see it:
	 * a new connection pool on PostgreSQL, a new instance started from a snapshot on PGlite.
	 * The caller closes it.
	 */
	reopen(): Promise<Database>;
} {
	let opened: Awaited<ReturnType<typeof openTestDatabase>> | undefined;
	beforeAll(
		async () => {
			opened = await openTestDatabase(options);
			setDatabase(opened.database);
		},
		// The first file asking for the demo seeds it (about a minute, more on a busy machine).
		options.demo ? 300_000 : undefined
	);
	afterAll(async () => {
		await closeDatabase();
		await opened?.drop();
	});
	return {
		get db() {
			if (!opened) throw new Error('useTestDatabase: database not open yet (use it inside tests or hooks)');
			return opened.database.db;
		},
		get database() {
			if (!opened) throw new Error('useTestDatabase: database not open yet');
			return opened.database;
		},
		get url() {
			if (!opened?.url) throw new Error('useTestDatabase: no URL (PGlite, or not open yet)');
			return opened.url;
		},
		reopen() {
			if (!opened) throw new Error('useTestDatabase: database not open yet');
			return opened.reopen();
		}
	};
}
