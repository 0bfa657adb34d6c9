/**
 * Websocket test kit: a real collaboration server on an ephemeral port, y-websocket's own
 * WebsocketProvider in Node (the `ws` package, with the session cookie in the handshake),
 * a fixture that stops them after each test, raw sockets for bad input, and a poller (tests
 * wait for conditions, never for time). What benches share of it is in collab-peers.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { connect as netConnect, createServer as createNetServer, Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { createSession } from '../../src/lib/server/auth/session';
import { draftDocumentName } from '../../src/lib/server/collab/names';
import type { Db } from '../../src/lib/server/db';
import { drafts, yjsDocuments, yjsUpdates } from '../../src/lib/server/db/schema';
import { generateId } from '../../src/lib/server/shared/ids';
import { makeCpts, makeMembership, makeUser } from '../helpers/factories';
import type { CollabServerOptions } from '../../ws-server/server';
import { connectClient, startCollab, TEST_ORIGIN, type RunningCollab, type TestClient } from './collab-peers';

export * from './collab-peers';

export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Whether a Redis answers at REDIS_URL (the tests that need one are skipped otherwise). */
export const redisAvailable = await new Promise<boolean>((resolve) => {
	const url = new URL(REDIS_URL);
	const socket = netConnect(Number(url.port || 6379), url.hostname);
	socket.once('connect', () => {
		socket.destroy();
		resolve(true);
	});
	socket.once('error', () => resolve(false));
});

/** A TCP port free right now on 127.0.0.1 (for a child process that must be told its port). */
export async function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const server = createNetServer();
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

export interface WsServerProcess {
	child: ChildProcess;
	port: number;
	url: string;
	output(): string;
	exited: Promise<number | null>;
	/** Resolves once it listens (and, with Redis, is subscribed). */
	started(): Promise<void>;
}

