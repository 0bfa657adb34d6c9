/**
 * The collaboration server: y-websocket protocol over `ws`, authenticated by the site's
 * session cookie, persisted in PostgreSQL, fanned out through Redis. It owns no HTTP
 * server: it handles the `upgrade` of whichever server it is attached to (the site's, in
 * the single-process start, or its own in `npm run ws-server`).
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import type { WebSocket } from 'ws';
import { CLOSE_CODES } from '../src/lib/server/collab/codes';
import { DEFAULT_COLLAB_LIMITS, type CollabLimits } from '../src/lib/server/collab/limits';
import {
	registerCollabServer,
	unregisterCollabServer,
	type CollabMetrics,
	type CollabServerHandle
} from '../src/lib/server/collab/registry';
import type { AccessChange, LiveFlushResult } from '../src/lib/server/collab/channels';
import { getConfig } from '../src/lib/server/config';
import { getDb, type Db } from '../src/lib/server/db';
import { getLogger } from '../src/lib/server/logger';
import { closeConnectionsForUser, revalidateAccess } from './access';
import type { Connection } from './connection';
import type { DocumentHooks } from './documents';
import { RedisFanout } from './fanout';
import { DocumentHub } from './hub';
import { ConnectionQuotas } from './limits';
import { MetricsCollector } from './metrics';
import { createPostgresStore, type DocumentStore } from './persistence';
import { UpgradeHandler } from './upgrade';

export interface CollabServerOptions {
	/** The database; the process one (getDb()) by default. */
	db?: Db;
	/** Redis for fan-out between instances; REDIS_URL by default, null for none. */
	redisUrl?: string | null;
	/** The Origin browsers must send: ORIGIN by default; null compares it with the Host header. */
	origin?: string | null;
	limits?: Partial<CollabLimits>;
	/** Storage; PostgreSQL through `db` by default (tests wrap it to inject faults). */
	store?: DocumentStore;
	instanceId?: string;
	logger?: Logger;
	/** Callbacks after writes and after the last disconnect (automatic draft versions). */
	hooks?: DocumentHooks;
}

export interface CollabServer extends CollabServerHandle {
	/** The `upgrade` listener for paths under /collab/. */
	handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
	/** Resolves when Redis (if any) is subscribed to rights changes. */
	readonly ready: Promise<void>;
	/** Closes the user's connections (all, or those to one document) with the re-authenticate code. */
	closeConnectionsForUser(userId: string, documentName?: string): number;
	/** Stops accepting, closes connections, writes every document, disconnects Redis. */
	close(): Promise<void>;
}

