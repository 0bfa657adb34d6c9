/**
 * Fan-out between instances through Redis pub/sub (ioredis), like Hocuspocus's Redis
 * extension: one channel per loaded document carries its updates and awareness; a shared
 * channel carries rights changes; a SET NX PX key lets one instance compact a document at
 * a time. Every message is tagged with the sending instance so none is applied twice.
 */
import { Redis } from 'ioredis';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Logger } from 'pino';
import { ACCESS_CHANNEL, documentChannel, type AccessChange } from '../src/lib/server/collab/registry';

const DOCUMENT_CHANNEL_PREFIX = documentChannel('');

export interface FanoutHandlers {
	onDocumentMessage(documentName: string, payload: Uint8Array): void;
	onAccessChange(change: AccessChange): void;
	/** Redis came back after an outage: peers may have missed messages both ways. */
	onReconnected(): void;
}

// Compare-and-delete: release the lock only if it is still ours.
const UNLOCK_SCRIPT = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

export class RedisFanout {
	published = 0;
	received = 0;
	private readonly pub: Redis;
	private readonly sub: Redis;
	private readyOnce = false;
	private readonly subscriptions = new Map<string, number>();

	constructor(
		url: string,
		private readonly instanceId: string,
		private readonly handlers: FanoutHandlers,
		private readonly log: Logger
	) {
		// Publishing fails fast during an outage (clients keep their edits and resync on
		// reconnect) instead of piling up in an offline queue.
		this.pub = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: true });
		this.sub = new Redis(url, { maxRetriesPerRequest: null });
		for (const client of [this.pub, this.sub]) client.on('error', (error) => this.log.warn({ err: error }, 'redis error'));
		this.sub.on('messageBuffer', (channel: Buffer, message: Buffer) => this.receive(channel.toString(), message));
		this.sub.on('ready', () => {
			if (this.readyOnce) this.handlers.onReconnected();
			this.readyOnce = true;
		});
	}

	/** Resolves once the rights-change channel is subscribed. */
	async start(): Promise<void> {
		await this.sub.subscribe(ACCESS_CHANNEL);
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
		const encoder = encoding.createEncoder();
		encoding.writeVarString(encoder, this.instanceId);
		encoding.writeVarUint8Array(encoder, payload);
		this.published++;
		this.pub.publish(documentChannel(documentName), Buffer.from(encoding.toUint8Array(encoder))).catch((error) => {
			this.log.warn({ err: error, documentName }, 'redis publish failed');
		});
	}

	async publishAccess(change: AccessChange): Promise<void> {
		await this.pub.publish(ACCESS_CHANNEL, JSON.stringify({ origin: this.instanceId, ...change }));
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
		await Promise.allSettled([this.sub.quit(), this.pub.quit()]);
		this.sub.disconnect();
		this.pub.disconnect();
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
			if (!channel.startsWith(DOCUMENT_CHANNEL_PREFIX)) return;
			const decoder = decoding.createDecoder(new Uint8Array(message.buffer, message.byteOffset, message.byteLength));
			if (decoding.readVarString(decoder) === this.instanceId) return;
			this.received++;
			this.handlers.onDocumentMessage(channel.slice(DOCUMENT_CHANNEL_PREFIX.length), decoding.readVarUint8Array(decoder));
		} catch (error) {
			this.log.warn({ err: error, channel }, 'unreadable redis message dropped');
		}
	}
}
