/**
 * The collaboration servers running in this process, and what the site asks of the live
 * documents: rights changes, flushing what was typed before an export or a version, and
 * applying a change made by the server (a restore).
 *
 * Kept on globalThis: the server entry (tsx) and the SvelteKit bundle each load their own
 * copy of this module, and the admin metrics route or a membership change in the bundle
 * must reach the server the entry started. What crosses between the two copies is plain
 * data (names, bytes), never a Y.Doc: each copy may have its own yjs.
 */
import { randomUUID } from 'node:crypto';
import type { RedisFanout } from '../../../../ws-server/fanout';
import { getConfig } from '../config';
import { getLogger } from '../logger';
import type { AccessChange, LiveFlushResult } from './channels';
import { DEFAULT_COLLAB_LIMITS } from './limits';

export interface CollabMetrics {
	instanceId: string;
	documentsLoaded: number;
	documentsLoading: number;
	connections: number;
	readOnlyConnections: number;
	/** Documents holding a trial replica (ws-server/documents.ts): only while a writer is connected. */
	trialReplicas: number;
	/** Messages received per second, over the last 10 seconds. */
	messagesPerSecond: number;
	messagesTotal: number;
	malformedMessages: number;
	droppedReadOnlyUpdates: number;
	refusedConnections: Record<string, number>;
	store: {
		loads: number;
		loadFailures: number;
		loadMsAvg: number;
		writes: number;
		writeFailures: number;
		writeMsAvg: number;
		writeMsP95: number;
		compactions: number;
		pendingDocuments: number;
	};
	redis: {
		enabled: boolean;
		published: number;
		received: number;
		/** Other instances heard from lately. */
		peers: number;
		/** Instances taken for dead (silent) or that said goodbye, since start. */
		instancesGone: number;
	};
}

export interface CollabServerHandle {
	readonly instanceId: string;
	metrics(): CollabMetrics;
	/** Re-checks the rights of the affected connections here and on the other instances. */
	accessChanged(change: AccessChange): Promise<void>;
	/**
	 * Writes what this server holds unsaved of the document and, through Redis, has every
	 * other instance holding it do the same; resolves when all said so or the bound passed.
	 */
	flushDocument(documentName: string): Promise<LiveFlushResult>;
	/**
	 * Applies a Yjs update to the document as an ordinary change when it is loaded here (its
	 * clients and the other instances receive it); false when it is not loaded here.
	 */
	applyUpdate(documentName: string, update: Uint8Array): Promise<boolean>;
	/** Publishes an update to the other instances (false without Redis). */
	publishUpdate(documentName: string, update: Uint8Array): boolean;
}

const globalKey = Symbol.for('reseau-cpts.collab-servers');
type WithRegistry = typeof globalThis & { [globalKey]?: Set<CollabServerHandle> };

function registry(): Set<CollabServerHandle> {
	const holder = globalThis as WithRegistry;
	holder[globalKey] ??= new Set();
	return holder[globalKey];
}

export function registerCollabServer(server: CollabServerHandle): void {
	registry().add(server);
}

export function unregisterCollabServer(server: CollabServerHandle): void {
	registry().delete(server);
}

/** Metrics of every collaboration server of this process. */
export function collabMetrics(): CollabMetrics[] {
	return [...registry()].map((server) => server.metrics());
}

/**
 * Call after a change of rights commits (member removed, reviewer withdrawn…): the user's
 * open connections are checked again and those whose access changed are closed with
 * CLOSE_CODES.rightsChanged, so the client reconnects and is judged anew. Servers of this
 * process are called directly (and relay through Redis); without one here, the change is
 * published on Redis for a ws-server running as its own process.
 */
export async function notifyAccessChanged(change: AccessChange): Promise<void> {
	const servers = [...registry()];
	try {
		if (servers.length > 0) {
			await Promise.all(servers.map((server) => server.accessChanged(change)));
			return;
		}
		const redisUrl = getConfig().REDIS_URL;
		if (redisUrl) await (await siteFanout(redisUrl)).publishAccess(change);
	} catch (error) {
		// The change itself is committed; a missed notice only delays the disconnect until
		// the next reconnect, so it must not fail the caller.
		getLogger().error({ err: error, change }, 'collab access change not delivered');
	}
}