/** Creates a collaboration server and registers it for metrics and rights changes. */
export function createCollabServer(options: CollabServerOptions = {}): CollabServer {
	const config = getConfig();
	const limits: CollabLimits = { ...DEFAULT_COLLAB_LIMITS, ...options.limits };
	const instanceId = options.instanceId ?? randomUUID();
	const log = (options.logger ?? getLogger()).child({ component: 'collab', instanceId });
	const database = () => (options.db ? Promise.resolve(options.db) : getDb());
	const expectedOrigin = options.origin === undefined ? (config.ORIGIN ?? null) : options.origin;
	const redisUrl = options.redisUrl === undefined ? (config.REDIS_URL ?? null) : options.redisUrl;

	const metrics = new MetricsCollector();
	const quotas = new ConnectionQuotas(limits);
	const connections = new Set<Connection>();
	let closing = false;

	const fanout = redisUrl
		? new RedisFanout(
				redisUrl,
				instanceId,
				{
					onDocumentMessage: (name, payload, senderId) => hub.receiveRemote(name, payload, senderId),
					onAccessChange: (change) => void revalidate(change),
					onReconnected: () => hub.announceAll(),
					onInstanceGone: (gone) => hub.instanceGone(gone),
					// It was stalled, not dead: what it holds (and the presence we removed) comes back.
					onInstanceBack: () => hub.announceAll()
				},
				log,
				limits.presenceHeartbeatMs
			)
		: null;
	const hub = new DocumentHub({ store: options.store ?? createPostgresStore(database), hooks: options.hooks, limits, metrics, log, fanout });
	const ready = fanout ? fanout.start() : Promise.resolve();
	ready.catch((error) => log.error({ err: error }, 'redis subscription failed'));

	const upgrades = new UpgradeHandler({ hub, database, expectedOrigin, limits, metrics, quotas, log, connections, closing: () => closing });

	const heartbeat = setInterval(() => {
		for (const connection of connections) {
			if (!connection.alive) {
				connection.socket.terminate();
				continue;
			}
			connection.alive = false;
			connection.socket.ping();
		}
	}, limits.heartbeatMs);
	heartbeat.unref();

	const revalidate = (change: AccessChange) => revalidateAccess(connections, change, database, log);

	async function accessChanged(change: AccessChange): Promise<void> {
		await Promise.all([
			revalidate(change),
			fanout?.publishAccess(change).catch((error) => log.warn({ err: error }, 'rights change not published'))
		]);
	}

	function snapshot(): CollabMetrics {
		let loaded = 0;
		let loading = 0;
		let trialReplicas = 0;
		for (const document of hub.documents.values()) {
			if (document.status === 'ready') loaded++;
			else if (document.status === 'loading') loading++;
			if (document.hasReplica) trialReplicas++;
		}
		let readOnly = 0;
		for (const connection of connections) if (connection.readOnly) readOnly++;
		const counters = metrics.snapshot();
		return {
			instanceId,
			documentsLoaded: loaded,
			documentsLoading: loading,
			connections: connections.size,
			readOnlyConnections: readOnly,
			trialReplicas,
			messagesPerSecond: counters.messagesPerSecond,
			messagesTotal: counters.messagesTotal,
			malformedMessages: counters.malformedMessages,
			droppedReadOnlyUpdates: counters.droppedReadOnlyUpdates,
			refusedConnections: counters.refusedConnections,
			store: {
				loads: counters.loads,
				loadFailures: counters.loadFailures,
				loadMsAvg: counters.loadMsAvg,
				writes: counters.writes,
				writeFailures: counters.writeFailures,
				writeMsAvg: counters.writeMsAvg,
				writeMsP95: counters.writeMsP95,
				compactions: counters.compactions,
				pendingDocuments: hub.pendingDocuments()
			},
			redis: {
				enabled: Boolean(fanout),
				published: fanout?.published ?? 0,
				received: fanout?.received ?? 0,
				peers: fanout?.peerCount ?? 0,
				instancesGone: fanout?.instancesGone ?? 0
			}
		};
	}

	async function flushDocument(documentName: string): Promise<LiveFlushResult> {
		// Our own copy first, directly (it works with Redis down); then every holder through
		// Redis, which reaches us too and finds nothing left to write.
		const local = await hub.flushLoaded(documentName);
		const localResult: LiveFlushResult = { holders: local === null ? 0 : 1, confirmed: local === true ? 1 : 0, complete: local !== false };
		if (!fanout) return localResult;
		const remote = await fanout.requestFlush(documentName, limits.liveFlushTimeoutMs);
		return { holders: Math.max(remote.holders, localResult.holders), confirmed: remote.confirmed, complete: remote.complete && localResult.complete };
	}

	async function close(): Promise<void> {
		if (closing) return;
		closing = true;
		clearInterval(heartbeat);
		unregisterCollabServer(server);
		// No new edits from here on; clients reconnect (to another instance, or to us restarted).
		const sockets = [...connections].map((connection) => connection.socket);
		for (const connection of connections) connection.close(CLOSE_CODES.serviceRestart, 'server restart');
		await hub.close();
		await waitForSockets(sockets, 2_000);
		while (upgrades.pending > 0) await new Promise((resolve) => setTimeout(resolve, 10));
		await fanout?.close();
		upgrades.close();
	}

	const server: CollabServer = {
		instanceId,
		ready,
		handleUpgrade: (request, socket, head) => upgrades.handle(request, socket, head),
		closeConnectionsForUser: (userId, documentName) => closeConnectionsForUser(connections, userId, documentName),
		accessChanged,
		flushDocument,
		applyUpdate: async (documentName, update) => hub.applyServerUpdate(documentName, update),
		publishUpdate(documentName, update) {
			fanout?.publishUpdate(documentName, update);
			return Boolean(fanout);
		},
		metrics: snapshot,
		close
	};
	registerCollabServer(server);
	return server;
}

/** Waits for the closing handshakes, then cuts whatever is left. */
async function waitForSockets(sockets: WebSocket[], timeoutMs: number): Promise<void> {
	const open = sockets.filter((socket) => socket.readyState !== socket.CLOSED);
	if (open.length === 0) return;
	let timer: NodeJS.Timeout | undefined;
	await Promise.race([
		Promise.all(open.map((socket) => new Promise<void>((resolve) => socket.once('close', () => resolve())))),
		new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))
	]);
	clearTimeout(timer);
	for (const socket of open) if (socket.readyState !== socket.CLOSED) socket.terminate();
}
