import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { DEFAULT_COLLAB_LIMITS, type CollabLimits } from '../src/lib/server/collab/limits';
import { CollabDocument, type DocumentConnection, type DocumentEnvironment, type DocumentFanout } from './documents';
import type { Broadcast } from './frames';
import { MetricsCollector } from './metrics';
import type { DocumentStore } from './persistence';
import { PresenceRelay } from './presence';
import { encodeUpdate } from './protocol';

const DEBOUNCE = 2_000;
const MAX_WAIT = 10_000;
const UNLOAD_AFTER = 5_000;

/** A document over an in-memory store, with what it did recorded; no socket, no database. */
function setUp(options: { limits?: Partial<CollabLimits>; failingAppends?: number; fanout?: boolean } = {}) {
	const appended: Uint8Array[] = [];
	let failuresLeft = options.failingAppends ?? 0;
	const store: DocumentStore = {
		load: async () => ({ updates: [], appendedRows: 0, bytes: 0 }),
		append: async (_name, update) => {
			if (failuresLeft > 0) {
				failuresLeft--;
				throw new Error('store down');
			}
			appended.push(update);
		},
		compact: async () => ({ bytes: 0, foldedRows: 0 })
	};
	const published: Uint8Array[] = [];
	const fanout: DocumentFanout | null = options.fanout
		? { publishDocument: (_name, payload) => void published.push(payload), tryLock: async () => 'token', unlock: async () => {} }
		: null;
	const log = pino({ level: 'silent' });
	const hooks: string[] = [];
	const unloaded: CollabDocument[] = [];
	const env: DocumentEnvironment = {
		store,
		limits: { ...DEFAULT_COLLAB_LIMITS, writeDebounceMs: DEBOUNCE, writeMaxWaitMs: MAX_WAIT, unloadAfterMs: UNLOAD_AFTER, ...options.limits },
		metrics: new MetricsCollector(),
		log,
		fanout,
		presence: new PresenceRelay(null, log),
		runHook: (hook) => void hooks.push(hook),
		unload: (document) => void unloaded.push(document)
	};
	const document = new CollabDocument('draft:test', env);
	document.ready = document.load();
	return { document, appended, published, hooks, unloaded };
}

/** A client connection that records what it is sent, with a Y.Doc whose edits it sends. */
function client(document: CollabDocument, readOnly = false) {
	const received: Uint8Array[] = [];
	const connection: DocumentConnection = {
		send: (message) => void received.push(message),
		sendBroadcast: (message: Broadcast) => void received.push(message.payload),
		awarenessIds: new Set(),
		user: { id: `user-${Math.random()}` },
		readOnly
	};
	const doc = new Y.Doc();
	doc.on('update', (update: Uint8Array) => document.receiveClientUpdate(update, connection));
	document.join(connection);
	const type = (text: string) => doc.getText('body').insert(doc.getText('body').length, text);
	return { connection, received, doc, type };
}

