/**
 * The registry of loaded documents, as Hocuspocus's Hocuspocus class is for its Documents:
 * opens a document (subscribing to its Redis channel before its load, so nothing published
 * meanwhile is missed), finds it by name for remote messages and flush requests, drops it
 * when it asks to be unloaded, and closes them all at shutdown. What happens to a document's
 * changes is the document's own business (documents.ts).
 */
import type { Logger } from 'pino';
import type { CollabLimits } from '../src/lib/server/collab/limits';
import { CollabDocument, type DocumentEnvironment, type DocumentHooks } from './documents';
import { decodeFlushRequest, FANOUT_FLUSH_REQUEST, type RedisFanout } from './fanout';
import type { MetricsCollector } from './metrics';
import type { DocumentStore } from './persistence';
import { PresenceRelay } from './presence';

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
	/** What every document is given (one object for all). */
	private readonly environment: DocumentEnvironment;

	constructor(private readonly deps: HubDependencies) {
		const { store, limits, metrics, log, fanout } = deps;
		this.environment = {
			store,
			limits,
			metrics,
			log,
			fanout,
			presence: new PresenceRelay(fanout, log),
			runHook: (hook, name) => this.runHook(hook, name),
			unload: (document) => this.drop(document)
		};
	}

	/** The loaded (or loading) document of that name; starts the load when absent. */
	acquire(name: string): CollabDocument {
		const existing = this.documents.get(name);
		if (existing) {
			existing.keep();
			return existing;
		}
		const document = new CollabDocument(name, this.environment);
		this.documents.set(name, document);
		document.ready = this.open(document);
		return document;
	}

	/** Given back without a connection, or its last connection left (the document decides what follows). */
	release(document: CollabDocument): void {
		if (!this.closed) document.release();
	}

	/**
	 * Writes what is unsaved of a loaded document now (a flush request: an export or a
	 * version is about to read the stored state). Null when it is not loaded here; false
	 * when the write failed.
	 */
	async flushLoaded(name: string): Promise<boolean | null> {
		return (await this.documents.get(name)?.flushLoaded()) ?? null;
	}

	/**
	 * Applies a change the server made (a restore, already stored) to a loaded document.
	 * False when the document is not ready here (one still loading reads it from the store).
	 */
	applyServerUpdate(name: string, update: Uint8Array): boolean {
		return this.documents.get(name)?.applyServerUpdate(update) ?? false;
	}

	/** A message from another instance about one of our documents. */
	receiveRemote(name: string, payload: Uint8Array, senderId: string): void {
		// Answered even for a document absent here (just unloaded, or failed): the requester
		// counted us as a holder and waits for our word.
		if (payload[0] === FANOUT_FLUSH_REQUEST) return void this.answerFlush(name, payload);
		this.documents.get(name)?.receiveRemote(payload, senderId);
	}

	/** Another instance stopped: the presence it spoke for is removed from our documents. */
	instanceGone(instanceId: string): void {
		for (const document of this.documents.values()) document.instanceGone(instanceId);
	}

	/** Asks the other instances for what we may lack (after a load or a Redis outage). */
	announceAll(): void {
		for (const document of this.documents.values()) document.announce();
	}

	/** Documents with changes not written yet. */
	pendingDocuments(): number {
		let pending = 0;
		for (const document of this.documents.values()) if (document.unsaved) pending++;
		return pending;
	}

	/** Flushes and drops every document (shutdown). */
	async close(): Promise<void> {
		this.closed = true;
		await Promise.all(
			[...this.documents.values()].map(async (document) => {
				if (await document.close()) this.drop(document);
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

	/** Subscribes to the document's channel, loads it, then asks the other instances for what they hold. */
	private async open(document: CollabDocument): Promise<boolean> {
		const { fanout, log } = this.deps;
		// Subscribe first so nothing published during the load is missed; the document keeps it.
		const subscribed = fanout
			? fanout.subscribe(document.name).then(
					() => true,
					(error) => {
						log.warn({ err: error, document: document.name }, 'redis subscribe failed');
						return false;
					}
				)
			: null;
		if (!(await document.load())) {
			// Failed (nothing written), or closed while it loaded.
			if (this.documents.get(document.name) === document) this.documents.delete(document.name);
			if (fanout && subscribed) {
				void subscribed.then((ok) => {
					if (ok) fanout.unsubscribe(document.name).catch(() => {});
				});
			}
			return false;
		}
		if (subscribed) {
			void subscribed.then((ok) => {
				if (ok) document.announce();
			});
		}
		return true;
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

	private drop(document: CollabDocument): void {
		if (this.documents.get(document.name) === document) this.documents.delete(document.name);
		this.deps.fanout?.unsubscribe(document.name).catch(() => {});
		document.unload();
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
}
