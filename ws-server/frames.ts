/**
 * Messages for every connection of a document, framed once. A server's websocket frames
 * are not masked (RFC 6455 §5.1), so each connection can be given the very same bytes: one
 * write per connection, where ws.send builds a header and writes header and payload
 * (writev) for each. The kernel's write stays the cost of a broadcast; this takes away
 * the rest that grew with the number of connections.
 */

/** A message to broadcast: its bytes, and the same bytes as one binary websocket frame. */
export interface Broadcast {
	payload: Buffer;
	frame: Buffer;
}

/** Frames `message` as one final binary frame (opcode 2, FIN, no mask). */
export function broadcastOf(message: Uint8Array): Broadcast {
	const payload = Buffer.from(message.buffer, message.byteOffset, message.byteLength);
	const length = payload.byteLength;
	// The length takes 7 bits, or 126 and 16 bits, or 127 and 64 bits (RFC 6455 §5.2).
	const headerBytes = length < 126 ? 2 : length < 65_536 ? 4 : 10;
	const frame = Buffer.allocUnsafe(headerBytes + length);
	frame[0] = 0x82;
	if (length < 126) {
		frame[1] = length;
	} else if (length < 65_536) {
		frame[1] = 126;
		frame.writeUInt16BE(length, 2);
	} else {
		frame[1] = 127;
		frame.writeUInt32BE(Math.floor(length / 2 ** 32), 2);
		frame.writeUInt32BE(length >>> 0, 6);
	}
	payload.copy(frame, headerBytes);
	return { payload, frame };
}
