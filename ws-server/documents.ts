/**
 * One collaborative document, as Hocuspocus's Document: it owns its Yjs state, its
 * connections and its presence, and what happens to a change: applied (and so validated)
 * first, then sent on to its other connections and to other instances, marked unsaved, and
 * written on a debounce, when the last connection leaves and at shutdown. The registry
 * (hub.ts) only opens, finds and closes documents.
 *
 * The rules that keep stored content safe (hocuspocus#382, #821; y-websocket-server #10):
 * - a document is never served before its stored state is applied: connections wait for
 *   `ready`, and a failed load closes them and drops the document without writing;
 * - only what changed after the load is written (the difference from the state vector last
 *   stored), and writes only append;
 * - compaction rebuilds the state from stored rows, never from memory.
 */
import type { Logger } from 'pino';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { CollabLimits } from '../src/lib/server/collab/limits';
import { FANOUT_PRESENCE, type RedisFanout } from './fanout';
import { broadcastOf, type Broadcast } from './frames';
import type { MetricsCollector } from './metrics';
import type { DocumentStore } from './persistence';
import type { PresenceRelay, RemoteHolder } from './presence';
import { decodeMessage, encodeAwareness, encodeQueryAwareness, encodeSyncStep1, encodeSyncStep2, encodeUpdate } from './protocol';

/** Transaction origin of changes that came from another instance (never re-published). */
export const REMOTE_ORIGIN = Symbol('remote instance');
/** Transaction origin of changes the server itself makes (a restore): sent to everyone. */
const SERVER_ORIGIN = Symbol('server change');

/** What a document needs of a connection. */
export interface DocumentConnection {
	send(message: Uint8Array): void;
	/** The same message for every connection, framed once. */
	sendBroadcast(message: Broadcast): void;
	/** Awareness client ids this connection speaks for (removed when it leaves). */
	readonly awarenessIds: Set<number>;
	/** The signed-in person behind the connection. */
	readonly user: { id: string };
	/** A reader's updates are dropped before they reach the document (connection.ts). */
	readonly readOnly: boolean;
}

/**
 * Optional callbacks for features built on stored documents (e.g. automatic versions). The
 * document does not wait for them; a run they return is awaited at shutdown (hub.ts).
 */
export interface DocumentHooks {
	/** After a write of the document's updates succeeded. */
	afterWrite?(name: string): void | Promise<unknown>;
	/** After the last connection left and what it left unsaved was written. */
	afterLastDisconnect?(name: string): void | Promise<unknown>;
}

/** What a document uses of the Redis fan-out. */
export type DocumentFanout = Pick<RedisFanout, 'publishDocument' | 'tryLock' | 'unlock'>;

/** What a document is given by the registry that opens it. */
export interface DocumentEnvironment {
	store: DocumentStore;
	limits: CollabLimits;
	metrics: MetricsCollector;
	log: Logger;
	/** Other instances; null without Redis. */
	fanout: DocumentFanout | null;
	presence: PresenceRelay;
	/** Runs a hook without waiting for it (the registry keeps the run for its shutdown). */
	runHook(hook: keyof DocumentHooks, name: string): void;
	/** Nobody has used the document for `unloadAfterMs` and nothing is unsaved: drop it. */
	unload(document: CollabDocument): void;
}

// Remote messages kept while a document loads; past this, the backlog is dropped and the
// sync step 1 sent after the load brings the same content back from the peers.
const MAX_REMOTE_BACKLOG = 10_000;

export class CollabDocument {
	readonly doc = new Y.Doc();
	readonly awareness = new awarenessProtocol.Awareness(this.doc);
	readonly connections = new Set<DocumentConnection>();
	status: 'loading' | 'ready' | 'failed' | 'unloaded' = 'loading';
	/** Resolves true once the stored state is applied, false if the load failed. */
	ready: Promise<boolean> = Promise.resolve(false);
	/** Awareness client ids held on other instances, and by whom (see presence.ts). */
	readonly remotePresence = new Map<number, RemoteHolder>();

