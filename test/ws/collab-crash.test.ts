/**
 * `npm run ws-server` as a real process, killed with SIGKILL while ten clients edit: no
 * flush, no goodbye. Restarted, every client reconnects, all converge on a text holding
 * every edit anyone made, and the stored document catches up with it.
 */
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase, type Database } from '../../src/lib/server/db';
import { makeCpts, makeMembership, makeUser } from '../helpers/factories';
import {
	connectClient,
	freePort,
	makeDraft,
	REDIS_URL,
	redisAvailable,
	sessionCookie,
	startWsServerProcess,
	storedText,
	waitFor,
	type TestClient
} from './helpers';

// The child process needs a URL, so this file clones its own database from the template.
let database: Database;
let databaseUrl: string;
let dropDatabase: () => Promise<void>;
beforeAll(async () => {
	const serverUrl = inject('postgresUrl')!;
	const name = `cpts_crash_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
	const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
	await admin.unsafe(`create database ${name} template ${inject('postgresTemplate')}`);
	await admin.end();
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	databaseUrl = url.toString();
	database = await openDatabase({ kind: 'postgres', url: databaseUrl });
	dropDatabase = async () => {
		const dropper = postgres(serverUrl, { max: 1, onnotice: () => {} });
		await dropper.unsafe(`drop database if exists ${name} with (force)`);
		await dropper.end();
	};
});
afterAll(async () => {
	await database?.close();
	await dropDatabase?.();
});

function startProcess(port: number, redisUrl = '') {
	return startWsServerProcess({ databaseUrl, port, redisUrl });
}

describe('a ws-server killed with SIGKILL mid-edit', () => {
	it('loses nothing: clients reconnect to the restarted process, converge, and the store catches up', async () => {
		const db = database.db;
		const place = await makeCpts(db);
		const { documentName } = await makeDraft(db, place.id);
		const port = await freePort();
		let server = startProcess(port);
		await waitFor(() => server.output().includes('"msg":"listening"'), 'ws-server listening', 60_000);

		const clients: TestClient[] = [];
		const typed: string[][] = [];
		try {
			for (let index = 0; index < 10; index++) {
				const user = await makeUser(db);
				await makeMembership(db, place.id, user.id);
				clients.push(connectClient(`ws://127.0.0.1:${port}/collab`, documentName, await sessionCookie(db, user.id)));
				typed.push([]);
			}
			await waitFor(() => clients.every((client) => client.provider.synced), 'ten clients synced', 20_000);

			let round = 0;
			const typeRound = () => {
				clients.forEach((client, index) => {
					const token = `<c${index}r${round}>`;
					// Spread over the text, but between tokens so none is split and each stays findable.
					const text = client.text.toString();
					const boundary = text.indexOf('>', Math.floor(text.length * ((index + 1) / 11)));
					client.text.insert(boundary === -1 ? text.length : boundary + 1, token);
					typed[index].push(token);
				});
				round++;
			};
			const typing = setInterval(typeRound, 25);
			try {
				await waitFor(() => round >= 20, 'edits before the crash');
				server.child.kill('SIGKILL');
				expect(await server.exited).toBeNull();
				await waitFor(() => clients.every((client) => !client.provider.wsconnected), 'everyone disconnected');
				// Still typing while the server is down, then on the restarted process.
				const crashedAt = round;
				await waitFor(() => round >= crashedAt + 10, 'edits while down');
				server = startProcess(port);
				await waitFor(() => server.output().includes('"msg":"listening"'), 'ws-server listening again', 60_000);
				await waitFor(() => clients.every((client) => client.provider.synced), 'everyone reconnected', 20_000);
				const reconnectedAt = round;
				await waitFor(() => round >= reconnectedAt + 10, 'edits after the restart');
			} finally {
				clearInterval(typing);
			}

			const reference = () => clients[0].text.toString();
			await waitFor(() => clients.every((client) => client.text.toString() === reference()), 'all ten converge', 20_000);
			for (const tokens of typed) for (const token of tokens) expect(reference()).toContain(token);
			expect(typed.flat()).toHaveLength(10 * round);
			await waitFor(async () => (await storedText(db, documentName)) === reference(), 'stored text equals the clients', 20_000);

			// A graceful stop with everyone still connected: closes them, writes, exits 0.
			clients[3].text.insert(0, '<dernier mot>');
			await waitFor(() => clients[7].text.toString().startsWith('<dernier mot>'), 'last edit relayed');
			server.child.kill('SIGTERM');
			expect(await server.exited).toBe(0);
			expect(server.output()).toContain('"msg":"stopped"');
			expect(await storedText(db, documentName)).toBe(clients[3].text.toString());
		} finally {
			for (const client of clients) client.destroy();
			server.child.kill('SIGTERM');
			await server.exited;
		}
	}, 180_000);
});

