/**
 * Fan-out between instances through Redis pub/sub (ioredis), like Hocuspocus's Redis
 * extension: one channel per loaded document carries its updates and presence; a shared
 * channel carries rights changes, another the instances' heartbeats; a SET NX PX key lets
 * one instance compact a document at a time. Every message is tagged with the sending
 * instance so none is applied twice.
 *
 * Besides y-websocket's own messages, a document's channel carries two that only instances
 * send each other: presence tagged with the person it belongs to (so that an instance can
 * refuse presence forged for someone else's client id), and flush requests (write what you
 * hold unsaved, then say so), answered on the requester's own reply channel.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Logger } from 'pino';
import {
	ACCESS_CHANNEL,
	INSTANCES_CHANNEL,
	documentChannel,
	flushReplyChannel,
	type AccessChange,
	type LiveFlushResult
} from '../src/lib/server/collab/channels';
import { encodeUpdate } from './protocol';

const DOCUMENT_CHANNEL_PREFIX = documentChannel('');

/** Payload types only instances send each other, numbered past y-websocket's (0–3). */
export const FANOUT_FLUSH_REQUEST = 100;
export const FANOUT_PRESENCE = 101;

/** An instance silent for this many of its heartbeat periods is taken for dead. */
const MISSED_HEARTBEATS = 3;
/** Instances remembered as dead, so that one that was only stalled is noticed coming back. */
const GONE_REMEMBERED = 1_000;

export interface FanoutHandlers {
	onDocumentMessage(documentName: string, payload: Uint8Array, senderId: string): void;
	onAccessChange(change: AccessChange): void;
	/** Redis came back after an outage: peers may have missed messages both ways. */
	onReconnected(): void;
	/** An instance said goodbye or went silent: the presence it spoke for is gone. */
	onInstanceGone?(instanceId: string): void;
	/** An instance taken for dead spoke again (it was stalled, not dead). */
	onInstanceBack?(instanceId: string): void;
}

// Compare-and-delete: release the lock only if it is still ours.
const UNLOCK_SCRIPT = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

interface FlushWait {
	/** Holders the request reached (PUBLISH's count), once known. */
	holders: number | null;
	answered: number;
	confirmed: number;
	check(): void;
}

export class RedisFanout {
	published = 0;
	received = 0;
	instancesGone = 0;
	private readonly pub: Redis;
	private readonly sub: Redis;
	private readyOnce = false;
	private readonly subscriptions = new Map<string, number>();
	private readonly replyChannel: string;
	private repliesReady: Promise<void> | null = null;
	private readonly flushWaits = new Map<string, FlushWait>();
	/** Other instances heard from: when last, and their announced heartbeat period. */
	private readonly peers = new Map<string, { heardAt: number; everyMs: number }>();
	private readonly gonePeers = new Set<string>();
	private heartbeat: NodeJS.Timeout | null = null;

