/**
 * The y-websocket wire protocol (the messages y-websocket's WebsocketProvider speaks):
 * a varuint message type, then a sync message (y-protocols/sync) or an awareness update
 * (y-protocols/awareness). Decoding is strict: anything we cannot read throws
 * MalformedMessage, and the caller closes that connection only.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;

export type ProtocolMessage =
	| { type: 'sync-step-1'; stateVector: Uint8Array }
	/** Step 2 and update carry the same thing: a Yjs update to apply. */
	| { type: 'sync-step-2' | 'update'; update: Uint8Array }
	| { type: 'awareness'; update: Uint8Array }
	| { type: 'query-awareness' };

export class MalformedMessage extends Error {}

/** Reads one message; throws MalformedMessage when it is not one of ours. */
export function decodeMessage(bytes: Uint8Array): ProtocolMessage {
	try {
		const decoder = decoding.createDecoder(bytes);
		const messageType = decoding.readVarUint(decoder);
		switch (messageType) {
			case MESSAGE_SYNC: {
				const syncType = decoding.readVarUint(decoder);
				const payload = decoding.readVarUint8Array(decoder);
				if (syncType === syncProtocol.messageYjsSyncStep1) {
					// Validated now so that a bad vector is a malformed message, not a failed reply.
					Y.decodeStateVector(payload);
					return { type: 'sync-step-1', stateVector: payload };
				}
				if (syncType === syncProtocol.messageYjsSyncStep2) return { type: 'sync-step-2', update: payload };
				if (syncType === syncProtocol.messageYjsUpdate) return { type: 'update', update: payload };
				throw new MalformedMessage(`unknown sync message ${syncType}`);
			}
			case MESSAGE_AWARENESS:
				return { type: 'awareness', update: decoding.readVarUint8Array(decoder) };
			case MESSAGE_QUERY_AWARENESS:
				return { type: 'query-awareness' };
			default:
				throw new MalformedMessage(`unknown message type ${messageType}`);
		}
	} catch (error) {
		if (error instanceof MalformedMessage) throw error;
		throw new MalformedMessage(error instanceof Error ? error.message : String(error));
	}
}

/** Sync step 1: our state vector, asking the peer for what we lack. */
export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_SYNC);
	syncProtocol.writeSyncStep1(encoder, doc);
	return encoding.toUint8Array(encoder);
}

/** Sync step 2: what the peer lacks, given its state vector (everything when absent). */
export function encodeSyncStep2(doc: Y.Doc, stateVector?: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_SYNC);
	syncProtocol.writeSyncStep2(encoder, doc, stateVector);
	return encoding.toUint8Array(encoder);
}

/** A document update, as broadcast to peers. */
export function encodeUpdate(update: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_SYNC);
	syncProtocol.writeUpdate(encoder, update);
	return encoding.toUint8Array(encoder);
}

/** An awareness message with the states of `clients` (null states for those removed). */
export function encodeAwareness(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
	encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
	return encoding.toUint8Array(encoder);
}

/** Asks peers to send their awareness states. */
export function encodeQueryAwareness(): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_QUERY_AWARENESS);
	return encoding.toUint8Array(encoder);
}

/** One client's entry in an awareness update (y-protocols/awareness wire format). */
export interface AwarenessEntry {
	clientId: number;
	clock: number;
	/** The state as JSON text ("null" when the client left). */
	state: string;
}

/** Reads an awareness update's entries; throws MalformedMessage on anything else. */
export function decodeAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
	try {
		const decoder = decoding.createDecoder(update);
		const count = decoding.readVarUint(decoder);
		const entries: AwarenessEntry[] = [];
		for (let index = 0; index < count; index += 1) {
			entries.push({ clientId: decoding.readVarUint(decoder), clock: decoding.readVarUint(decoder), state: decoding.readVarString(decoder) });
		}
		return entries;
	} catch {
		throw new MalformedMessage('awareness update');
	}
}

/** An awareness message carrying these entries. */
export function encodeAwarenessMessage(entries: AwarenessEntry[]): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
	encoding.writeVarUint8Array(encoder, encodeAwarenessEntries(entries));
	return encoding.toUint8Array(encoder);
}

/** Writes entries back as an awareness update. */
export function encodeAwarenessEntries(entries: AwarenessEntry[]): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, entries.length);
	for (const entry of entries) {
		encoding.writeVarUint(encoder, entry.clientId);
		encoding.writeVarUint(encoder, entry.clock);
		encoding.writeVarString(encoder, entry.state);
	}
	return encoding.toUint8Array(encoder);
}