describe.runIf(redisAvailable)('two ws-server processes through Redis, one killed with SIGKILL mid-edit', () => {
	it('clients on both converge while it is down and after it restarts; the store holds every edit', async () => {
		const db = database.db;
		const place = await makeCpts(db);
		const { documentName } = await makeDraft(db, place.id);
		const ports = [await freePort(), await freePort()];
		const servers = ports.map((port) => startProcess(port, REDIS_URL));
		const onRedis = (server: (typeof servers)[number]) => server.output().includes('"msg":"listening"') && server.output().includes('"msg":"redis subscribed"');
		for (const server of servers) await waitFor(() => onRedis(server), 'ws-server listening, on Redis', 60_000);

		// Three clients on each instance.
		const clients: TestClient[] = [];
		const typed: string[][] = [];
		try {
			for (let index = 0; index < 6; index++) {
				const user = await makeUser(db);
				await makeMembership(db, place.id, user.id);
				clients.push(connectClient(`ws://127.0.0.1:${ports[index % 2]}/collab`, documentName, await sessionCookie(db, user.id)));
				typed.push([]);
			}
			await waitFor(() => clients.every((client) => client.provider.synced), 'six clients synced', 20_000);
			const onOne = clients.filter((_, index) => index % 2 === 0);
			const onTwo = clients.filter((_, index) => index % 2 === 1);

			let round = 0;
			const typing = setInterval(() => {
				clients.forEach((client, index) => {
					const token = `<c${index}r${round}>`;
					const text = client.text.toString();
					const boundary = text.indexOf('>', Math.floor(text.length * ((index + 1) / 7)));
					client.text.insert(boundary === -1 ? text.length : boundary + 1, token);
					typed[index].push(token);
				});
				round++;
			}, 25);
			try {
				await waitFor(() => round >= 20, 'edits on both instances');
				// Typed on instance two, seen on instance one: the fan-out works before the crash.
				const early = typed[1][5];
				await waitFor(() => onOne.every((client) => client.text.toString().includes(early)), 'fan-out across instances');

				servers[0].child.kill('SIGKILL');
				expect(await servers[0].exited).toBeNull();
				await waitFor(() => onOne.every((client) => !client.provider.wsconnected), 'instance one clients disconnected');
				// While one is down, the clients of two keep editing together.
				const crashedAt = round;
				await waitFor(() => round >= crashedAt + 10, 'edits while one is down');
				const whileDown = typed[3][crashedAt + 5];
				await waitFor(() => onTwo.every((client) => client.text.toString().includes(whileDown)), 'instance two still fans out');

				servers[0] = startProcess(ports[0], REDIS_URL);
				await waitFor(() => onRedis(servers[0]), 'instance one back, on Redis', 60_000);
				await waitFor(() => onOne.every((client) => client.provider.synced), 'instance one clients reconnected', 20_000);
				const reconnectedAt = round;
				await waitFor(() => round >= reconnectedAt + 10, 'edits after the restart');
			} finally {
				clearInterval(typing);
			}

			const reference = () => clients[0].text.toString();
			await waitFor(() => clients.every((client) => client.text.toString() === reference()), 'all six converge', 20_000);
			for (const tokens of typed) for (const token of tokens) expect(reference()).toContain(token);

			// Both stopped gracefully: every edit is stored.
			for (const server of servers) server.child.kill('SIGTERM');
			for (const server of servers) expect(await server.exited).toBe(0);
			expect(await storedText(db, documentName)).toBe(reference());
		} finally {
			for (const client of clients) client.destroy();
			for (const server of servers) {
				server.child.kill('SIGTERM');
				await server.exited;
			}
		}
	}, 180_000);
});