	constructor(
		url: string,
		private readonly instanceId: string,
		private readonly handlers: FanoutHandlers,
		private readonly log: Logger,
		private readonly heartbeatMs = 5_000
	) {
		// Publishing fails fast during an outage (clients keep their edits and resync on
		// reconnect) instead of piling up in an offline queue.
		this.pub = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: true });
		this.sub = new Redis(url, { maxRetriesPerRequest: null });
		this.replyChannel = flushReplyChannel(instanceId);
		for (const client of [this.pub, this.sub]) client.on('error', (error) => this.log.warn({ err: error }, 'redis error'));
		this.sub.on('messageBuffer', (channel: Buffer, message: Buffer) => this.receive(channel.toString(), message));
		this.sub.on('ready', () => {
			if (this.readyOnce) this.handlers.onReconnected();
			this.readyOnce = true;
		});
	}

	/** Resolves once the shared channels are subscribed; starts the heartbeat. */
	async start(): Promise<void> {
		await Promise.all([this.sub.subscribe(ACCESS_CHANNEL, INSTANCES_CHANNEL), this.startRequester()]);
		this.beat();
		this.heartbeat = setInterval(() => this.beat(), this.heartbeatMs);
		this.heartbeat.unref();
	}

	/**
	 * Only what a process without documents needs (the site beside a separate ws-server):
	 * the channel on which its flush requests are answered.
	 */
	startRequester(): Promise<void> {
		this.repliesReady ??= this.sub.subscribe(this.replyChannel).then(
			() => undefined,
			(error: unknown) => {
				// Tried again by the next request rather than failing every one after it.
				this.repliesReady = null;
				throw error;
			}
		);
		return this.repliesReady;
	}

	/**
	 * Channel subscriptions are counted: a document whose load failed and the new one that
	 * replaces it may overlap, and the first must not unsubscribe the second.
	 */
	async subscribe(documentName: string): Promise<void> {
		const count = this.subscriptions.get(documentName) ?? 0;
		this.subscriptions.set(documentName, count + 1);
		await this.sub.subscribe(documentChannel(documentName));
	}

	async unsubscribe(documentName: string): Promise<void> {
		const count = (this.subscriptions.get(documentName) ?? 0) - 1;
		if (count > 0) {
			this.subscriptions.set(documentName, count);
			return;
		}
		this.subscriptions.delete(documentName);
		await this.sub.unsubscribe(documentChannel(documentName));
	}

	publishDocument(documentName: string, payload: Uint8Array): void {
		this.published++;
		this.pub.publish(documentChannel(documentName), this.envelope(payload)).catch((error) => {
			this.log.warn({ err: error, documentName }, 'redis publish failed');
		});
	}

	/** A Yjs update made outside any connection (a restore), for the instances holding the document. */
	publishUpdate(documentName: string, update: Uint8Array): void {
		this.publishDocument(documentName, encodeUpdate(update));
	}

	/**
	 * Publishes a rights change. Callers await it after their change committed: with Redis
	 * away it fails within a bound instead of holding them until Redis is back.
	 */
	async publishAccess(change: AccessChange): Promise<void> {
		const published = this.outage() ? false : await withinBound(this.pub.publish(ACCESS_CHANNEL, JSON.stringify({ origin: this.instanceId, ...change })), 2_000);
		if (!published) throw new Error('rights change not published: Redis unavailable');
	}

	/**
	 * Asks every instance holding the document to write what it holds unsaved, and waits for
	 * their answers, at most `timeoutMs`. PUBLISH returns how many subscribers received the
	 * request, and only instances holding a document subscribe to its channel: that count is
	 * how many answers to wait for (none: no wait at all).
	 */
	async requestFlush(documentName: string, timeoutMs: number): Promise<LiveFlushResult> {
		const deadline = Date.now() + timeoutMs;
		// Answers come on the reply channel: it must be subscribed first (at once, but never
		// past the bound: with Redis away, subscribing waits for it to come back). During an
		// outage noticed already, no wait at all: every export would otherwise stall.
		if (this.outage() || !(await withinBound(this.startRequester(), timeoutMs))) {
			this.log.warn({ documentName }, 'flush request not sent: Redis unavailable');
			return { holders: 0, confirmed: 0, complete: false };
		}
		const requestId = randomUUID();
		return new Promise<LiveFlushResult>((resolve) => {
			let timer: NodeJS.Timeout | undefined;
			const wait: FlushWait = {
				holders: null,
				answered: 0,
				confirmed: 0,
				check: () => {
					if (wait.holders !== null && wait.answered >= wait.holders) finish();
				}
			};
			const finish = () => {
				clearTimeout(timer);
				this.flushWaits.delete(requestId);
				const holders = wait.holders ?? 0;
				resolve({ holders, confirmed: wait.confirmed, complete: wait.holders !== null && wait.confirmed >= holders });
			};
			this.flushWaits.set(requestId, wait);
			timer = setTimeout(
				() => {
					if (this.flushWaits.has(requestId)) {
						this.log.warn({ documentName, holders: wait.holders, answered: wait.answered }, 'flush request not answered by every holder in time');
					}
					finish();
				},
				Math.max(0, deadline - Date.now())
			);
			this.published++;
			this.pub.publish(documentChannel(documentName), this.envelope(encodeFlushRequest(this.replyChannel, requestId))).then(
				(holders) => {
					wait.holders = holders;
					wait.check();
				},
				(error) => {
					this.log.warn({ err: error, documentName }, 'flush request not published');
					finish();
				}
			);
		});
	}

	/** Answers a flush request: written (ok) or not. */
	answerFlush(replyChannel: string, requestId: string, ok: boolean): void {
		this.pub.publish(replyChannel, JSON.stringify({ requestId, instanceId: this.instanceId, ok })).catch((error) => {
			this.log.warn({ err: error }, 'flush answer not published');
		});
	}

	/** Takes a lock for `ttlMs`; returns its token, or null when another instance holds it. */
	async tryLock(key: string, ttlMs: number): Promise<string | null> {
		const token = `${this.instanceId}:${Math.random().toString(36).slice(2)}`;
		const result = await this.pub.set(key, token, 'PX', ttlMs, 'NX');
		return result === 'OK' ? token : null;
	}

	async unlock(key: string, token: string): Promise<void> {
		await this.pub.eval(UNLOCK_SCRIPT, 1, key, token);
	}

	async close(): Promise<void> {
		if (this.heartbeat) {
			clearInterval(this.heartbeat);
			this.heartbeat = null;
			// Queued before QUIT on the same connection, so it goes out first.
			this.pub.publish(INSTANCES_CHANNEL, JSON.stringify({ instanceId: this.instanceId, leaving: true })).catch(() => {});
		}
		// QUIT lets what is queued (the removals and the goodbye above) go out first; with Redis
		// away it would wait for its return, and shutdown with it.
		await withinBound(Promise.allSettled([this.sub.quit(), this.pub.quit()]), 1_000);
		this.sub.disconnect();
		this.pub.disconnect();
	}

	/** Redis was reached once and is away now (a first connection may still be on its way). */
	private outage(): boolean {
		return this.readyOnce && (this.sub.status !== 'ready' || this.pub.status !== 'ready');
	}

	/** Says this instance is alive, and notices the instances that fell silent. */
	private beat(): void {
		this.pub.publish(INSTANCES_CHANNEL, JSON.stringify({ instanceId: this.instanceId, everyMs: this.heartbeatMs })).catch(() => {});
		const now = Date.now();
		for (const [instanceId, peer] of this.peers) {
			if (now - peer.heardAt > MISSED_HEARTBEATS * peer.everyMs) this.gone(instanceId);
		}
	}

	private heard(instanceId: string, everyMs?: number): void {
		const peer = this.peers.get(instanceId);
		if (peer) {
			peer.heardAt = Date.now();
			if (everyMs) peer.everyMs = everyMs;
			return;
		}
		this.peers.set(instanceId, { heardAt: Date.now(), everyMs: everyMs ?? this.heartbeatMs });
		if (this.gonePeers.delete(instanceId)) this.handlers.onInstanceBack?.(instanceId);
	}

	/** Other instances heard from lately. */
	get peerCount(): number {
		return this.peers.size;
	}

	private gone(instanceId: string): void {
		this.instancesGone++;
		this.peers.delete(instanceId);
		this.gonePeers.add(instanceId);
		if (this.gonePeers.size > GONE_REMEMBERED) this.gonePeers.delete(this.gonePeers.values().next().value!);
		this.handlers.onInstanceGone?.(instanceId);
	}

	private envelope(payload: Uint8Array): Buffer {
		const encoder = encoding.createEncoder();
		encoding.writeVarString(encoder, this.instanceId);
		encoding.writeVarUint8Array(encoder, payload);
		return Buffer.from(encoding.toUint8Array(encoder));
	}

	private receive(channel: string, message: Buffer): void {
		try {
			if (channel === ACCESS_CHANNEL) {
				const parsed = JSON.parse(message.toString()) as { origin?: unknown; userId?: unknown; documentName?: unknown };
				if (parsed.origin === this.instanceId || typeof parsed.userId !== 'string') return;
				this.received++;
				this.handlers.onAccessChange({
					userId: parsed.userId,
					documentName: typeof parsed.documentName === 'string' ? parsed.documentName : undefined
				});
				return;
			}
			if (channel === INSTANCES_CHANNEL) {
				const parsed = JSON.parse(message.toString()) as { instanceId?: unknown; everyMs?: unknown; leaving?: unknown };
				if (typeof parsed.instanceId !== 'string' || parsed.instanceId === this.instanceId) return;
				if (parsed.leaving === true) this.gone(parsed.instanceId);
				else this.heard(parsed.instanceId, typeof parsed.everyMs === 'number' && parsed.everyMs > 0 ? parsed.everyMs : undefined);
				return;
			}
			if (channel === this.replyChannel) {
				const parsed = JSON.parse(message.toString()) as { requestId?: unknown; ok?: unknown };
				const wait = typeof parsed.requestId === 'string' ? this.flushWaits.get(parsed.requestId) : undefined;
				if (!wait) return;
				wait.answered++;
				if (parsed.ok === true) wait.confirmed++;
				wait.check();
				return;
			}
			if (!channel.startsWith(DOCUMENT_CHANNEL_PREFIX)) return;
			const decoder = decoding.createDecoder(new Uint8Array(message.buffer, message.byteOffset, message.byteLength));
			const senderId = decoding.readVarString(decoder);
			const payload = decoding.readVarUint8Array(decoder);
			const flushRequest = payload[0] === FANOUT_FLUSH_REQUEST;
			// Our own flush requests are answered too: the requester counts every holder, us included.
			if (senderId === this.instanceId && !flushRequest) return;
			// A requester without documents (the site) is no peer whose presence could go stale.
			if (!flushRequest) this.heard(senderId);
			this.received++;
			this.handlers.onDocumentMessage(channel.slice(DOCUMENT_CHANNEL_PREFIX.length), payload, senderId);
		} catch (error) {
			this.log.warn({ err: error, channel }, 'unreadable redis message dropped');
		}
	}
}