/**
 * Makes the stored state of a document hold everything typed in it so far: the servers of
 * this process write what they hold unsaved, and every instance holding it elsewhere (a
 * ws-server of its own, other site processes) is asked through Redis to do the same, with
 * a bound. Reading the stored state afterwards gives what people typed, not what the last
 * debounced write (2 to 10 s ago) saw. Never throws: an incomplete result says so.
 *
 * Why flush rather than fetch the live state: what is exported or frozen is then also what
 * is durable, a version's state is always part of the stored history, the messages stay
 * tiny whatever the document's size, and a document loaded nowhere costs one PUBLISH that
 * reaches nobody (its count, zero, ends the wait at once).
 */
export async function flushLiveDocument(documentName: string): Promise<LiveFlushResult> {
	const servers = [...registry()];
	try {
		if (servers.length > 0) {
			const results = await Promise.all(servers.map((server) => server.flushDocument(documentName)));
			return {
				holders: Math.max(...results.map((result) => result.holders)),
				confirmed: Math.min(...results.map((result) => result.confirmed)),
				complete: results.every((result) => result.complete)
			};
		}
		const redisUrl = getConfig().REDIS_URL;
		// No server here and no Redis: no live copy can be reached, the stored state is all there is.
		if (!redisUrl) return { holders: 0, confirmed: 0, complete: true };
		return await (await siteFanout(redisUrl)).requestFlush(documentName, DEFAULT_COLLAB_LIMITS.liveFlushTimeoutMs);
	} catch (error) {
		getLogger().warn({ err: error, documentName }, 'live document flush failed');
		return { holders: 0, confirmed: 0, complete: false };
	}
}

/**
 * Sends a change the site made and already stored (a restore) to the live document, as an
 * ordinary Yjs update: applied where a server of this process holds the document (its
 * clients receive it, other instances through Redis), otherwise published to the instances
 * holding it elsewhere, which apply it and send it to their clients.
 */
export async function deliverDocumentUpdate(documentName: string, update: Uint8Array): Promise<void> {
	const servers = [...registry()];
	for (const server of servers) if (await server.applyUpdate(documentName, update)) return;
	if (servers.length > 0) {
		servers[0].publishUpdate(documentName, update);
		return;
	}
	const redisUrl = getConfig().REDIS_URL;
	if (redisUrl) (await siteFanout(redisUrl)).publishUpdate(documentName, update);
}

/**
 * A process without a collaboration server of its own (the site beside a separate
 * ws-server) still speaks on Redis: it publishes rights changes, flush requests and
 * server-made updates, and hears the answers to its flush requests. It is the fan-out
 * client itself, without the parts that only an instance holding documents needs.
 */
let siteFanoutPromise: Promise<RedisFanout> | undefined;

function siteFanout(redisUrl: string): Promise<RedisFanout> {
	siteFanoutPromise ??= import('../../../../ws-server/fanout')
		.then(({ RedisFanout }) => {
			const fanout = new RedisFanout(
				redisUrl,
				`site:${randomUUID()}`,
				{ onDocumentMessage() {}, onAccessChange() {}, onReconnected() {} },
				getLogger().child({ component: 'collab-site' })
			);
			// Not awaited: with Redis away it would wait for its return; requests bound their own wait.
			void fanout.startRequester().catch(() => {});
			return fanout;
		})
		.catch((error: unknown) => {
			// The next call tries again rather than keeping a failed connection forever.
			siteFanoutPromise = undefined;
			throw error;
		});
	return siteFanoutPromise;
}

/** Closes the Redis connections opened without a server (shutdown, tests). */
export async function closeSiteFanout(): Promise<void> {
	const pending = siteFanoutPromise;
	siteFanoutPromise = undefined;
	if (pending) await (await pending.catch(() => null))?.close();
}
