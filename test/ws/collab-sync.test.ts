/**
 * Sync and persistence through a real ws-server and y-websocket's own provider, on real
 * PostgreSQL: clients converge, documents are written (debounced, on last disconnect, on
 * close), compacted, and served again after a restart.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { collabMetrics } from '../../src/lib/server/collab/registry';
import { yjsDocuments, yjsUpdates } from '../../src/lib/server/db/schema';
import { createPostgresStore, type DocumentStore } from '../../ws-server/persistence';
import { encodeAwareness, MESSAGE_AWARENESS } from '../../ws-server/protocol';
import { useTestDatabase } from '../helpers/db';
import { rawSocket, storedDoc, storedText, twoMembers, useCollabServers, waitFor } from './helpers';

const testDb = useTestDatabase();
const { start, connect, stop } = useCollabServers(testDb);

describe('sync between clients', () => {
	it('two members converge on concurrent edits, and the merged text is stored', async () => {
		const { documentName, alice, bruno } = await twoMembers(testDb.db);
		const server = await start({ limits: { writeDebounceMs: 50, writeMaxWaitMs: 200 } });
		const a = connect(server.url, documentName, alice.cookie);
		const b = connect(server.url, documentName, bruno.cookie);
		await waitFor(() => a.provider.synced && b.provider.synced, 'both synced');

		a.text.insert(0, 'Diagnostic territorial. ');
		b.text.insert(0, 'Missions. ');
		for (let index = 0; index < 20; index++) {
			a.text.insert(a.text.length, `a${index} `);
			b.text.insert(0, `b${index} `);
		}
		await waitFor(() => a.text.toString() === b.text.toString() && a.text.length > 100, 'clients converge');
		expect(a.text.toString()).toContain('Diagnostic territorial.');
		expect(a.text.toString()).toContain('Missions.');
		await waitFor(async () => (await storedText(testDb.db, documentName)) === a.text.toString(), 'stored text equals the clients');
	});

	it('serves the stored document to a late joiner after a restart', async () => {
		const { documentName, alice, bruno } = await twoMembers(testDb.db);
		const first = await start();
		const a = connect(first.url, documentName, alice.cookie);
		const observer = connect(first.url, documentName, bruno.cookie);
		await waitFor(() => a.provider.synced && observer.provider.synced, 'synced');
		a.text.insert(0, 'Fiche-action 1 : accès aux soins non programmés.');
		// The observer has it, so the server applied it.
		await waitFor(() => observer.text.length > 0, 'update relayed');
		// Closing writes what the debounce still held (it is 2 s here).
		await stop(first);
		a.destroy();
		expect(await storedText(testDb.db, documentName)).toBe('Fiche-action 1 : accès aux soins non programmés.');

		const second = await start();
		const late = connect(second.url, documentName, bruno.cookie);
		await waitFor(() => late.provider.synced, 'late joiner synced');
		expect(late.text.toString()).toBe('Fiche-action 1 : accès aux soins non programmés.');
	});

	it('writes on the last disconnect without waiting for the debounce, then unloads the document', async () => {
		const { documentName, alice, bruno } = await twoMembers(testDb.db);
		const server = await start({ limits: { writeDebounceMs: 60_000, writeMaxWaitMs: 60_000 } });
		const a = connect(server.url, documentName, alice.cookie);
		const observer = connect(server.url, documentName, bruno.cookie);
		await waitFor(() => a.provider.synced && observer.provider.synced, 'synced');
		a.text.insert(0, 'Gouvernance');
		await waitFor(() => observer.text.length > 0, 'update relayed');
		expect((await storedDoc(testDb.db, documentName)).rows).toBe(0);
		a.destroy();
		expect((await storedDoc(testDb.db, documentName)).rows).toBe(0);
		observer.destroy();
		await waitFor(async () => (await storedText(testDb.db, documentName)) === 'Gouvernance', 'written on last disconnect');
		await waitFor(() => server.collab.metrics().documentsLoaded === 0, 'document unloaded');
	});

	it('unloads a document whose only client left while it was loading', async () => {
		const { documentName, alice } = await twoMembers(testDb.db);
		const real = createPostgresStore(async () => testDb.db);
		let openGate: () => void = () => {};
		const gate = new Promise<void>((resolve) => (openGate = resolve));
		const store: DocumentStore = { ...real, load: async (name) => (await gate, real.load(name)) };
		const server = await start({ store });
		const { socket, closed } = await rawSocket(server.url, documentName, alice.cookie);
		await waitFor(() => server.collab.metrics().documentsLoading === 1, 'loading');
		socket.close();
		await closed;
		await waitFor(() => server.collab.metrics().connections === 0, 'connection gone');
		openGate();
		await waitFor(() => server.collab.metrics().documentsLoaded === 0 && server.collab.metrics().documentsLoading === 0, 'unloaded once loaded');
	});

	it('writes a burst of 2,000 keystrokes as one row no larger than the document', async () => {
		const { documentName, alice } = await twoMembers(testDb.db);
		const server = await start({ limits: { writeDebounceMs: 60_000, writeMaxWaitMs: 60_000 } });
		const a = connect(server.url, documentName, alice.cookie);
		const observer = connect(server.url, documentName, alice.cookie);
		await waitFor(() => a.provider.synced && observer.provider.synced, 'synced');
		for (let index = 0; index < 2_000; index++) a.text.insert(a.text.length, `mot${index % 50} `);
		a.text.delete(0, 100);
		await waitFor(() => observer.text.toString() === a.text.toString(), 'relayed');
		a.destroy();
		observer.destroy();
		await waitFor(async () => (await storedDoc(testDb.db, documentName)).rows === 1, 'written on last disconnect');
		const [row] = await testDb.db.select().from(yjsUpdates).where(eq(yjsUpdates.name, documentName));
		// The difference from what was stored, not 2,000 updates merged (3 s of CPU for 10,000).
		expect(row.update.byteLength).toBeLessThanOrEqual(Y.encodeStateAsUpdate(a.doc).byteLength);
		expect(await storedText(testDb.db, documentName)).toBe(a.text.toString());
		expect(server.collab.metrics().store.writes).toBe(1);
	});

	it('writes once, after a pause in the edits, not once per keystroke', async () => {
		const { documentName, alice } = await twoMembers(testDb.db);
		const server = await start({ limits: { writeDebounceMs: 2_000, writeMaxWaitMs: 60_000 } });
		const a = connect(server.url, documentName, alice.cookie);
		await waitFor(() => a.provider.synced, 'synced');
		for (let index = 0; index < 30; index++) {
			a.text.insert(a.text.length, `${index} `);
			await new Promise((resolve) => setTimeout(resolve, 20));
		}
		expect(server.collab.metrics().store.writes).toBe(0);
		await waitFor(() => server.collab.metrics().store.writes === 1 && server.collab.metrics().store.pendingDocuments === 0, 'written after the pause');
		expect(await storedText(testDb.db, documentName)).toBe(a.text.toString());
		expect((await storedDoc(testDb.db, documentName)).rows).toBe(1);
	});

	it('writes at most every writeMaxWaitMs while edits keep coming', async () => {
		const { documentName, alice } = await twoMembers(testDb.db);
		const server = await start({ limits: { writeDebounceMs: 10_000, writeMaxWaitMs: 300 } });
		const a = connect(server.url, documentName, alice.cookie);
		await waitFor(() => a.provider.synced, 'synced');
		// Edits closer together than the debounce: only the max wait can trigger the write.
		let typed = 0;
		const typing = setInterval(() => a.text.insert(a.text.length, `${typed++} `), 50);
		try {
			await waitFor(async () => (await storedDoc(testDb.db, documentName)).rows >= 2, 'two writes while typing');
		} finally {
			clearInterval(typing);
		}
		expect(server.collab.metrics().store.writes).toBeGreaterThanOrEqual(2);
	});

	it('compacts appended updates into one state, under threshold, without losing anything', async () => {
		const { documentName, alice, bruno } = await twoMembers(testDb.db);
		const server = await start({ limits: { writeDebounceMs: 5, writeMaxWaitMs: 10, compactAfterUpdates: 5 } });
		const a = connect(server.url, documentName, alice.cookie);
		const b = connect(server.url, documentName, bruno.cookie);
		await waitFor(() => a.provider.synced && b.provider.synced, 'synced');
		for (let index = 0; index < 30; index++) {
			a.text.insert(a.text.length, `ligne ${index}\n`);
			await waitFor(() => a.text.toString() === b.text.toString(), 'converged');
			if (index % 3 === 0) {
				b.text.delete(0, 2);
				await waitFor(() => a.text.toString() === b.text.toString(), 'converged');
			}
			await waitFor(() => server.collab.metrics().store.pendingDocuments === 0, 'written');
		}
		await waitFor(() => server.collab.metrics().store.compactions >= 3, 'compactions ran');
		const [state] = await testDb.db.select().from(yjsDocuments).where(eq(yjsDocuments.name, documentName));
		expect(state.version).toBeGreaterThanOrEqual(3);
		// The last write may still be folding its rows: below the threshold once it is done.
		const appendedRows = async () => (await testDb.db.select().from(yjsUpdates).where(eq(yjsUpdates.name, documentName))).length;
		await waitFor(async () => (await appendedRows()) < 5, 'compacted below the threshold');
		expect(await storedText(testDb.db, documentName)).toBe(a.text.toString());
		// What is stored is the same document, not just the same text.
		const { doc } = await storedDoc(testDb.db, documentName);
		expect(Y.encodeStateVector(doc)).toEqual(Y.encodeStateVector(a.doc));
	});

	it('relays awareness (presence) between clients and drops it when one leaves', async () => {
		const { documentName, alice, bruno } = await twoMembers(testDb.db);
		const server = await start();
		const a = connect(server.url, documentName, alice.cookie);
		const b = connect(server.url, documentName, bruno.cookie);
		await waitFor(() => a.provider.synced && b.provider.synced, 'synced');
		a.provider.awareness.setLocalStateField('user', { name: 'Alice', color: '#0a6' });
		// Shown under the session's name (the server does not take the client's word for it).
		await waitFor(() => b.provider.awareness.getStates().get(a.doc.clientID)?.user?.name === alice.name, 'presence reaches Bruno');
		expect(b.provider.awareness.getStates().get(a.doc.clientID)?.user?.color).toBe('#0a6');
		a.destroy();
		await waitFor(() => !b.provider.awareness.getStates().has(a.doc.clientID), 'presence removed when Alice leaves');
	});

	it('echoes presence to its sender, so a client alone on a document is never silent for 30 s', async () => {
		const { documentName, alice } = await twoMembers(testDb.db);
		const server = await start();
		const { socket } = await rawSocket(server.url, documentName, alice.cookie);
		const lone = new Y.Doc();
		const awareness = new awarenessProtocol.Awareness(lone);
		awareness.setLocalState({ user: { name: 'Seule' } });
		const echoed = new Promise<void>((resolve) =>
			socket.on('message', (data: Buffer) => {
				if (data[0] !== MESSAGE_AWARENESS) return;
				const copy = new awarenessProtocol.Awareness(new Y.Doc());
				awarenessProtocol.applyAwarenessUpdate(copy, decoding.readVarUint8Array(decoding.createDecoder(data.subarray(1))), null);
				if (copy.getStates().get(lone.clientID)?.user?.name === alice.name) resolve();
				copy.destroy();
			})
		);
		socket.send(encodeAwareness(awareness, [lone.clientID]));
		await echoed;
		awareness.destroy();
		socket.close();
	});

	it('exposes metrics through the process registry', async () => {
		const { documentName, alice } = await twoMembers(testDb.db);
		const server = await start();
		const a = connect(server.url, documentName, alice.cookie);
		await waitFor(() => a.provider.synced, 'synced');
		const mine = collabMetrics().find((entry) => entry.instanceId === server.collab.instanceId);
		expect(mine).toMatchObject({ documentsLoaded: 1, connections: 1, readOnlyConnections: 0, redis: { enabled: false } });
		expect(mine!.store.loads).toBe(1);
		expect(mine!.messagesTotal).toBeGreaterThan(0);
	});
});