const storedText = (updates: Uint8Array[]) => {
	const doc = new Y.Doc();
	for (const update of updates) Y.applyUpdate(doc, update);
	return doc.getText('body').toString();
};

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('CollabDocument: when it writes', () => {
	it('writes once, the debounce after the last change, only what changed', async () => {
		const { document, appended } = setUp();
		await document.ready;
		const alice = client(document);
		alice.type('Un ');
		await vi.advanceTimersByTimeAsync(1_000);
		alice.type('deux ');
		await vi.advanceTimersByTimeAsync(DEBOUNCE - 1);
		expect(appended).toHaveLength(0);
		expect(document.unsaved).toBe(true);
		await vi.advanceTimersByTimeAsync(1);
		expect(appended).toHaveLength(1);
		expect(storedText(appended)).toBe('Un deux ');
		expect(document.unsaved).toBe(false);
		alice.type('trois');
		await vi.advanceTimersByTimeAsync(DEBOUNCE);
		expect(appended).toHaveLength(2);
		// The second row holds only what came after the first.
		expect(storedText(appended.slice(1))).not.toContain('Un');
		expect(storedText(appended)).toBe('Un deux trois');
	});

	it('writes at the longest wait after the first change while typing goes on', async () => {
		const { document, appended } = setUp();
		await document.ready;
		const alice = client(document);
		for (let second = 0; second < MAX_WAIT / 1_000; second++) {
			alice.type(`${second} `);
			await vi.advanceTimersByTimeAsync(1_000);
		}
		expect(appended).toHaveLength(1);
		expect(storedText(appended)).toBe('0 1 2 3 4 5 6 7 8 9 ');
	});

	it('writes at once when the last connection leaves, tells the hook, then unloads when idle', async () => {
		const { document, appended, hooks, unloaded } = setUp();
		await document.ready;
		const alice = client(document);
		alice.type('Fin de séance.');
		document.leave(alice.connection);
		document.release();
		await vi.advanceTimersByTimeAsync(0);
		expect(appended).toHaveLength(1);
		expect(hooks).toEqual(['afterWrite', 'afterLastDisconnect']);
		await vi.advanceTimersByTimeAsync(UNLOAD_AFTER - 1);
		expect(unloaded).toHaveLength(0);
		await vi.advanceTimersByTimeAsync(1);
		expect(unloaded).toEqual([document]);
	});

	it('is kept when someone comes back before the unload', async () => {
		const { document, unloaded } = setUp();
		await document.ready;
		document.release();
		await vi.advanceTimersByTimeAsync(UNLOAD_AFTER - 1);
		document.keep();
		client(document);
		await vi.advanceTimersByTimeAsync(UNLOAD_AFTER * 2);
		expect(unloaded).toHaveLength(0);
	});

	it('retries a failed write after the debounce, and says so when asked to flush', async () => {
		const { document, appended } = setUp({ failingAppends: 1 });
		await document.ready;
		client(document).type('Gardé malgré la panne.');
		expect(await document.flushLoaded()).toBe(false);
		expect(document.unsaved).toBe(true);
		await vi.advanceTimersByTimeAsync(DEBOUNCE);
		expect(appended).toHaveLength(1);
		expect(storedText(appended)).toBe('Gardé malgré la panne.');
		expect(await document.flushLoaded()).toBe(true);
	});

	it('writes what is unsaved at shutdown, with one more try, and schedules nothing after', async () => {
		const { document, appended, unloaded } = setUp({ failingAppends: 1 });
		await document.ready;
		const alice = client(document);
		alice.type('Avant l’arrêt.');
		document.leave(alice.connection);
		expect(await document.close()).toBe(true);
		expect(storedText(appended)).toBe('Avant l’arrêt.');
		expect(document.unsaved).toBe(false);
		await vi.advanceTimersByTimeAsync(MAX_WAIT + UNLOAD_AFTER);
		expect(appended).toHaveLength(1);
		expect(unloaded).toHaveLength(0);
	});

	it('closed while it loads, it is never served nor written', async () => {
		const { document, appended } = setUp();
		expect(await document.close()).toBe(false);
		expect(await document.ready).toBe(false);
		expect(document.status).toBe('unloaded');
		expect(appended).toHaveLength(0);
	});
});

describe('CollabDocument: where a change goes', () => {
	it('sends a client’s update to the other connections and to Redis, not back to its sender', async () => {
		const { document, published } = setUp({ fanout: true });
		await document.ready;
		const alice = client(document);
		const bruno = client(document, true);
		alice.type('Bonjour');
		expect(alice.received).toHaveLength(0);
		expect(bruno.received).toHaveLength(1);
		expect(published).toEqual(bruno.received);
	});

	it('sends nothing anywhere for an update Yjs refuses, and changes nothing', async () => {
		const { document, published } = setUp({ fanout: true });
		await document.ready;
		const alice = client(document);
		const bruno = client(document);
		alice.type('Texte sûr.');
		const before = Y.encodeStateAsUpdate(document.doc);
		const sent = bruno.received.length;
		const broken = Y.encodeStateAsUpdate(alice.doc).slice(0, -3);
		expect(() => document.receiveClientUpdate(broken, alice.connection)).toThrow();
		expect(bruno.received).toHaveLength(sent);
		expect(published).toHaveLength(sent);
		expect(Y.encodeStateAsUpdate(document.doc)).toEqual(before);
	});

	it('passes another instance’s update to its connections, writes it, and never publishes it again', async () => {
		const { document, published, appended } = setUp({ fanout: true });
		// Arrives while it loads: kept, then applied once ready.
		const elsewhere = new Y.Doc();
		elsewhere.getText('body').insert(0, 'Venu d’ailleurs.');
		document.receiveRemote(encodeUpdate(Y.encodeStateAsUpdate(elsewhere)), 'other-instance');
		await document.ready;
		const bruno = client(document);
		expect(document.doc.getText('body').toString()).toBe('Venu d’ailleurs.');
		elsewhere.getText('body').insert(0, '» ');
		document.receiveRemote(encodeUpdate(Y.encodeStateAsUpdate(elsewhere, Y.encodeStateVector(document.doc))), 'other-instance');
		expect(bruno.received).toHaveLength(1);
		expect(published).toHaveLength(0);
		await vi.advanceTimersByTimeAsync(DEBOUNCE);
		expect(storedText(appended)).toBe('» Venu d’ailleurs.');
	});
});
