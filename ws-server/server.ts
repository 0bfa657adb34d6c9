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
import { WebSocketServer, type WebSocket } from 'ws';
import { sessionTokenFromCookieHeader } from '../src/lib/server/auth/session';
import { CLOSE_CODES } from '../src/lib/server/collab/codes';
import { DEFAULT_COLLAB_LIMITS, type CollabLimits } from '../src/lib/server/collab/limits';
import { documentNameFromPath } from '../src/lib/server/collab/names';
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
import { decideConnect, originAllowed, sessionDocumentAccess, type ConnectDecision } from './auth';
import { Connection } from './connection';
import { DocumentHub, type CollabDocument, type DocumentHooks } from './documents';
import { RedisFanout } from './fanout';
import { ConnectionQuotas } from './limits';
import { MetricsCollector } from './metrics';
import { createPostgresStore, type DocumentStore } from './persistence';

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
	let pendingUpgrades = 0;

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

	const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes, clientTracking: false });
	const logSocketError = (error: Error) => log.debug({ err: error }, 'websocket error');
	wss.on('error', (error) => log.error({ err: error }, 'websocket server error'));

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

	function handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
		destroyOnError(socket);
		const documentName = documentNameFromPath(request.url);
		if (closing) return rejectUpgrade(socket, 503, 'Service Unavailable');
		if (!documentName) return rejectUpgrade(socket, 404, 'Not Found');
		// Cross-site websocket hijacking: a page elsewhere must not ride the user's cookie.
		if (!originAllowed(request, expectedOrigin)) {
			metrics.refused('origin');
			return rejectUpgrade(socket, 403, 'Forbidden');
		}
		pendingUpgrades++;
		void authorizeAndUpgrade(request, socket, head, documentName).finally(() => pendingUpgrades--);
	}

	// Closures that live as long as the connection (socket listeners, the quota release) are
	// made in scopes that do not hold the upgrade request: it would stay in memory with them.
	async function authorizeAndUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer, documentName: string): Promise<void> {
		let decision: ConnectDecision;
		// Once the session is known to be valid, the document loads while its rights are
		// checked: a cold load costs one database round trip less. Given back (and unloaded)
		// when the connection is refused.
		let preloaded: CollabDocument | null = null;
		const preload = () => {
			if (!closing) preloaded = hub.acquire(documentName);
		};
		const giveBack = () => {
			if (preloaded) hub.release(preloaded);
			preloaded = null;
		};
		try {
			decision = await decideConnect(await database(), request, documentName, preload);
		} catch (error) {
			log.error({ err: error }, 'connect decision failed');
			decision = { ok: false, code: CLOSE_CODES.tryAgainLater, reason: 'unavailable' };
		}
		if (decision.ok && !quotas.tryReserve(decision.user.id, documentName)) {
			decision = { ok: false, code: CLOSE_CODES.tooManyConnections, reason: 'too many connections' };
		}
		const releaseSlot = decision.ok ? slotReleaser(quotas, decision.user.id, documentName) : noop;
		if (!decision.ok) giveBack();
		if (closing || socket.destroyed || !socket.writable) {
			releaseSlot();
			giveBack();
			if (closing) rejectUpgrade(socket, 503, 'Service Unavailable');
			else socket.destroy();
			return;
		}
		if (!decision.ok) metrics.refused(decision.reason);
		const token = decision.ok ? (sessionTokenFromCookieHeader(request.headers.cookie) ?? '') : '';
		let upgraded = false;
		// Refusals are sent as close codes on an opened socket rather than HTTP statuses:
		// a browser sees every failed handshake as 1006 and the provider would retry
		// forever, while 44xx codes stop it and tell the page why.
		wss.handleUpgrade(request, socket, head, (ws) => {
			upgraded = true;
			accept(ws, socket, documentName, decision, token, releaseSlot, preloaded);
		});
		if (!upgraded) {
			// ws refused the handshake itself (bad headers)
			releaseSlot();
			giveBack();
		}
	}

	function accept(
		ws: WebSocket,
		socket: Duplex,
		documentName: string,
		decision: ConnectDecision,
		token: string,
		releaseSlot: () => void,
		preloaded: CollabDocument | null
	): void {
		ws.on('error', logSocketError);
		if (!decision.ok) {
			ws.close(decision.code, decision.reason);
			return;
		}
		// A load that failed while the rights were checked is not tried again for this
		// connection: it is closed with 4500 and its client retries, as after any failed load
		// (one load per attempt while the store is down, not two).
		const document = preloaded?.status === 'failed' ? preloaded : hub.acquire(documentName);
		const connection = new Connection(ws, socket, document, decision.user, token, decision.access, { limits, metrics, log, updates: hub });
		connections.add(connection);
		document.connections.add(connection);
		ws.on('message', (data, isBinary) => connection.receive(data, isBinary));
		ws.on('pong', () => (connection.alive = true));
		ws.on('close', () => {
			connection.closed();
			connections.delete(connection);
			releaseSlot();
			hub.release(document);
		});
		void document.ready.then((loaded) => {
			if (loaded) connection.start();
			else connection.close(CLOSE_CODES.loadFailed, 'load failed');
		});
	}

	function closeConnectionsForUser(userId: string, documentName?: string): number {
		let closed = 0;
		for (const connection of connections) {
			if (connection.user.id !== userId) continue;
			if (documentName && connection.document.name !== documentName) continue;
			connection.close(CLOSE_CODES.rightsChanged, 'rights changed');
			closed++;
		}
		return closed;
	}

	/** Checks the affected connections again; closes those whose session or access changed. */
	async function revalidate(change: AccessChange): Promise<void> {
		const affected = [...connections].filter(
			(connection) =>
				connection.user.id === change.userId && (!change.documentName || connection.document.name === change.documentName)
		);
		if (affected.length === 0) return;
		try {
			const db = await database();
			for (const connection of affected) {
				const found = await sessionDocumentAccess(db, connection.sessionToken, connection.document.name);
				if (found?.access !== connection.access) connection.close(CLOSE_CODES.rightsChanged, 'rights changed');
			}
		} catch (error) {
			// Unsure of the rights: make them reconnect, where they are checked from scratch.
			log.error({ err: error, change }, 'rights re-check failed');
			for (const connection of affected) connection.close(CLOSE_CODES.rightsChanged, 'rights changed');
		}
	}

	async function accessChanged(change: AccessChange): Promise<void> {
		await Promise.all([
			revalidate(change),
			fanout?.publishAccess(change).catch((error) => log.warn({ err: error }, 'rights change not published'))
		]);
	}

	function snapshot(): CollabMetrics {
		let loaded = 0;
		let loading = 0;
		for (const document of hub.documents.values()) {
			if (document.status === 'ready') loaded++;
			else if (document.status === 'loading') loading++;
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
		while (pendingUpgrades > 0) await new Promise((resolve) => setTimeout(resolve, 10));
		await fanout?.close();
		wss.close();
	}

	const server: CollabServer = {
		instanceId,
		ready,
		handleUpgrade,
		closeConnectionsForUser,
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

const noop = () => {};

/** A socket that errors is destroyed (an error without a listener would crash the process). */
function destroyOnError(socket: Duplex): void {
	socket.on('error', () => socket.destroy());
}

/** Gives a connection slot back, once. */
function slotReleaser(quotas: ConnectionQuotas, userId: string, documentName: string): () => void {
	let released = false;
	return () => {
		if (released) return;
		released = true;
		quotas.release(userId, documentName);
	};
}

function rejectUpgrade(socket: Duplex, status: number, text: string): void {
	if (socket.writable) socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
	else socket.destroy();
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