	/** Size estimate: stored bytes plus every update since (exact again after compaction). */
	private approxBytes = 0;
	/** Rows appended to yjs_updates since the last compaction, as far as this instance knows. */
	private appendedRows = 0;
	/**
	 * What is stored, as a state vector: a write appends the difference between the document
	 * and it (Y.encodeStateAsUpdate), computed from the document in about a millisecond.
	 * Keeping every update and merging them (Y.mergeUpdates) costs time quadratic in their
	 * number: 10,000 keystrokes in one debounce window blocked the process for 3 s.
	 */
	private storedStateVector: Uint8Array | null = null;
	/** Changed since the last write began (updates made during a write set it again). */
	private dirty = false;
	/** The last write failed (a flush request is answered with it). */
	private lastWriteFailed = false;
	private firstUnsavedAt = 0;
	private lastChangeAt = 0;
	private writeTimer: NodeJS.Timeout | null = null;
	private unloadTimer: NodeJS.Timeout | null = null;
	/** The chain of writes: one at a time per document, in order. */
	private writing: Promise<void> = Promise.resolve();
	private remoteBacklog: { payload: Uint8Array; senderId: string }[] = [];
	/** Shutting down: a failed write is not retried later, nothing is scheduled to unload. */
	private closing = false;

	/**
	 * A twin of `doc` on which a client's update is tried before `doc` takes it (made at the
	 * first one, dropped after a refusal and made again at the next). Yjs integrates an update
	 * struct by struct and has no rollback: one that throws halfway leaves its first part in
	 * the document it was applied to, and a few such leftovers make the document's state
	 * unloadable, stored or not. Tried here first, a refused update changes nothing.
	 * Keeping it in step costs one more apply per update (proportional to the update); a fresh
	 * copy per update would cost the whole document each time (5–7 ms for 6–60 KB of text,
	 * against well under a millisecond for one more apply of a keystroke).
	 */
	private replica: Y.Doc | null = null;

	constructor(
		readonly name: string,
		private readonly env: DocumentEnvironment
	) {
		// The server is not a participant: it has no presence of its own.
		this.awareness.setLocalState(null);
	}

	/**
	 * Applies the stored state, then serves: from here on, changes are sent on and written.
	 * False (the document destroyed, the store untouched) when the load failed or the
	 * document was closed meanwhile.
	 */
	async load(): Promise<boolean> {
		const { store, metrics, log } = this.env;
		const started = performance.now();
		try {
			const stored = await store.load(this.name);
			for (const update of stored.updates) Y.applyUpdate(this.doc, update);
			this.storedStateVector = Y.encodeStateVector(this.doc);
			this.approxBytes = stored.bytes;
			this.appendedRows = stored.appendedRows;
			metrics.loaded(performance.now() - started);
		} catch (error) {
			metrics.loadFailures++;
			log.error({ err: error, document: this.name }, 'document load failed');
			// Dropped without a write: the stored content stays exactly as it was.
			this.status = 'failed';
			this.destroy();
			return false;
		}
		if (this.closing) {
			this.unload();
			return false;
		}
		this.listen();
		this.status = 'ready';
		for (const { payload, senderId } of this.remoteBacklog.splice(0)) this.applyRemote(payload, senderId);
		return true;
	}

	/** A connection joins (the pending unload, if any, was cancelled when it was acquired). */
	join(connection: DocumentConnection): void {
		this.connections.add(connection);
	}

	/**
	 * A connection left. With no writer left, the trial replica goes too: it only serves
	 * writers' updates, and kept it would double the document's memory while readers
	 * stay, or until the unload; the next writer's first update makes it again.
	 */
	leave(connection: DocumentConnection): void {
		this.connections.delete(connection);
		for (const remaining of this.connections) if (!remaining.readOnly) return;
		this.dropReplica();
	}

	/** Someone is about to use the document: it is not unloaded. */
	keep(): void {
		if (this.unloadTimer) clearTimeout(this.unloadTimer);
		this.unloadTimer = null;
	}

	/** Nobody is connected any more (or never was): write now, tell the hook, then unload when idle. */
	release(): void {
		if (this.closing || this.connections.size > 0) return;
		// Left while it loaded: decided once it is ready (otherwise it would stay loaded,
		// with nobody to release it, until someone opened it again).
		if (this.status === 'loading') {
			void this.ready.then(() => this.release());
			return;
		}
		if (this.status !== 'ready') return;
		void this.flush().then(() => {
			if (!this.dirty) this.env.runHook('afterLastDisconnect', this.name);
			this.scheduleUnload();
		});
	}

