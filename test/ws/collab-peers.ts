/**
 * The part of the websocket test kit that benches use too, so it imports nothing of vitest
 * and does nothing on import: a collaboration server on its own HTTP server, y-websocket's
 * own provider in Node with the session cookie in the handshake, and this process seen as
 * the site beside a ws-server.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { closeSiteFanout } from '../../src/lib/server/collab/registry';
import { resetConfig } from '../../src/lib/server/config';
import type { Db } from '../../src/lib/server/db';
import { createCollabServer, type CollabServer, type CollabServerOptions } from '../../ws-server/server';

export const TEST_ORIGIN = 'http://localhost:3000';

export interface RunningCollab {
	collab: CollabServer;
	http: Server;
	port: number;
	url: string;
	stop(): Promise<void>;
}

/** Starts a collaboration server on its own HTTP server (port 0 unless given). */
export async function startCollab(db: Db, options: CollabServerOptions & { port?: number } = {}): Promise<RunningCollab> {
	const { port: wantedPort = 0, ...collabOptions } = options;
	const collab = createCollabServer({ db, redisUrl: null, origin: TEST_ORIGIN, ...collabOptions });
	await collab.ready;
	const http = createServer((_request, response) => response.writeHead(404).end());
	http.on('upgrade', (request, socket, head) => collab.handleUpgrade(request, socket, head));
	await new Promise<void>((resolve) => http.listen(wantedPort, '127.0.0.1', resolve));
	const port = (http.address() as AddressInfo).port;
	return {
		collab,
		http,
		port,
		url: `ws://127.0.0.1:${port}/collab`,
		async stop() {
			const closed = new Promise<void>((resolve) => http.close(() => resolve()));
			await collab.close();
			http.closeAllConnections();
			await closed;
		}
	};
}

/** A `ws` WebSocket class that sends these headers in the handshake (cookie, origin). */
export function socketClassWith(headers: Record<string, string>): typeof globalThis.WebSocket {
	class HeaderSocket extends WebSocket {
		constructor(address: string, protocols?: string | string[]) {
			super(address, protocols, { headers });
		}
	}
	return HeaderSocket as unknown as typeof globalThis.WebSocket;
}

export interface TestClient {
	doc: Y.Doc;
	text: Y.Text;
	provider: WebsocketProvider;
	/** Close codes the server sent, in order. */
	closeCodes: number[];
	/** Set when the provider stopped for good (a 44xx code). */
	terminalCode: number | null;
	destroy(): void;
}

/**
 * A y-websocket provider client on a document, signed in with `cookie` (or not). `Provider`:
 * y-websocket's by default, or a subclass (the editor's OwnPresenceProvider).
 */
export function connectClient(
	url: string,
	documentName: string,
	cookie: string | null,
	headers: Record<string, string> = {},
	Provider: typeof WebsocketProvider = WebsocketProvider
): TestClient {
	const doc = new Y.Doc();
	const allHeaders: Record<string, string> = { origin: TEST_ORIGIN, ...headers };
	if (cookie) allHeaders.cookie = cookie;
	const provider = new Provider(url, documentName, doc, {
		WebSocketPolyfill: socketClassWith(allHeaders),
		// Providers in one process would otherwise sync through a BroadcastChannel,
		// behind the server's back.
		disableBc: true,
		maxBackoffTime: 300
	});
	const client: TestClient = {
		doc,
		text: doc.getText('body'),
		provider,
		closeCodes: [],
		terminalCode: null,
		destroy() {
			provider.destroy();
			doc.destroy();
		}
	};
	provider.on('connection-close', (event) => {
		if (event) client.closeCodes.push(event.code);
	});
	provider.on('closed', (event) => (client.terminalCode = event.code));
	return client;
}

/**
 * Runs `run` with the site's configuration reading REDIS_URL=`redisUrl`, as the site beside a
 * ws-server does (flushes and rights notices then go through that Redis), and puts the
 * previous configuration back after, closing the site's Redis clients.
 */
export async function asSiteWithRedis<T>(redisUrl: string, run: () => Promise<T>): Promise<T> {
	const previous = process.env.REDIS_URL;
	process.env.REDIS_URL = redisUrl;
	resetConfig();
	try {
		return await run();
	} finally {
		if (previous === undefined) delete process.env.REDIS_URL;
		else process.env.REDIS_URL = previous;
		resetConfig();
		await closeSiteFanout();
	}
}
