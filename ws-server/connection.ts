/**
 * One websocket on one document: reads y-websocket messages, answers sync, applies
 * updates from writers, drops them from readers, relays awareness. Whatever a client
 * sends, the worst outcome is that this connection is closed.
 */
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import * as awarenessProtocol from 'y-protocols/awareness';
import { WebSocket, type RawData } from 'ws';
import type { SessionUser } from '../src/lib/server/auth/session';
import { CLOSE_CODES } from '../src/lib/server/collab/codes';
import type { CollabLimits } from '../src/lib/server/collab/limits';
import type { CollabDocument, DocumentConnection } from './documents';
import type { Broadcast } from './frames';
import type { MetricsCollector } from './metrics';
import { applyPresence, heldByAnotherPerson, type ParsedPresence } from './presence';
import {
	decodeAwarenessEntries,
	decodeMessage,
	encodeAwareness,
	encodeAwarenessMessage,
	encodeSyncStep1,
	encodeSyncStep2,
	MalformedMessage,
	type AwarenessEntry,
	type ProtocolMessage
} from './protocol';

export interface ConnectionContext {
	limits: CollabLimits;
	metrics: MetricsCollector;
	log: Logger;
}

export class Connection implements DocumentConnection {
	readonly awarenessIds = new Set<number>();
	/** The awareness client id this connection speaks for, from its first awareness message. */
	private awarenessId: number | null = null;
	/** Set by ping, cleared by pong: a connection that stays false missed a heartbeat. */
	alive = true;
	// Messages that arrive while the document loads wait here (null once it is served).
	private queue: Uint8Array[] | null = [];
	private closing = false;

	constructor(
		readonly socket: WebSocket,
		/** The socket's own stream (the upgraded one), written to directly by sendBroadcast. */
		private readonly stream: Duplex,
		readonly document: CollabDocument,
		readonly user: SessionUser,
		/** Kept in memory only, to check the session again when rights change. */
		readonly sessionToken: string,
		readonly access: 'write' | 'read',
		private readonly context: ConnectionContext
	) {}

	get readOnly(): boolean {
		return this.access === 'read';
	}

	receive(data: RawData, isBinary: boolean): void {
		this.context.metrics.message();
		if (this.closing) return;
		if (!isBinary) return this.malformed(new MalformedMessage('text frame'));
		const bytes = toBytes(data);
		if (this.queue) {
			if (this.queue.length >= this.context.limits.maxQueuedMessages) {
				this.close(CLOSE_CODES.tryAgainLater, 'too many messages before sync');
				return;
			}
			this.queue.push(bytes);
			return;
		}
		this.handle(bytes);
	}

	/** The document is loaded: ask the client for what it has, then handle what waited. */
	start(): void {
		if (this.closing) return;
		this.send(encodeSyncStep1(this.document.doc));
		const clients = [...this.document.awareness.getStates().keys()];
		if (clients.length > 0) this.send(encodeAwareness(this.document.awareness, clients));
		const queued = this.queue ?? [];
		this.queue = null;
		for (const bytes of queued) {
			if (this.closing) break;
			this.handle(bytes);
		}
	}

	send(message: Uint8Array): void {
		// No callback: a failed write errors the socket, which closes the connection.
		if (this.unsentBytes() !== null) this.socket.send(message);
	}

	/** A message framed once for every connection of the document (frames.ts). */
	sendBroadcast(message: Broadcast): void {
		const unsent = this.unsentBytes();
		if (unsent === null) return;
		// Straight to the socket when ws holds nothing back (its sender only queues while it
		// compresses, which is off): the frame then follows whatever ws wrote before it.
		if (unsent === this.stream.writableLength) this.stream.write(message.frame);
		else this.socket.send(message.payload);
	}

	/** Bytes not yet handed to the kernel; null when nothing more may be sent. */
	private unsentBytes(): number | null {
		if (this.closing || this.socket.readyState !== WebSocket.OPEN) return null;
		const unsent = this.socket.bufferedAmount;
		// A reader that cannot keep up would otherwise hold an unbounded queue in our memory.
		if (unsent > this.context.limits.maxBufferedBytes) {
			this.close(CLOSE_CODES.tryAgainLater, 'slow reader');
			return null;
		}
		return unsent;
	}

	close(code: number, reason: string): void {
		if (this.closing) return;
		this.closing = true;
		this.queue = null;
		try {
			this.socket.close(code, reason);
		} catch {
			this.socket.terminate();
		}
	}