	/**
	 * A client's document update: tried on the replica, then applied here, where the
	 * document's `update` listener sends on what it took (re-encoded by Yjs) to the other
	 * connections and instances, as Hocuspocus and y-websocket's server do. Throws, having
	 * changed nothing, when Yjs refuses it.
	 */
	receiveClientUpdate(update: Uint8Array, from: DocumentConnection): void {
		// Decoded in full first: most garbage stops here, without a replica to rebuild.
		Y.decodeUpdate(update);
		const replica = (this.replica ??= this.copyForTrial());
		try {
			Y.applyUpdate(replica, update, from);
		} catch (error) {
			// What it left there is dropped with the replica.
			this.dropReplica();
			throw error;
		}
		this.apply(update, from);
	}

	/**
	 * Whether an update of this size keeps the document under its limit. The running
	 * estimate only grows between compactions (deletions add bytes too), so it is measured
	 * exactly before refusing anyone.
	 */
	fits(updateBytes: number): boolean {
		const { maxDocumentBytes } = this.env.limits;
		if (this.approxBytes + updateBytes <= maxDocumentBytes) return true;
		this.approxBytes = Y.encodeStateAsUpdate(this.doc).byteLength;
		return this.approxBytes + updateBytes <= maxDocumentBytes;
	}

	/**
	 * A change the server made (a restore, already stored): every connection receives it,
	 * other instances too. False when the document is not ready (one still loading reads
	 * it from the store).
	 */
	applyServerUpdate(update: Uint8Array): boolean {
		if (this.status !== 'ready') return false;
		this.applyTrusted(update, SERVER_ORIGIN);
		return true;
	}

	/** A message from another instance: kept while the document loads, handled once it is ready. */
	receiveRemote(payload: Uint8Array, senderId: string): void {
		if (this.status === 'loading') {
			if (this.remoteBacklog.length < MAX_REMOTE_BACKLOG) this.remoteBacklog.push({ payload, senderId });
			else this.remoteBacklog = [];
			return;
		}
		if (this.status === 'ready') this.applyRemote(payload, senderId);
	}

	/** Asks the other instances for what we may lack (after a load or a Redis outage). */
	announce(): void {
		const { fanout } = this.env;
		if (!fanout || this.status !== 'ready') return;
		fanout.publishDocument(this.name, encodeSyncStep1(this.doc));
		fanout.publishDocument(this.name, encodeQueryAwareness());
	}

	/** Another instance stopped: the presence it spoke for is removed. */
	instanceGone(instanceId: string): void {
		if (this.status === 'ready') this.env.presence.instanceGone(this, instanceId);
	}

	/** Writes what is unsaved now (queued behind a write in progress). */
	flush(): Promise<void> {
		// Never rejects: a broken link would stop every later write of this document, and
		// callers chain on it without a catch.
		this.writing = this.writing
			.then(() => this.write())
			.catch((error: unknown) => this.env.log.error({ err: error, document: this.name }, 'document write crashed'));
		return this.writing;
	}

	/**
	 * Writes what is unsaved now, if loaded (a flush request: an export or a version is about
	 * to read the stored state). Null when it is not ready; false when the write failed.
	 */
	async flushLoaded(): Promise<boolean | null> {
		// Loading: whatever it will hold is what is stored, or comes from peers that flush too.
		if (this.status !== 'ready') return null;
		await this.flush();
		return !this.lastWriteFailed;
	}

	/**
	 * Shutdown: our presence is removed (and the removals published), what is unsaved is
	 * written, with one more try for a write that just failed. False when it never loaded.
	 */
	async close(): Promise<boolean> {
		this.closing = true;
		this.keep();
		// Before anything awaits: the removals go out while Redis is still connected.
		if (this.status === 'ready') this.env.presence.departAll(this);
		if (!(await this.ready)) return false;
		await this.flush();
		if (this.dirty) await this.flush();
		if (this.dirty) this.env.log.error({ document: this.name }, 'unsaved updates lost at shutdown');
		return true;
	}

	/** Changed since the last write began. */
	get unsaved(): boolean {
		return this.dirty;
	}

	/** Whether a trial replica is held (metrics). */
	get hasReplica(): boolean {
		return this.replica !== null;
	}

