/**
 * Statements prepared once per database handle, for the few queries run on almost every
 * request (the session check, the rights on a draft). Drizzle sends every other query
 * unprepared (postgres.js gets prepare: false unless the query is prepared), so PostgreSQL
 * parses and plans it each time: for the session check that was most of its cost (0.8 ms
 * through drizzle, 0.15 ms prepared, on the 2-core development machine).
 */
import type { DbOrTx } from './index';

/** `build` runs once per handle (the process's database, or a transaction that asks). */
export function preparedPerHandle<Query>(build: (db: DbOrTx) => Query): (db: DbOrTx) => Query {
	const prepared = new WeakMap<DbOrTx, Query>();
	return (db) => {
		let query = prepared.get(db);
		if (!query) {
			query = build(db);
			prepared.set(db, query);
		}
		return query;
	};
}
