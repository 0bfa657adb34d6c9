/**
 * The Yjs document store on both engines (PGlite for the single-process start, PostgreSQL
 * for ws-server): appended updates, compaction into one state, and loads that see either
 * the rows or the state that folded them, never both, never neither.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { yjsDocuments, yjsUpdates } from '../../src/lib/server/db/schema';
import { createPostgresStore } from '../../ws-server/persistence';
import { useTestDatabase } from '../helpers/db';

const testDb = useTestDatabase();
const store = () => createPostgresStore(async () => testDb.db);

function replay(updates: Uint8Array[]): Y.Doc {
	const doc = new Y.Doc();
	for (const update of updates) Y.applyUpdate(doc, update);
	return doc;
}

describe('document store', () => {
	it('loads nothing for a new document, then what was appended, byte for byte', async () => {
		const empty = await store().load('draft:nouveau');
		expect(empty).toEqual({ updates: [], appendedRows: 0, bytes: 0 });

		const source = new Y.Doc();
		const updates: Uint8Array[] = [];
		source.on('update', (update: Uint8Array) => updates.push(update));
		source.getText('body').insert(0, 'Diagnostic territorial');
		source.getText('body').insert(0, 'é\u0000\u00ff ');
		source.getMap('meta').set('binary', new Uint8Array([0, 1, 2, 255]));
		for (const update of updates) await store().append('draft:a', update);

		const loaded = await store().load('draft:a');
		expect(loaded.appendedRows).toBe(3);
		expect(loaded.updates.map((update) => Buffer.from(update).toString('hex'))).toEqual(updates.map((update) => Buffer.from(update).toString('hex')));
		expect(replay(loaded.updates).getText('body').toString()).toBe('é\u0000\u00ff Diagnostic territorial');
		expect((await store().load('draft:b')).updates).toEqual([]);
	});

	it('compacts into one state that garbage-collects deletions, and keeps rows appended after', async () => {
		const source = new Y.Doc();
		source.on('update', (update: Uint8Array) => void pending.push(update));
		const pending: Uint8Array[] = [];
		const text = source.getText('body');
		for (let index = 0; index < 50; index++) text.insert(text.length, `mot${index} `);
		text.delete(0, text.length - 10);
		for (const update of pending.splice(0)) await store().append('draft:c', update);
		const rowsBytes = (await store().load('draft:c')).bytes;

		const result = await store().compact('draft:c');
		expect(result.foldedRows).toBe(51);
		expect(result.bytes).toBeLessThan(rowsBytes);
		const [state] = await testDb.db.select().from(yjsDocuments).where(eq(yjsDocuments.name, 'draft:c'));
		expect(state.version).toBe(1);
		expect(await testDb.db.select().from(yjsUpdates).where(eq(yjsUpdates.name, 'draft:c'))).toEqual([]);

		text.insert(0, 'après ');
		for (const update of pending.splice(0)) await store().append('draft:c', update);
		const loaded = await store().load('draft:c');
		expect(loaded.appendedRows).toBe(1);
		expect(replay(loaded.updates).getText('body').toString()).toBe(text.toString());

		expect(await store().compact('draft:c')).toMatchObject({ foldedRows: 1 });
		expect(await store().compact('draft:c')).toMatchObject({ foldedRows: 0 });
		const reloaded = await store().load('draft:c');
		expect(reloaded.updates).toHaveLength(1);
		expect(Y.encodeStateVector(replay(reloaded.updates))).toEqual(Y.encodeStateVector(source));
	});

	it('never loses rows when compactions and appends race', async () => {
		const source = new Y.Doc();
		const text = source.getText('body');
		const updates: Uint8Array[] = [];
		source.on('update', (update: Uint8Array) => updates.push(update));
		for (let index = 0; index < 40; index++) text.insert(text.length, `${index},`);
		await Promise.all(
			updates.map(async (update, index) => {
				await store().append('draft:d', update);
				if (index % 7 === 0) await store().compact('draft:d');
			})
		);
		await store().compact('draft:d');
		const loaded = await store().load('draft:d');
		expect(replay(loaded.updates).getText('body').toString()).toBe(text.toString());
	});
});
