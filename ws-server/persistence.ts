/**
 * Where documents live between connections: PostgreSQL (bytea). A document is its
 * compacted state (yjs_documents) plus the updates appended since (yjs_updates).
 *
 * Why append-only: a write never replaces what is stored, so no in-memory document,
 * however it came to be (a failed load, a client that reconnects empty), can overwrite
 * stored content. The only rewrite is compaction, which rebuilds the state from the
 * stored rows themselves, never from memory, under a row lock.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Db } from '../src/lib/server/db';
import { yjsDocuments, yjsUpdates } from '../src/lib/server/db/schema';

export interface StoredDocument {
	/** The compacted state first (when there is one), then appended updates in order. */
	updates: Uint8Array[];
	/** Number of appended rows not yet compacted. */
	appendedRows: number;
	bytes: number;
}

/** The storage seam; tests wrap it to simulate faults. */
export interface DocumentStore {
	load(name: string): Promise<StoredDocument>;
	append(name: string, update: Uint8Array): Promise<void>;
	/** Folds appended rows into the state; returns the new state's size. */
	compact(name: string): Promise<{ bytes: number; foldedRows: number }>;
}

const EMPTY_STATE = Y.encodeStateAsUpdate(new Y.Doc());

export function createPostgresStore(getDb: () => Promise<Db>): DocumentStore {
	return {
		async load(name) {
			const db = await getDb();
			// One statement, hence one snapshot: a compaction committing in between cannot
			// make us read the new state and miss rows, or read rows twice.
			const rows = await db
				.select({ kind: sql<number>`0`, seq: sql<number>`0::bigint`, data: yjsDocuments.state })
				.from(yjsDocuments)
				.where(eq(yjsDocuments.name, name))
				.unionAll(
					db
						.select({ kind: sql<number>`1`, seq: yjsUpdates.seq, data: yjsUpdates.update })
						.from(yjsUpdates)
						.where(eq(yjsUpdates.name, name))
				)
				.orderBy(sql`1`, sql`2`);
			const updates = rows.map((row) => row.data);
			return {
				updates,
				appendedRows: rows.filter((row) => Number(row.kind) === 1).length,
				bytes: updates.reduce((total, update) => total + update.byteLength, 0)
			};
		},

		async append(name, update) {
			const db = await getDb();
			await db.insert(yjsUpdates).values({ name, update });
		},

		async compact(name) {
			const db = await getDb();
			return db.transaction(async (tx) => {
				await tx.insert(yjsDocuments).values({ name, state: EMPTY_STATE }).onConflictDoNothing();
				// The row lock serialises compactions of one document across instances; the
				// statements below run after it is granted, so they see the latest commits.
				const [current] = await tx.select().from(yjsDocuments).where(eq(yjsDocuments.name, name)).for('update');
				const rows = await tx
					.select({ seq: yjsUpdates.seq, update: yjsUpdates.update })
					.from(yjsUpdates)
					.where(eq(yjsUpdates.name, name))
					.orderBy(asc(yjsUpdates.seq));
				if (rows.length === 0) return { bytes: current.state.byteLength, foldedRows: 0 };
				// Applying to a document (not mergeUpdates) lets Yjs garbage-collect deleted content.
				const doc = new Y.Doc();
				try {
					Y.applyUpdate(doc, current.state);
					for (const row of rows) Y.applyUpdate(doc, row.update);
					const state = Y.encodeStateAsUpdate(doc);
					await tx
						.update(yjsDocuments)
						.set({ state, version: sql`${yjsDocuments.version} + 1`, compactedAt: new Date() })
						.where(eq(yjsDocuments.name, name));
					// Exactly the rows folded: a row committed after our read stays for the next load.
					await tx.delete(yjsUpdates).where(
						and(
							eq(yjsUpdates.name, name),
							inArray(
								yjsUpdates.seq,
								rows.map((row) => row.seq)
							)
						)
					);
					return { bytes: state.byteLength, foldedRows: rows.length };
				} finally {
					doc.destroy();
				}
			});
		}
	};
}