	/** Dropped from memory (by the registry): nothing more is written. */
	unload(): void {
		this.status = 'unloaded';
		this.destroy();
	}

	destroy(): void {
		if (this.writeTimer) clearTimeout(this.writeTimer);
		if (this.unloadTimer) clearTimeout(this.unloadTimer);
		this.writeTimer = this.unloadTimer = null;
		this.dropReplica();
		this.awareness.destroy();
		this.doc.destroy();
	}

	/** Listeners installed after the load, so the stored state itself is never re-written. */
	private listen(): void {
		this.doc.on('update', (update: Uint8Array, origin: unknown) => {
			this.approxBytes += update.byteLength;
			this.relay(broadcastOf(encodeUpdate(update)), origin, origin !== REMOTE_ORIGIN);
			// Remote updates are written too: if the instance that received them dies before
			// its write, ours still stores them (rows are idempotent; compaction dedups).
			this.markUnsaved();
		});
		this.awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
			const connection = this.connections.has(origin as DocumentConnection) ? (origin as DocumentConnection) : null;
			const message = broadcastOf(encodeAwareness(this.awareness, added.concat(updated, removed)));
			// Echoed to the sender too, as y-websocket's server does: a client alone on a
			// document hears nothing else, and its provider reconnects after 30 s of silence.
			for (const peer of this.connections) peer.sendBroadcast(message);
			// Before the connection forgets removed ids: a removal is published under its holder.
			this.env.presence.changed(this, { added, updated, removed }, origin, connection);
			if (connection) {
				for (const id of added.concat(updated)) connection.awarenessIds.add(id);
				for (const id of removed) connection.awarenessIds.delete(id);
			}
		});
	}

	/** Sends a document message to the connections but `except`, and to other instances when `publish`. */
	private relay(message: Broadcast, except: unknown, publish: boolean): void {
		for (const connection of this.connections) if (connection !== except) connection.sendBroadcast(message);
		if (publish) this.env.fanout?.publishDocument(this.name, message.payload);
	}

	/**
	 * Debounce without a timer per keystroke: the change time is noted, and a timer already
	 * running looks at it when it fires (and waits again if edits came since).
	 */
	private markUnsaved(): void {
		const now = Date.now();
		this.dirty = true;
		this.lastChangeAt = now;
		if (!this.firstUnsavedAt) this.firstUnsavedAt = now;
		if (!this.writeTimer) this.scheduleWrite(this.writeDelay(now));
	}

	/** Until the debounce after the last change, or the max wait after the first, whichever comes first. */
	private writeDelay(now: number): number {
		const { writeDebounceMs, writeMaxWaitMs } = this.env.limits;
		return Math.max(0, Math.min(this.lastChangeAt + writeDebounceMs, this.firstUnsavedAt + writeMaxWaitMs) - now);
	}

	private scheduleWrite(wait: number): void {
		if (this.writeTimer) clearTimeout(this.writeTimer);
		this.writeTimer = setTimeout(() => {
			this.writeTimer = null;
			const remaining = this.dirty ? this.writeDelay(Date.now()) : 0;
			if (remaining > 0) this.scheduleWrite(remaining);
			else void this.flush();
		}, wait);
	}

	private async write(): Promise<void> {
		if (this.writeTimer) clearTimeout(this.writeTimer);
		this.writeTimer = null;
		if (!this.dirty || this.status !== 'ready') return;
		const { store, metrics, log, limits } = this.env;
		const firstUnsavedAt = this.firstUnsavedAt;
		// Everything the store lacks: the structs past its state vector, and the delete set.
		const stateVector = Y.encodeStateVector(this.doc);
		const update = Y.encodeStateAsUpdate(this.doc, this.storedStateVector ?? undefined);
		this.dirty = false;
		this.firstUnsavedAt = 0;
		const started = performance.now();
		try {
			await store.append(this.name, update);
			metrics.wrote(performance.now() - started);
			this.lastWriteFailed = false;
			this.storedStateVector = stateVector;
			this.appendedRows++;
			this.env.runHook('afterWrite', this.name);
		} catch (error) {
			metrics.writeFailures++;
			this.lastWriteFailed = true;
			log.error({ err: error, document: this.name }, 'document write failed; will retry');
			// The stored state vector did not move: the next write carries this change again.
			this.dirty = true;
			this.firstUnsavedAt = firstUnsavedAt || Date.now();
			if (!this.closing) this.scheduleWrite(limits.writeDebounceMs);
			return;
		}
		if (this.appendedRows >= limits.compactAfterUpdates) await this.compact();
		// Remote updates can dirty a document nobody here has open: unload it once written.
		if (this.connections.size === 0 && !this.dirty) this.scheduleUnload();
	}

	private async compact(): Promise<void> {
		const { store, metrics, log, fanout } = this.env;
		const lockKey = `collab:lock:compact:${this.name}`;
		let token: string | null = null;
		if (fanout) {
			try {
				token = await fanout.tryLock(lockKey, 60_000);
				if (!token) return; // another instance is compacting it
			} catch (error) {
				// Redis only saves duplicate work here; the row lock keeps compaction correct.
				log.warn({ err: error }, 'compaction lock unavailable; compacting under the row lock only');
			}
		}
		try {
			const result = await store.compact(this.name);
			metrics.compactions++;
			this.appendedRows = 0;
			// Changes since our last write are not in it yet; the estimate grows again with them.
			this.approxBytes = result.bytes;
		} catch (error) {
			log.error({ err: error, document: this.name }, 'compaction failed');
		} finally {
			if (fanout && token) await fanout.unlock(lockKey, token).catch(() => {});
		}
	}

	private scheduleUnload(): void {
		if (this.closing || this.status !== 'ready' || this.connections.size > 0) return;
		if (this.unloadTimer) clearTimeout(this.unloadTimer);
		this.unloadTimer = setTimeout(() => {
			this.unloadTimer = null;
			// Someone came back, or a write is pending or failed: keep it.
			if (this.connections.size > 0 || this.dirty || this.writeTimer) return;
			this.env.unload(this);
		}, this.env.limits.unloadAfterMs);
	}

	private applyRemote(payload: Uint8Array, senderId: string): void {
		const { fanout, log, presence } = this.env;
		try {
			if (payload[0] === FANOUT_PRESENCE) return presence.receive(this, senderId, payload);
			const message = decodeMessage(payload);
			switch (message.type) {
				case 'sync-step-1':
					fanout?.publishDocument(this.name, encodeSyncStep2(this.doc, message.stateVector));
					break;
				case 'sync-step-2':
				case 'update':
					// Sent on to our connections by the update listener once applied, as there.
					this.applyTrusted(message.update, REMOTE_ORIGIN);
					break;
				case 'awareness':
					// Presence without the person it belongs to (an instance of an older
					// version): nothing says it is not forged for someone else's client id.
					log.debug({ document: this.name, senderId }, 'untagged presence from another instance dropped');
					break;
				case 'query-awareness':
					presence.answerQuery(this);
					break;
			}
		} catch (error) {
			log.warn({ err: error, document: this.name }, 'unreadable message from another instance dropped');
		}
	}

	/** A change that is not a client's (another instance's, the server's own): applied as it comes. */
	private applyTrusted(update: Uint8Array, origin: unknown): void {
		this.apply(update, origin);
		if (!this.replica) return;
		try {
			Y.applyUpdate(this.replica, update, origin);
		} catch {
			this.dropReplica();
		}
	}

	/** Applies to the document; should it fail anyway, the replica no longer matches it. */
	private apply(update: Uint8Array, origin: unknown): void {
		try {
			Y.applyUpdate(this.doc, update, origin);
		} catch (error) {
			this.dropReplica();
			throw error;
		}
	}

	/** The document's state, and what it holds pending (structs whose dependencies it lacks). */
	private copyForTrial(): Y.Doc {
		const replica = new Y.Doc({ gc: this.doc.gc });
		// Listened to as the document is: Yjs encodes a transaction's update for its listeners
		// only, and that encoding can throw too (a delete range of length 0).
		replica.on('update', ignoreUpdate);
		Y.applyUpdate(replica, Y.encodeStateAsUpdate(this.doc));
		const { pendingStructs, pendingDs } = this.doc.store;
		if (pendingStructs) Y.applyUpdate(replica, pendingStructs.update);
		if (pendingDs) Y.applyUpdate(replica, pendingDs);
		return replica;
	}

	private dropReplica(): void {
		this.replica?.destroy();
		this.replica = null;
	}
}

const ignoreUpdate = () => {};
