/**
 * Gives each test file its own migrated database and installs it as the process database,
 * so feature functions that call getDb() use it. TEST_DB picks the engine: "pglite"
 * (default) or "postgres" (a clone of the migrated template on a real server).
 */
import { readFileSync } from 'node:fs';
import postgres from 'postgres';
import { afterAll, beforeAll, inject } from 'vitest';
import { closeDatabase, openDatabase, setDatabase, type Database, type Db } from '../../src/lib/server/db';

export type TestDatabaseKind = 'pglite' | 'postgres';

export function testDatabaseKind(): TestDatabaseKind {
	return process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite';
}

/**
 * Opens a fresh, migrated database for one test file; with `referential`, the INSEE
 * referential is loaded too (from a snapshot the global setup made once).
 */
export async function openTestDatabase(options: { referential?: boolean } = {}): Promise<{
	database: Database;
	/** Its connection URL (PostgreSQL only): for a child process working on the same data. */
	url: string | null;
	drop: () => Promise<void>;
	/** A second, independent handle on the same data (see useTestDatabase().reopen). */
	reopen: () => Promise<Database>;
}> {
	if (testDatabaseKind() === 'pglite') {
		const snapshot = new Blob([readFileSync(inject(options.referential ? 'pgliteGeoSnapshotPath' : 'pgliteSnapshotPath'))]);
		const database = await openDatabase({ kind: 'pglite', dir: null, snapshot });
		return {
			database,
			url: null,
			drop: async () => {},
			reopen: async () => openDatabase({ kind: 'pglite', dir: null, snapshot: await database.snapshot!() })
		};
	}
	const serverUrl = inject('postgresUrl');
	const template = inject(options.referential ? 'postgresGeoTemplate' : 'postgresTemplate');
	if (!serverUrl || !template) throw new Error('TEST_DB=postgres but no PostgreSQL was prepared by the global setup');
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
export function useTestDatabase(options: { referential?: boolean } = {}): {
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
	beforeAll(async () => {
		opened = await openTestDatabase(options);
		setDatabase(opened.database);
	});
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
