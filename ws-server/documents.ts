/**
 * Loaded documents: loading before serving, dirty tracking, debounced writes, compaction,
 * fan-out to local connections and to other instances, and unloading when idle.
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
import { decodeFlushRequest, FANOUT_FLUSH_REQUEST, FANOUT_PRESENCE, type RedisFanout } from './fanout';
import { broadcastOf, type Broadcast } from './frames';
import type { MetricsCollector } from './metrics';
import type { DocumentStore } from './persistence';
import { PresenceRelay, type RemoteHolder } from './presence';
import {
	decodeMessage,
	encodeAwareness,
	encodeQueryAwareness,
	encodeSyncStep1,
	encodeSyncStep2,
	encodeUpdate
} from './protocol';

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
	/** Size estimate: stored bytes plus every update since (exact again after compaction). */
	approxBytes = 0;
	/** Rows appended to yjs_updates since the last compaction, as far as this instance knows. */
	appendedRows = 0;
	/**
	 * What is stored, as a state vector: a write appends the difference between the document
	 * and it (Y.encodeStateAsUpdate), computed from the document in about a millisecond.
	 * Keeping every update and merging them (Y.mergeUpdates) costs time quadratic in their
	 * number: 10,000 keystrokes in one debounce window blocked the process for 3 s.
	 */
	storedStateVector: Uint8Array | null = null;
	/** Changed since the last write began (updates made during a write set it again). */
	dirty = false;
	/** The last write failed (a flush request is answered with it). */
	lastWriteFailed = false;
	firstUnsavedAt = 0;
	lastChangeAt = 0;
	writeTimer: NodeJS.Timeout | null = null;
	unloadTimer: NodeJS.Timeout | null = null;
	/** The chain of writes: one at a time per document, in order. */
	writing: Promise<void> = Promise.resolve();
	remoteBacklog: { payload: Uint8Array; senderId: string }[] = [];
	/** Awareness client ids held on other instances, and by whom (see presence.ts). */
	readonly remotePresence = new Map<number, RemoteHolder>();

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

	constructor(readonly name: string) {
		// The server is not a participant: it has no presence of its own.
		this.awareness.setLocalState(null);
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

	/** A change that is not a client's (another instance's, the server's own): applied as it comes. */
	applyTrusted(update: Uint8Array, origin: unknown): void {
		this.apply(update, origin);
		if (!this.replica) return;
		try {
			Y.applyUpdate(this.replica, update, origin);
		} catch {
			this.dropReplica();
		}
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

	/** Whether a trial replica is held (metrics). */
	get hasReplica(): boolean {
		return this.replica !== null;
	}

	destroy(): void {
		if (this.writeTimer) clearTimeout(this.writeTimer);
		if (this.unloadTimer) clearTimeout(this.unloadTimer);
		this.writeTimer = this.unloadTimer = null;
		this.dropReplica();
		this.awareness.destroy();
		this.doc.destroy();
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

/**
 * Optional callbacks for features built on stored documents (e.g. automatic versions). The
 * hub does not wait for them; a run they return is awaited at shutdown (close).
 */
export interface DocumentHooks {
	/** After a write of the document's updates succeeded. */
	afterWrite?(name: string): void | Promise<unknown>;
	/** After the last connection left and what it left unsaved was written. */
	afterLastDisconnect?(name: string): void | Promise<unknown>;
}

/** How long a shutdown waits for hook runs still going (an automatic version being frozen). */
const HOOK_RUNS_GRACE_MS = 5_000;

export interface HubDependencies {
	store: DocumentStore;
	hooks?: DocumentHooks;
	limits: CollabLimits;
	metrics: MetricsCollector;
	log: Logger;
	fanout: RedisFanout | null;
}

export class DocumentHub {
	readonly documents = new Map<string, CollabDocument>();
	/** Hook runs not settled yet. */
	private readonly hookRuns = new Set<Promise<unknown>>();
	private closed = false;
	private readonly presence: PresenceRelay;

	constructor(private readonly deps: HubDependencies) {
		this.presence = new PresenceRelay(deps.fanout, deps.log);
	}

	/** The loaded (or loading) document of that name; starts the load when absent. */
	acquire(name: string): CollabDocument {
		const existing = this.documents.get(name);
		if (existing) {
			if (existing.unloadTimer) clearTimeout(existing.unloadTimer);
			existing.unloadTimer = null;
			return existing;
		}
		const document = new CollabDocument(name);
		this.documents.set(name, document);
		document.ready = this.load(document);
		return document;
	}

	/** A connection left: when it was the last, write now, then unload. */
	release(document: CollabDocument): void {
		if (this.closed || document.connections.size > 0) return;
		// Left while it loaded: decided once it is ready (otherwise it would stay loaded,
		// with nobody to release it, until someone opened it again).
		if (document.status === 'loading') {
			void document.ready.then(() => this.release(document));
			return;
		}
		if (document.status !== 'ready') return;
		void this.flush(document).then(() => {
			if (!document.dirty) this.runHook('afterLastDisconnect', document.name);
			this.scheduleUnload(document);
		});
	}

	/** Writes what is unsaved now (queued behind a write in progress). */
	flush(document: CollabDocument): Promise<void> {
		// Never rejects: a broken link would stop every later write of this document, and
		// callers chain on it without a catch.
		document.writing = document.writing
			.then(() => this.write(document))
			.catch((error: unknown) => this.deps.log.error({ err: error, document: document.name }, 'document write crashed'));
		return document.writing;
	}

	/**
	 * Writes what is unsaved of a loaded document now (a flush request: an export or a
	 * version is about to read the stored state). Null when it is not loaded here; false
	 * when the write failed.
	 */
	async flushLoaded(name: string): Promise<boolean | null> {
		const document = this.documents.get(name);
		// Loading: whatever it will hold is what is stored, or comes from peers that flush too.
		if (!document || document.status !== 'ready') return null;
		await this.flush(document);
		return !document.lastWriteFailed;
	}

	/**
	 * Applies a change the server made (a restore, already stored) to a loaded document, as
	 * any change: every connection receives it, other instances too. False when the document
	 * is not ready here (one still loading reads it from the store).
	 */
	applyServerUpdate(name: string, update: Uint8Array): boolean {
		const document = this.documents.get(name);
		if (!document || document.status !== 'ready') return false;
		document.applyTrusted(update, SERVER_ORIGIN);
		return true;
	}

	/** A message from another instance about one of our documents. */
	receiveRemote(name: string, payload: Uint8Array, senderId: string): void {
		// Answered even for a document absent here (just unloaded, or failed): the requester
		// counted us as a holder and waits for our word.
		if (payload[0] === FANOUT_FLUSH_REQUEST) return void this.answerFlush(name, payload);
		const document = this.documents.get(name);
		if (!document) return;
		if (document.status === 'loading') {
			if (document.remoteBacklog.length < MAX_REMOTE_BACKLOG) document.remoteBacklog.push({ payload, senderId });
			else document.remoteBacklog = [];
			return;
		}
		if (document.status === 'ready') this.applyRemote(document, payload, senderId);
	}

	/** Another instance stopped: the presence it spoke for is removed from our documents. */
	instanceGone(instanceId: string): void {
		for (const document of this.documents.values()) if (document.status === 'ready') this.presence.instanceGone(document, instanceId);
	}

	/** Asks the other instances for what we may lack (after a load or a Redis outage). */
	announceAll(): void {
		for (const document of this.documents.values()) if (document.status === 'ready') this.announce(document);
	}

	/** Flushes and drops every document (shutdown). */
	async close(): Promise<void> {
		this.closed = true;
		const documents = [...this.documents.values()];
		await Promise.all(
			documents.map(async (document) => {
				if (document.unloadTimer) clearTimeout(document.unloadTimer);
				// Before anything awaits: the removals go out while Redis is still connected.
				if (document.status === 'ready') this.presence.departAll(document);
				if (!(await document.ready)) return;
				await this.flush(document);
				// One more try for a write that just failed; what still fails is logged as lost.
				if (document.dirty) await this.flush(document);
				if (document.dirty) this.deps.log.error({ document: document.name }, 'unsaved updates lost at shutdown');
				this.drop(document);
			})
		);
		// Hook runs started by the last writes (a version being frozen) end before the
		// process does, or at least are given the time to.
		let timer: NodeJS.Timeout | undefined;
		const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, HOOK_RUNS_GRACE_MS)));
		await Promise.race([Promise.allSettled(this.hookRuns), grace]);
		clearTimeout(timer);
		if (this.hookRuns.size > 0) this.deps.log.warn({ running: this.hookRuns.size }, 'hook runs still going at shutdown');
	}

	/** Calls a hook without waiting for it; a run it returns is kept until it settles (close waits for it). */
	private runHook(hook: keyof DocumentHooks, name: string): void {
		try {
			const run = this.deps.hooks?.[hook]?.(name);
			if (!(run instanceof Promise)) return;
			const tracked: Promise<unknown> = run
				.catch((error: unknown) => this.deps.log.error({ err: error, document: name, hook }, 'document hook failed'))
				.finally(() => this.hookRuns.delete(tracked));
			this.hookRuns.add(tracked);
		} catch (error) {
			this.deps.log.error({ err: error, document: name, hook }, 'document hook failed');
		}
	}

	pendingDocuments(): number {
		let pending = 0;
		for (const document of this.documents.values()) if (document.dirty) pending++;
		return pending;
	}

	private async load(document: CollabDocument): Promise<boolean> {
		const { store, metrics, log, fanout } = this.deps;
		// Subscribe first so nothing published during the load is missed; the backlog holds it.
		const subscribed = fanout
			? fanout.subscribe(document.name).then(
					() => true,
					(error) => {
						log.warn({ err: error, document: document.name }, 'redis subscribe failed');
						return false;
					}
				)
			: null;
		const started = performance.now();
		try {
			const stored = await store.load(document.name);
			for (const update of stored.updates) Y.applyUpdate(document.doc, update);
			document.storedStateVector = Y.encodeStateVector(document.doc);
			document.approxBytes = stored.bytes;
			document.appendedRows = stored.appendedRows;
			metrics.loaded(performance.now() - started);
		} catch (error) {
			metrics.loadFailures++;
			log.error({ err: error, document: document.name }, 'document load failed');
			document.status = 'failed';
			// Dropped without a write: the stored content stays exactly as it was.
			if (this.documents.get(document.name) === document) this.documents.delete(document.name);
			if (fanout && subscribed) {
				void subscribed.then((ok) => {
					if (ok) fanout.unsubscribe(document.name).catch(() => {});
				});
			}
			document.destroy();
			return false;
		}
		if (this.closed) {
			this.drop(document);
			return false;
		}
		this.track(document);
		document.status = 'ready';
		for (const { payload, senderId } of document.remoteBacklog.splice(0)) this.applyRemote(document, payload, senderId);
		if (subscribed) {
			void subscribed.then((ok) => {
				if (ok && document.status === 'ready') this.announce(document);
			});
		}
		return true;
	}

	/** Listeners installed after the load, so the stored state itself is never re-written. */
	private track(document: CollabDocument): void {
		document.doc.on('update', (update: Uint8Array, origin: unknown) => {
			document.approxBytes += update.byteLength;
			this.relay(document, broadcastOf(encodeUpdate(update)), origin, origin !== REMOTE_ORIGIN);
			// Remote updates are written too: if the instance that received them dies before
			// its write, ours still stores them (rows are idempotent; compaction dedups).
			this.markUnsaved(document);
		});
		document.awareness.on(
			'update',
			({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
				const connection = document.connections.has(origin as DocumentConnection) ? (origin as DocumentConnection) : null;
				const message = broadcastOf(encodeAwareness(document.awareness, added.concat(updated, removed)));
				// Echoed to the sender too, as y-websocket's server does: a client alone on a
				// document hears nothing else, and its provider reconnects after 30 s of silence.
				for (const peer of document.connections) peer.sendBroadcast(message);
				// Before the connection forgets removed ids: a removal is published under its holder.
				this.presence.changed(document, { added, updated, removed }, origin, connection);
				if (connection) {
					for (const id of added.concat(updated)) connection.awarenessIds.add(id);
					for (const id of removed) connection.awarenessIds.delete(id);
				}
			}
		);
	}

	/** Sends a document message to its connections but `except`, and to other instances when `publish`. */
	private relay(document: CollabDocument, message: Broadcast, except: unknown, publish: boolean): void {
		for (const connection of document.connections) if (connection !== except) connection.sendBroadcast(message);
		if (publish) this.deps.fanout?.publishDocument(document.name, message.payload);
	}

	/**
	 * Debounce without a timer per keystroke: the change time is noted, and a timer already
	 * running looks at it when it fires (and waits again if edits came since).
	 */
	private markUnsaved(document: CollabDocument): void {
		const now = Date.now();
		document.dirty = true;
		document.lastChangeAt = now;
		if (!document.firstUnsavedAt) document.firstUnsavedAt = now;
		if (!document.writeTimer) this.scheduleWrite(document, this.writeDelay(document, now));
	}

	/** Until the debounce after the last change, or the max wait after the first, whichever comes first. */
	private writeDelay(document: CollabDocument, now: number): number {
		const { writeDebounceMs, writeMaxWaitMs } = this.deps.limits;
		return Math.max(0, Math.min(document.lastChangeAt + writeDebounceMs, document.firstUnsavedAt + writeMaxWaitMs) - now);
	}

	private scheduleWrite(document: CollabDocument, wait: number): void {
		if (document.writeTimer) clearTimeout(document.writeTimer);
		document.writeTimer = setTimeout(() => {
			document.writeTimer = null;
			const remaining = document.dirty ? this.writeDelay(document, Date.now()) : 0;
			if (remaining > 0) this.scheduleWrite(document, remaining);
			else void this.flush(document);
		}, wait);
	}

	private async write(document: CollabDocument): Promise<void> {
		if (document.writeTimer) clearTimeout(document.writeTimer);
		document.writeTimer = null;
		if (!document.dirty || document.status !== 'ready') return;
		const { store, metrics, log, limits } = this.deps;
		const firstUnsavedAt = document.firstUnsavedAt;
		// Everything the store lacks: the structs past its state vector, and the delete set.
		const stateVector = Y.encodeStateVector(document.doc);
		const update = Y.encodeStateAsUpdate(document.doc, document.storedStateVector ?? undefined);
		document.dirty = false;
		document.firstUnsavedAt = 0;
		const started = performance.now();
		try {
			await store.append(document.name, update);
			metrics.wrote(performance.now() - started);
			document.lastWriteFailed = false;
			document.storedStateVector = stateVector;
			document.appendedRows++;
			this.runHook('afterWrite', document.name);
		} catch (error) {
			metrics.writeFailures++;
			document.lastWriteFailed = true;
			log.error({ err: error, document: document.name }, 'document write failed; will retry');
			// The stored state vector did not move: the next write carries this change again.
			document.dirty = true;
			document.firstUnsavedAt = firstUnsavedAt || Date.now();
			if (!this.closed) this.scheduleWrite(document, limits.writeDebounceMs);
			return;
		}
		if (document.appendedRows >= limits.compactAfterUpdates) await this.compact(document);
		// Remote updates can dirty a document nobody here has open: unload it once written.
		if (document.connections.size === 0 && !document.dirty) this.scheduleUnload(document);
	}

	private async compact(document: CollabDocument): Promise<void> {
		const { store, metrics, log, fanout } = this.deps;
		const lockKey = `collab:lock:compact:${document.name}`;
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
			const result = await store.compact(document.name);
			metrics.compactions++;
			document.appendedRows = 0;
			// Changes since our last write are not in it yet; the estimate grows again with them.
			document.approxBytes = result.bytes;
		} catch (error) {
			log.error({ err: error, document: document.name }, 'compaction failed');
		} finally {
			if (fanout && token) await fanout.unlock(lockKey, token).catch(() => {});
		}
	}

	private scheduleUnload(document: CollabDocument): void {
		if (this.closed || document.status !== 'ready' || document.connections.size > 0) return;
		if (document.unloadTimer) clearTimeout(document.unloadTimer);
		document.unloadTimer = setTimeout(() => {
			document.unloadTimer = null;
			// Someone came back, or a write is pending or failed: keep it.
			if (document.connections.size > 0 || document.dirty || document.writeTimer) return;
			this.drop(document);
		}, this.deps.limits.unloadAfterMs);
	}

	private drop(document: CollabDocument): void {
		if (this.documents.get(document.name) === document) this.documents.delete(document.name);
		document.status = 'unloaded';
		this.deps.fanout?.unsubscribe(document.name).catch(() => {});
		document.destroy();
	}

	private announce(document: CollabDocument): void {
		const { fanout } = this.deps;
		if (!fanout) return;
		fanout.publishDocument(document.name, encodeSyncStep1(document.doc));
		fanout.publishDocument(document.name, encodeQueryAwareness());
	}

	/** Writes what is unsaved, then tells the requester whether it is stored. */
	private async answerFlush(name: string, payload: Uint8Array): Promise<void> {
		let request: { replyChannel: string; requestId: string };
		try {
			request = decodeFlushRequest(payload);
		} catch (error) {
			this.deps.log.warn({ err: error, document: name }, 'unreadable flush request dropped');
			return;
		}
		const written = await this.flushLoaded(name);
		this.deps.fanout?.answerFlush(request.replyChannel, request.requestId, written !== false);
	}

	private applyRemote(document: CollabDocument, payload: Uint8Array, senderId: string): void {
		const { fanout, log } = this.deps;
		try {
			if (payload[0] === FANOUT_PRESENCE) return this.presence.receive(document, senderId, payload);
			const message = decodeMessage(payload);
			switch (message.type) {
				case 'sync-step-1':
					fanout?.publishDocument(document.name, encodeSyncStep2(document.doc, message.stateVector));
					break;
				case 'sync-step-2':
				case 'update':
					// Sent on to our connections by the update listener once applied, as there.
					document.applyTrusted(message.update, REMOTE_ORIGIN);
					break;
				case 'awareness':
					// Presence without the person it belongs to (an instance of an older
					// version): nothing says it is not forged for someone else's client id.
					log.debug({ document: document.name, senderId }, 'untagged presence from another instance dropped');
					break;
				case 'query-awareness':
					this.presence.answerQuery(document);
					break;
			}
		} catch (error) {
			log.warn({ err: error, document: document.name }, 'unreadable message from another instance dropped');
		}
	}
}
