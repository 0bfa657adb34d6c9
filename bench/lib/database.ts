/** A fresh bench database on a real PostgreSQL: created, migrated and seeded each run. */
import postgres from 'postgres';
import { openDatabase, type Database } from '../../src/lib/server/db';
import { migrateDatabase } from '../../src/lib/server/startup';
import { seedDemoNetworkIfEmpty, type SeedCounts } from '../../src/lib/server/demo/seed';

export interface BenchDatabase {
	url: string;
	database: Database;
	seeded: SeedCounts | null;
	/** Closes the connection and drops the database unless asked to keep it. */
	dispose(keep: boolean): Promise<void>;
}

/** Database names cannot be bound as parameters; this one comes from our own env, checked. */
function checkedName(name: string): string {
	if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`Nom de base invalide : ${name}`);
	return name;
}

/**
 * `reuse` keeps a database of that name when it exists (migrated to the current schema,
 * seeded only if empty), so a scenario whose data takes minutes to generate can be re-run.
 */
export async function createBenchDatabase(serverUrl: string, name: string, { reuse = false } = {}): Promise<BenchDatabase> {
	const databaseName = checkedName(name);
	const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
	try {
		const exists = (await admin`select 1 from pg_database where datname = ${databaseName}`).length > 0;
		if (!(reuse && exists)) {
			await admin.unsafe(`drop database if exists ${databaseName} with (force)`);
			await admin.unsafe(`create database ${databaseName}`);
		}
	} finally {
		await admin.end();
	}
	const url = new URL(serverUrl);
	url.pathname = `/${databaseName}`;
	const database = await openDatabase({ kind: 'postgres', url: url.toString() });
	const dispose = async (keep: boolean) => {
		await database.close();
		if (keep) return;
		const dropper = postgres(serverUrl, { max: 1, onnotice: () => {} });
		try {
			await dropper.unsafe(`drop database if exists ${databaseName} with (force)`);
		} finally {
			await dropper.end();
		}
	};
	let seeded: SeedCounts | null;
	try {
		// As the app starts: migrations, then the INSEE referential the demo territories are checked against.
		await migrateDatabase(database);
		seeded = await seedDemoNetworkIfEmpty(database.db);
	} catch (error) {
		// The caller never gets the database to dispose of: close it here, or its pool keeps the process alive.
		await dispose(reuse).catch(() => {});
		throw error;
	}
	return { url: url.toString(), database, seeded, dispose };
}