/** `npm run ws-server` as a real child process on `port`, against `databaseUrl`. */
export function startWsServerProcess(options: { databaseUrl: string; port: number; redisUrl?: string }): WsServerProcess {
	let output = '';
	// tsx as a loader, not its CLI: the CLI runs the script in a child process, which a
	// SIGKILL sent to the CLI would leave running.
	const child = spawn(process.execPath, ['--import', 'tsx', 'ws-server/main.ts'], {
		cwd: path.resolve(import.meta.dirname, '../..'),
		env: {
			...process.env,
			DATABASE_URL: options.databaseUrl,
			WS_PORT: String(options.port),
			HOST: '127.0.0.1',
			ORIGIN: TEST_ORIGIN,
			REDIS_URL: options.redisUrl ?? '',
			LOG_LEVEL: 'info'
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	child.stdout!.on('data', (chunk) => (output += chunk));
	child.stderr!.on('data', (chunk) => (output += chunk));
	const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
	return {
		child,
		port: options.port,
		url: `ws://127.0.0.1:${options.port}/collab`,
		output: () => output,
		exited,
		started: () =>
			waitFor(
				() => output.includes('"msg":"listening"') && (!options.redisUrl || output.includes('"msg":"redis subscribed"')),
				'ws-server process listening',
				60_000
			)
	};
}

/** A session cookie for the user, as the browser would send it. */
export async function sessionCookie(db: Db, userId: string): Promise<string> {
	const { token } = await createSession(db, userId);
	return `cpts_session=${token}`;
}

/** A draft row and its document name. */
export async function makeDraft(db: Db, cptsId: string, createdBy: string | null = null) {
	const [draft] = await db.insert(drafts).values({ id: generateId(), cptsId, title: 'Projet de santé', createdBy }).returning();
	return { draft, documentName: draftDocumentName(draft.id) };
}

/** A CPTS where Alice (a member) started a draft and Bruno coordinates, with their session cookies. */
export async function twoMembers(db: Db) {
	const place = await makeCpts(db);
	const alice = await makeUser(db, { name: 'Alice Infirmière' });
	const bruno = await makeUser(db, { name: 'Bruno Pharmacien', profession: 'pharmacien' });
	await makeMembership(db, place.id, alice.id);
	await makeMembership(db, place.id, bruno.id, { role: 'coordinator' });
	const { draft, documentName } = await makeDraft(db, place.id, alice.id);
	return {
		place,
		draft,
		documentName,
		alice: { ...alice, cookie: await sessionCookie(db, alice.id) },
		bruno: { ...bruno, cookie: await sessionCookie(db, bruno.id) }
	};
}

/**
 * A test file's servers and clients, all stopped after each test. `start` a collaboration
 * server with the file's `defaults` under the test's own options, `connect` a client, and
 * `stop` a server within a test (a restart, an instance that goes away).
 */
export function useCollabServers(testDb: { readonly db: Db }, defaults: CollabServerOptions = {}) {
	const clients: TestClient[] = [];
	const servers: RunningCollab[] = [];
	afterEach(async () => {
		for (const client of clients.splice(0)) client.destroy();
		for (const server of servers.splice(0)) await server.stop();
	});
	return {
		async start(options: Parameters<typeof startCollab>[1] = {}): Promise<RunningCollab> {
			const server = await startCollab(testDb.db, { ...defaults, ...options });
			servers.push(server);
			return server;
		},
		connect(...args: Parameters<typeof connectClient>): TestClient {
			const client = connectClient(...args);
			clients.push(client);
			return client;
		},
		async stop(server: RunningCollab): Promise<void> {
			servers.splice(servers.indexOf(server), 1);
			await server.stop();
		}
	};
}

/** Polls until the condition holds; fails with `what` after the timeout. */
export async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await condition())) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

/** The document as stored (compacted state plus appended rows), read back into a Y.Doc. */
export async function storedDoc(db: Db, documentName: string): Promise<{ doc: Y.Doc; rows: number; hasState: boolean }> {
	const doc = new Y.Doc();
	const [state] = await db.select().from(yjsDocuments).where(eq(yjsDocuments.name, documentName));
	if (state) Y.applyUpdate(doc, state.state);
	const rows = await db.select().from(yjsUpdates).where(eq(yjsUpdates.name, documentName)).orderBy(yjsUpdates.seq);
	for (const row of rows) Y.applyUpdate(doc, row.update);
	return { doc, rows: rows.length, hasState: Boolean(state) };
}

export async function storedText(db: Db, documentName: string): Promise<string> {
	const { doc } = await storedDoc(db, documentName);
	const text = doc.getText('body').toString();
	doc.destroy();
	return text;
}

/** A raw websocket (no provider), for sending frames by hand. */
export function rawSocket(url: string, documentName: string, cookie: string | null, headers: Record<string, string> = {}): Promise<{ socket: WebSocket; closed: Promise<number> }> {
	const allHeaders: Record<string, string> = { origin: TEST_ORIGIN, ...headers };
	if (cookie) allHeaders.cookie = cookie;
	const socket = new WebSocket(`${url}/${documentName}`, { headers: allHeaders });
	const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
	return new Promise((resolve, reject) => {
		socket.once('open', () => resolve({ socket, closed }));
		socket.once('error', reject);
		socket.once('unexpected-response', (_request, response) => reject(new Error(`HTTP ${response.statusCode}`)));
	});
}

/** A websocket upgrade request for `path`, as raw HTTP/1.1 text. */
function upgradeRequest(port: number, path: string, headers: Record<string, string>): string {
	const lines = [
		`GET ${path} HTTP/1.1`,
		`Host: 127.0.0.1:${port}`,
		'Upgrade: websocket',
		'Connection: Upgrade',
		'Sec-WebSocket-Version: 13',
		'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
		...Object.entries(headers).map(([name, value]) => `${name}: ${value}`)
	];
	return `${lines.join('\r\n')}\r\n\r\n`;
}

/** The HTTP status of an upgrade request the server refuses before the handshake. */
export function upgradeStatus(port: number, path: string, headers: Record<string, string> = {}): Promise<number> {
	return new Promise((resolve, reject) => {
		const socket = new Socket();
		let answer = '';
		socket.on('data', (chunk) => {
			answer += chunk.toString();
			const match = /^HTTP\/1\.1 (\d{3})/.exec(answer);
			if (match) {
				resolve(Number(match[1]));
				socket.destroy();
			}
		});
		socket.on('error', reject);
		socket.connect(port, '127.0.0.1', () => socket.write(upgradeRequest(port, path, headers)));
	});
}

/** A deterministic pseudo-random generator (mulberry32), so fuzz runs are repeatable. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
}

/**
 * A TCP socket past the websocket handshake, with nothing on top: for sending bytes that
 * no websocket library would frame (bad opcodes, unmasked or truncated frames).
 */
export function upgradedTcpSocket(port: number, path: string, headers: Record<string, string>): Promise<Socket> {
	return new Promise((resolve, reject) => {
		const socket = new Socket();
		let answer = '';
		const onData = (chunk: Buffer) => {
			answer += chunk.toString('latin1');
			const end = answer.indexOf('\r\n\r\n');
			if (end === -1) return;
			socket.off('data', onData);
			if (!answer.startsWith('HTTP/1.1 101')) {
				socket.destroy();
				reject(new Error(answer.split('\r\n')[0]));
				return;
			}
			resolve(socket);
		};
		socket.on('data', onData);
		socket.once('error', reject);
		socket.connect(port, '127.0.0.1', () => socket.write(upgradeRequest(port, path, headers)));
	});
}

/** A client-to-server websocket frame, masked unless told otherwise, with any header bits. */
export function websocketFrame(options: { opcode: number; payload: Uint8Array; fin?: boolean; rsv?: number; masked?: boolean; declaredLength?: number }): Buffer {
	const { opcode, payload, fin = true, rsv = 0, masked = true } = options;
	const length = options.declaredLength ?? payload.length;
	const header: number[] = [(fin ? 0x80 : 0) | ((rsv & 7) << 4) | (opcode & 0x0f)];
	const maskBit = masked ? 0x80 : 0;
	if (length < 126) header.push(maskBit | length);
	else if (length < 65_536) header.push(maskBit | 126, length >> 8, length & 0xff);
	else {
		header.push(maskBit | 127);
		const big = Buffer.alloc(8);
		big.writeBigUInt64BE(BigInt(length));
		header.push(...big);
	}
	const mask = masked ? [0x12, 0x34, 0x56, 0x78] : [];
	const body = Buffer.from(payload.map((byte, index) => (masked ? byte ^ mask[index % 4] : byte)));
	return Buffer.concat([Buffer.from(header), Buffer.from(mask), body]);
}
