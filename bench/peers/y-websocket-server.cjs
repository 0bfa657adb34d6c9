/**
 * y-websocket@1.5.4's reference server (bin/utils.js setupWSConnection, as its bin/server.js
 * wires it) with a PostgreSQL persistence through its own setPersistence hook, the way
 * y-leveldb plugs in: bindState loads the stored state (bytea) and applies it, updates are
 * stored debounced (2 s, at most 10 s, as our ws-server and Hocuspocus do) and writeState
 * stores the full state when the last client leaves. Like the reference server, it serves
 * a document before its state is loaded (bindState is not awaited): that is its behaviour.
 *
 * Env: PORT, DATABASE_URL. GET /memory answers the heap after a full GC (node --expose-gc).
 */
const http = require('node:http');
const WebSocket = require('ws');
const Y = require('yjs');
const debounce = require('lodash.debounce');
const postgres = require('postgres');
const { setupWSConnection, setPersistence, docs } = require('y-websocket/bin/utils');

const sql = postgres(process.env.DATABASE_URL, { max: 4, onnotice: () => {} });
const SERVER = 'y-websocket';

const writers = new Map();
async function store(name, doc) {
	const state = Buffer.from(Y.encodeStateAsUpdate(doc));
	await sql`insert into bench_peer_documents (server, name, state) values (${SERVER}, ${name}, ${state})
		on conflict (server, name) do update set state = excluded.state`;
}

setPersistence({
	bindState: async (name, doc) => {
		const rows = await sql`select state from bench_peer_documents where server = ${SERVER} and name = ${name}`;
		if (rows[0]) Y.applyUpdate(doc, rows[0].state);
		const write = debounce(() => store(name, doc).catch((error) => console.error(error)), 2_000, { maxWait: 10_000 });
		writers.set(name, write);
		doc.on('update', write);
	},
	writeState: async (name, doc) => {
		writers.get(name)?.cancel();
		writers.delete(name);
		await store(name, doc);
	}
});

const wss = new WebSocket.Server({ noServer: true });
wss.on('connection', setupWSConnection);
const server = http.createServer((request, response) => {
	if (request.url === '/memory') {
		global.gc?.();
		global.gc?.();
		response.writeHead(200, { 'content-type': 'application/json' });
		response.end(JSON.stringify({ ...process.memoryUsage(), documents: docs.size }));
		return;
	}
	response.writeHead(200, { 'content-type': 'text/plain' });
	response.end('okay');
});
server.on('upgrade', (request, socket, head) => {
	wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
});
server.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => {
	server.close();
	void sql.end().then(() => process.exit(0));
});
