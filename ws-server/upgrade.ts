/**
 * The way in: an HTTP `upgrade` becomes a connection to a document, or is refused. Checks
 * the origin, the session and the rights, reserves a connection slot, then hands the socket
 * to a Connection and the document (as Hocuspocus's Server only adapts websockets to its
 * `handleConnection`).
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';
import { sessionTokenFromCookieHeader } from '../src/lib/server/auth/session';
import { CLOSE_CODES } from '../src/lib/server/collab/codes';
import type { CollabLimits } from '../src/lib/server/collab/limits';
import { documentNameFromPath } from '../src/lib/server/collab/names';
import type { Db } from '../src/lib/server/db';
import { decideConnect, originAllowed, type ConnectDecision } from './auth';
import { Connection } from './connection';
import type { CollabDocument } from './documents';
import type { DocumentHub } from './hub';
import type { ConnectionQuotas } from './limits';
import type { MetricsCollector } from './metrics';

export interface UpgradeContext {
	hub: DocumentHub;
	database: () => Promise<Db>;
	/** The Origin browsers must send; null compares it with the Host header. */
	expectedOrigin: string | null;
	limits: CollabLimits;
	metrics: MetricsCollector;
	quotas: ConnectionQuotas;
	log: Logger;
	/** The server's open connections: accepted ones join, closed ones leave. */
	connections: Set<Connection>;
	/** True once the server stops accepting. */
	closing(): boolean;
}

export class UpgradeHandler {
	private readonly wss: WebSocketServer;
	/** Upgrades still deciding (the server waits for them when it closes). */
	pending = 0;

	constructor(private readonly context: UpgradeContext) {
		this.wss = new WebSocketServer({ noServer: true, maxPayload: context.limits.maxMessageBytes, clientTracking: false });
		this.wss.on('error', (error) => context.log.error({ err: error }, 'websocket server error'));
	}

	/** The `upgrade` listener for paths under /collab/. */
	handle(request: IncomingMessage, socket: Duplex, head: Buffer): void {
		destroyOnError(socket);
		const documentName = documentNameFromPath(request.url);
		if (this.context.closing()) return rejectUpgrade(socket, 503, 'Service Unavailable');
		if (!documentName) return rejectUpgrade(socket, 404, 'Not Found');
		// Cross-site websocket hijacking: a page elsewhere must not ride the user's cookie.
		if (!originAllowed(request, this.context.expectedOrigin)) {
			this.context.metrics.refused('origin');
			return rejectUpgrade(socket, 403, 'Forbidden');
		}
		this.pending++;
		void this.authorizeAndUpgrade(request, socket, head, documentName).finally(() => this.pending--);
	}

	close(): void {
		this.wss.close();
	}

	// Closures that live as long as the connection (socket listeners, the quota release) are
	// made in scopes that do not hold the upgrade request: it would stay in memory with them.
	private async authorizeAndUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer, documentName: string): Promise<void> {
		const { hub, quotas, metrics, log, closing } = this.context;
		let decision: ConnectDecision;
		// Once the session is known to be valid, the document loads while its rights are
		// checked: a cold load costs one database round trip less. Given back (and unloaded)
		// when the connection is refused.
		let preloaded: CollabDocument | null = null;
		const preload = () => {
			if (!closing()) preloaded = hub.acquire(documentName);
		};
		const giveBack = () => {
			if (preloaded) hub.release(preloaded);
			preloaded = null;
		};
		try {
			decision = await decideConnect(await this.context.database(), request, documentName, preload);
		} catch (error) {
			log.error({ err: error }, 'connect decision failed');
			decision = { ok: false, code: CLOSE_CODES.tryAgainLater, reason: 'unavailable' };
		}
		if (decision.ok && !quotas.tryReserve(decision.user.id, documentName)) {
			decision = { ok: false, code: CLOSE_CODES.tooManyConnections, reason: 'too many connections' };
		}
		const releaseSlot = decision.ok ? slotReleaser(quotas, decision.user.id, documentName) : noop;
		if (!decision.ok) giveBack();
		if (closing() || socket.destroyed || !socket.writable) {
			releaseSlot();
			giveBack();
			if (closing()) rejectUpgrade(socket, 503, 'Service Unavailable');
			else socket.destroy();
			return;
		}
		if (!decision.ok) metrics.refused(decision.reason);
		const token = decision.ok ? (sessionTokenFromCookieHeader(request.headers.cookie) ?? '') : '';
		let upgraded = false;
		// Refusals are sent as close codes on an opened socket rather than HTTP statuses:
		// a browser sees every failed handshake as 1006 and the provider would retry
		// forever, while 44xx codes stop it and tell the page why.
		this.wss.handleUpgrade(request, socket, head, (ws) => {
			upgraded = true;
			this.accept(ws, socket, documentName, decision, token, releaseSlot, preloaded);
		});
		if (!upgraded) {
			// ws refused the handshake itself (bad headers)
			releaseSlot();
			giveBack();
		}
	}

	private accept(
		ws: WebSocket,
		socket: Duplex,
		documentName: string,
		decision: ConnectDecision,
		token: string,
		releaseSlot: () => void,
		preloaded: CollabDocument | null
	): void {
		const { hub, connections, limits, metrics, log } = this.context;
		ws.on('error', (error) => log.debug({ err: error }, 'websocket error'));
		if (!decision.ok) {
			ws.close(decision.code, decision.reason);
			return;
		}
		// A load that failed while the rights were checked is not tried again for this
		// connection: it is closed with 4500 and its client retries, as after any failed load
		// (one load per attempt while the store is down, not two).
		const document = preloaded?.status === 'failed' ? preloaded : hub.acquire(documentName);
		const connection = new Connection(ws, socket, document, decision.user, token, decision.access, { limits, metrics, log });
		connections.add(connection);
		document.join(connection);
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