/** Whether `promise` settles well within `ms` (false when it rejects or takes longer). */
async function withinBound(promise: Promise<unknown>, ms: number): Promise<boolean> {
	let timer: NodeJS.Timeout | undefined;
	const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
	try {
		return await Promise.race([promise.then(() => true, () => false), late]);
	} finally {
		clearTimeout(timer);
	}
}

/** A flush request: where to answer, and the request it answers. */
export function encodeFlushRequest(replyChannel: string, requestId: string): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, FANOUT_FLUSH_REQUEST);
	encoding.writeVarString(encoder, replyChannel);
	encoding.writeVarString(encoder, requestId);
	return encoding.toUint8Array(encoder);
}

export function decodeFlushRequest(payload: Uint8Array): { replyChannel: string; requestId: string } {
	const decoder = decoding.createDecoder(payload);
	decoding.readVarUint(decoder);
	return { replyChannel: decoding.readVarString(decoder), requestId: decoding.readVarString(decoder) };
}

/** Presence of one person's client ids: their user id, then an awareness update. */
export function encodePresence(userId: string, awarenessUpdate: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, FANOUT_PRESENCE);
	encoding.writeVarString(encoder, userId);
	encoding.writeVarUint8Array(encoder, awarenessUpdate);
	return encoding.toUint8Array(encoder);
}

export function decodePresence(payload: Uint8Array): { userId: string; update: Uint8Array } {
	const decoder = decoding.createDecoder(payload);
	decoding.readVarUint(decoder);
	return { userId: decoding.readVarString(decoder), update: decoding.readVarUint8Array(decoder) };
}
