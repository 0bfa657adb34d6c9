/** Frames built once for a broadcast, written straight to upgraded sockets, reach ws clients intact. */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { broadcastOf } from './frames';

// Around each change of length encoding (7 bits, 16 bits, 64 bits).
const LENGTHS = [0, 1, 125, 126, 127, 65_535, 65_536, 300_000];

describe('broadcast frames', () => {
	it('are read by a ws client as the messages they carry, in order with what ws itself sent', async () => {
		const messages = LENGTHS.map((length) => new Uint8Array(randomBytes(length)));
		// A message that is a view into a larger buffer is framed from its own bytes only.
		const pool = randomBytes(1_000);
		messages.push(new Uint8Array(pool.buffer, pool.byteOffset + 10, 200));
		const wss = new WebSocketServer({ noServer: true });
		const server = createServer();
		server.on('upgrade', (request, socket, head) => {
			wss.handleUpgrade(request, socket, head, (ws) => {
				ws.send(Buffer.from('first, from ws'));
				for (const message of messages) socket.write(broadcastOf(message).frame);
				ws.send(Buffer.from('last, from ws'));
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
		const received: string[] = [];
		await new Promise<void>((resolve, reject) => {
			client.on('error', reject);
			client.on('message', (data: Buffer, isBinary) => {
				expect(isBinary).toBe(true);
				received.push(data.toString('hex'));
				if (received.length === messages.length + 2) resolve();
			});
		});
		client.close();
		wss.close();
		server.close();
		expect(received).toEqual([
			Buffer.from('first, from ws').toString('hex'),
			...messages.map((message) => Buffer.from(message).toString('hex')),
			Buffer.from('last, from ws').toString('hex')
		]);
	});

	it('carry the message as a Buffer over the same bytes, for senders that fall back to ws', () => {
		const message = new Uint8Array([1, 2, 3, 4, 5]).subarray(1, 4);
		const { payload, frame } = broadcastOf(message);
		expect([...payload]).toEqual([2, 3, 4]);
		expect(payload.buffer).toBe(message.buffer);
		expect([...frame]).toEqual([0x82, 3, 2, 3, 4]);
	});
});
