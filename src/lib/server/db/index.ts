/**
 * The one database handle of the process: PostgreSQL through `postgres` when DATABASE_URL
 * is set, embedded PGlite (data in PGLITE_DIR) otherwise. Both speak the same SQL and run
 * the same migrations from drizzle/.
 *
 * The handle lives on globalThis: the server entry (run by tsx) and the SvelteKit bundle
 * each load their own copy of this module, and two PGlite instances on one data folder
 * would corrupt it. Whoever opens first owns it; the other copy finds it.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { getConfig } from '../config';
import * as schema from './schema';

export type Db = PostgresJsDatabase<typeof schema>;
/** A transaction handle, accepted wherever a Db is. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export type DatabaseTarget =
	| { kind: 'postgres'; url: string }
	/** `dir: null` keeps PGlite in memory; `snapshot` starts it from a dumped data folder (tests). */
	| { kind: 'pglite'; dir: string | null; snapshot?: Blob };

export interface Database {
	db: Db;
	kind: DatabaseTarget['kind'];
	/** Applies the migrations of drizzle/ that are not applied yet. */
	migrate(): Promise<void>;
	/** Answers when the database does (readiness). */
	ping(): Promise<void>;
	/**
	 * Calls `onNotify` on each NOTIFY of `channel` (LISTEN, on its own connection on
	 * PostgreSQL); resolves once listening, to the function that stops it.
	 */
	listen(channel: string, onNotify: () => void): Promise<() => Promise<void>>;
	close(): Promise<void>;
	/** PGlite only: the data folder as a tarball, to start other instances from it. */
	snapshot?: () => Promise<Blob>;
}

const globalKey = Symbol.for('reseau-cpts.database');
type WithDatabase = typeof globalThis & { [globalKey]?: Database };

/** Opens a database (without migrating it). */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
	const { DATABASE_POOL_SIZE, MIGRATIONS_DIR } = getConfig();
	const migrationsFolder = path.resolve(MIGRATIONS_DIR);
	if (target.kind === 'postgres') {
		const client = postgres(target.url, {
			max: DATABASE_POOL_SIZE,
			onnotice: () => {},
			// Keeps the wire protocol's prepared statements; safe behind a session pooler.
			prepare: true
		});
		const db = drizzlePostgres(client, { schema, casing: 'snake_case' });
		return {
			db,
			kind: 'postgres',
			migrate: () => migratePostgres(db, { migrationsFolder }),
			ping: async () => {
				await client`select 1`;
			},
			listen: async (channel, onNotify) => {
				// postgres.js re-listens by itself after a lost connection.
				const { unlisten } = await client.listen(channel, () => onNotify());
				return unlisten;
			},
			close: () => client.end({ timeout: 5 })
		};
	}
	if (target.dir) mkdirSync(target.dir, { recursive: true });
	const client = await PGlite.create(target.dir ?? undefined, {
		extensions: { unaccent, pg_trgm },
		loadDataDir: target.snapshot
	});
	const db = drizzlePglite(client, { schema, casing: 'snake_case' }) as unknown as Db;
	return {
		db,
		kind: 'pglite',
		migrate: () => migratePglite(db as never, { migrationsFolder }),
		ping: async () => {
			await client.query('select 1');
		},
		listen: async (channel, onNotify) => {
			const unlisten = await client.listen(channel, () => onNotify());
			return async () => {
				// Closing first unlistens already (PGlite then refuses queries).
				if (!client.closed) await unlisten();
			};
		},
		close: () => client.close(),
		snapshot: () => client.dumpDataDir('none')
	};
}

/** The target described by the configuration. */
export function configuredTarget(): DatabaseTarget {
	const config = getConfig();
	return config.DATABASE_URL
		? { kind: 'postgres', url: config.DATABASE_URL }
		: { kind: 'pglite', dir: path.resolve(config.PGLITE_DIR) };
}

let opening: Promise<Database> | undefined;

/** The process database, opened on first use from the configuration. */
export async function getDatabase(): Promise<Database> {
	const holder = globalThis as WithDatabase;
	if (holder[globalKey]) return holder[globalKey];
	opening ??= openDatabase(configuredTarget()).then((database) => {
		holder[globalKey] ??= database;
		return holder[globalKey];
	});
	return opening;
}

/** Shortcut for feature code: the drizzle instance of the process database. */
export async function getDb(): Promise<Db> {
	return (await getDatabase()).db;
}

/** Installs a database as the process one (server start and tests). */
export function setDatabase(database: Database): void {
	(globalThis as WithDatabase)[globalKey] = database;
	opening = Promise.resolve(database);
}

/** Closes the process database if one is open. */
export async function closeDatabase(): Promise<void> {
	const holder = globalThis as WithDatabase;
	const database = holder[globalKey];
	holder[globalKey] = undefined;
	opening = undefined;
	await database?.close();
}

/** Rows of db.execute on either driver (postgres.js returns an array, PGlite `{ rows }`). */
export function rowsOf<T>(result: unknown): T[] {
	return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