	/** The socket is gone: forget this client's presence. */
	closed(): void {
		this.closing = true;
		this.queue = null;
		// Removed while still one of the document's connections, with itself as origin: the
		// removal is published to other instances under this connection's person.
		if (this.awarenessIds.size > 0 && this.document.status === 'ready') {
			awarenessProtocol.removeAwarenessStates(this.document.awareness, [...this.awarenessIds], this);
		}
		this.document.leave(this);
	}

	private handle(bytes: Uint8Array): void {
		let message: ProtocolMessage;
		try {
			message = decodeMessage(bytes);
		} catch (error) {
			return this.malformed(error);
		}
		const { doc, awareness } = this.document;
		try {
			switch (message.type) {
				case 'sync-step-1':
					// Readers get the document too: answering step 1 is how they read it.
					this.send(encodeSyncStep2(doc, message.stateVector));
					break;
				case 'sync-step-2':
				case 'update':
					if (this.readOnly) {
						this.context.metrics.droppedReadOnlyUpdates++;
						break;
					}
					if (!this.document.fits(message.update.byteLength)) {
						this.close(CLOSE_CODES.documentTooLarge, 'document too large');
						break;
					}
					// Step 2 too: it is the client's content as much as an update is.
					this.document.receiveClientUpdate(message.update, this);
					break;
				case 'awareness': {
					const entries = this.ownAwareness(message.update);
					if (entries.length > 0) applyPresence(awareness, entries, this);
					break;
				}
				case 'query-awareness': {
					const clients = [...awareness.getStates().keys()];
					if (clients.length > 0) this.send(encodeAwareness(awareness, clients));
					break;
				}
			}
		} catch (error) {
			// A well-framed message whose content Yjs or the awareness code refused.
			this.malformed(error);
		}
	}

	/**
	 * Presence is bound to the signed-in person: a connection speaks for one awareness client
	 * id (its provider's), never for an id another person's connection here speaks for, and
	 * the name and editing right its presence shows come from its session, not from what the
	 * client claims. Returns the entries to apply, their states parsed once here (none when
	 * nothing of it is this connection's to say). Ids held on other instances count too
	 * (presence.ts).
	 */
	private ownAwareness(update: Uint8Array): ParsedPresence[] {
		const entries: ParsedPresence[] = [];
		for (const entry of decodeAwarenessEntries(update)) {
			if (this.awarenessId === null) {
				if (this.heldByAnotherPerson(entry.clientId)) continue;
				this.awarenessId = entry.clientId;
				if (entry.state !== 'null') this.askToRaiseClock(entry);
			}
			if (entry.clientId !== this.awarenessId) continue;
			entries.push({ clientId: entry.clientId, clock: entry.clock, state: this.withSessionIdentity(entry.state) });
		}
		return entries;
	}

	/**
	 * A client that reconnects (here, or to another instance after its own went away) sends
	 * its presence with the clock it had, which every peer that saw it leave, instances and
	 * browsers alike, holds as removed and ignores: it would stay invisible until its next
	 * renewal, up to 15 s later. Telling it that it was removed at that clock is y-protocols'
	 * own remedy: the client raises its clock and announces itself again.
	 */
	private askToRaiseClock(entry: AwarenessEntry): void {
		this.send(encodeAwarenessMessage([{ clientId: entry.clientId, clock: entry.clock, state: 'null' }]));
	}

	private heldByAnotherPerson(clientId: number): boolean {
		return heldByAnotherPerson(this.document, clientId, this.user.id, this);
	}

	private withSessionIdentity(state: string): unknown {
		let parsed: unknown;
		try {
			parsed = JSON.parse(state);
		} catch {
			throw new MalformedMessage('awareness state');
		}
		if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return parsed;
		const fields = parsed as Record<string, unknown>;
		if (fields.user !== undefined) {
			const claimed = typeof fields.user === 'object' && fields.user !== null ? fields.user : {};
			fields.user = { ...claimed, id: this.user.id, name: this.user.name, canEdit: !this.readOnly };
		}
		return fields;
	}

	private malformed(error: unknown): void {
		this.context.metrics.malformedMessages++;
		this.context.log.debug({ err: error, document: this.document.name, userId: this.user.id }, 'malformed message');
		this.close(CLOSE_CODES.malformedMessage, 'malformed message');
	}
}

function toBytes(data: RawData): Uint8Array {
	if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
	if (data instanceof ArrayBuffer) return new Uint8Array(data);
	return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
