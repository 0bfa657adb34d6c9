/**
 * The floor of the collaboration bench: a `ws` server that speaks just enough of the
 * y-websocket protocol for WebsocketProvider to sync (sync step 1 is answered with an
 * empty step 2) and relays every update and awareness message, as received, to the other
 * connections of the same room. No Yjs document, no storage, no auth: what the machine,
 * Node and `ws` cost for one hop through a server, the fan-out latency no Yjs server can
 * beat here (its p99 says how much of every server's tail is the machine's).
 *
 * Env: PORT. GET /memory answers as the servers under test do (no documents).
 */
import { createServer } from 'node:http';
import * as decoding from 'lib0/decoding';
import { WebSocketServer, type WebSocket } from 'ws';

// y-websocket's messages: [messageSync (0), step] or [messageAwareness (1), …].
const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const SYNC_STEP_1 = 0;
const SYNC_STEP_2 = 1;
/** Sync step 2 carrying an empty update (no structs, empty delete set). */
const EMPTY_STEP_2 = Uint8Array.of(MESSAGE_SYNC, SYNC_STEP_2, 2, 0, 0);

interface Room {
	peers: Set<WebSocket>;
	/** The newest presence clock seen per client id. */
	clocks: Map<number, number>;
}
const rooms = new Map<string, Room>();

/**
 * Whether a presence message brings a clock newer than the room has seen. WebsocketProvider
 * sends on every change of its awareness, remote ones included: a relay that passed echoes
 * on would loop them through every client (a Yjs server drops them, its clocks not moving).
 */
function bringsNewPresence(room: Room, data: Buffer): boolean {
	try {
		return readNewPresence(room, data);
	} catch {
		return false; // malformed: dropped
	}
}

function readNewPresence(room: Room, data: Buffer): boolean {
	const message = decoding.createDecoder(data);
	decoding.readVarUint(message);
	const update = decoding.createDecoder(decoding.readVarUint8Array(message));
	let newer = false;
	for (let entries = decoding.readVarUint(update); entries > 0; entries--) {
		const client = decoding.readVarUint(update);
		const clock = decoding.readVarUint(update);
		decoding.readVarString(update);
		if (clock > (room.clocks.get(client) ?? -1)) {
			room.clocks.set(client, clock);
			newer = true;
		}
	}
	return newer;
}
const sockets = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });

sockets.on('connection', (socket: WebSocket, name: string) => {
	const room = rooms.get(name) ?? { peers: new Set<WebSocket>(), clocks: new Map<number, number>() };
	rooms.set(name, room);
	room.peers.add(socket);
	socket.on('error', () => socket.terminate());
	socket.on('close', () => {
		room.peers.delete(socket);
		if (room.peers.size === 0) rooms.delete(name);
	});
	socket.on('message', (data: Buffer) => {
		if (data[0] === MESSAGE_SYNC && data[1] === SYNC_STEP_1) return socket.send(EMPTY_STEP_2);
		if (data[0] === MESSAGE_SYNC && data[1] === SYNC_STEP_2) return;
		if (data[0] === MESSAGE_AWARENESS && !bringsNewPresence(room, data)) return;
		for (const peer of room.peers) if (peer !== socket) peer.send(data);
	});
});

const server = createServer((request, response) => {
	response.writeHead(200, { 'content-type': 'application/json' });
	response.end(request.url === '/memory' ? JSON.stringify({ ...process.memoryUsage(), documents: rooms.size }) : '"ok"');
});
server.on('upgrade', (request, socket, head) => {
	const room = decodeURIComponent(new URL(request.url ?? '/', 'http://relay').pathname.slice(1));
	sockets.handleUpgrade(request, socket, head, (ws) => sockets.emit('connection', ws, room));
});
server.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => {
	for (const room of rooms.values()) for (const peer of room.peers) peer.terminate();
	server.close(() => process.exit(0));
});
