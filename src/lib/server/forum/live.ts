/**
 * Live replies: posting queues "post N was added to thread T" in the transactional outbox
 * (queuePostPublished, in the reply's transaction); the outbox worker then publishes it on
 * the bus (publishQueuedPost), and the thread page's
 * Server-Sent Events stream (routes/forums/sujet/[id]/flux) forwards it to open browsers,
 * which then fetch the new posts through the same permission checks as the page.
 *
 * Each process has its bus. With several instances behind one address (REDIS_URL set),
 * the bus is relayed through one Redis pub/sub channel, as ws-server does for documents:
 * a post written on instance A reaches the pages open on instance B. The event carries no
 * content (thread id and position only), so the channel leaks nothing a reader could not
 * ask the page for; each instance delivers its own events at once and ignores their echo.
 */
import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { DbOrTx } from '../db';
import { enqueue } from '../outbox';

export interface LivePostEvent {
	threadId: number;
	position: number;
}

/** The Redis channel every instance publishes to and listens on. */
export const LIVE_CHANNEL = 'reseau-cpts:forum:live';

export interface LiveBus {
	/** Announces a new post (call after the transaction that wrote it committed). */
	publishPost(event: LivePostEvent): void;
	/** Listens to a thread's new posts; returns the function that stops listening. */
	subscribeToThread(threadId: number, listener: (event: LivePostEvent) => void): () => void;
	/** How many pages listen to a thread (tests and metrics). */
	listenerCount(threadId: number): number;
	/**
	 * Relays this bus through Redis until the returned function is called. Resolves once
	 * subscribed, so an event published afterwards on another instance is not missed;
	 * rejects when Redis cannot be reached.
	 */
	connectRedis(redisUrl: string, log?: RelayLog): Promise<() => Promise<void>>;
}

interface RelayLog {
	warn(context: object, message: string): void;
}

interface RelayedEvent extends LivePostEvent {
	origin: string;
}

function isRelayedEvent(value: unknown): value is RelayedEvent {
	if (typeof value !== 'object' || value === null) return false;
	const { origin, threadId, position } = value as Record<string, unknown>;
	return typeof origin === 'string' && Number.isSafeInteger(threadId) && Number.isSafeInteger(position);
}

export function createLiveBus(): LiveBus {
	const bus = new EventEmitter();
	// One listener per open thread page: many readers is normal, not a leak.
	bus.setMaxListeners(0);
	const origin = randomUUID();
	let publisher: Redis | null = null;
	const emitLocally = (event: LivePostEvent) =>
		bus.emit(`thread:${event.threadId}`, { threadId: event.threadId, position: event.position });

	return {
		publishPost(event) {
			emitLocally(event);
			// Local pages never wait for Redis; a failed publish only costs other instances'
			// readers the live update (they still see the reply on their next load).
			publisher?.publish(LIVE_CHANNEL, JSON.stringify({ ...event, origin } satisfies RelayedEvent)).catch(() => {});
		},
		subscribeToThread(threadId, listener) {
			const name = `thread:${threadId}`;
			bus.on(name, listener);
			return () => bus.off(name, listener);
		},
		listenerCount(threadId) {
			return bus.listenerCount(`thread:${threadId}`);
		},
		async connectRedis(redisUrl, log) {
			const pub = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2 });
			const sub = new Redis(redisUrl, { lazyConnect: true });
			for (const client of [pub, sub]) client.on('error', (error) => log?.warn({ err: error }, 'forum live relay: redis error'));
			sub.on('message', (channel: string, message: string) => {
				if (channel !== LIVE_CHANNEL) return;
				let event: unknown;
				try {
					event = JSON.parse(message);
				} catch {
					event = null;
				}
				if (!isRelayedEvent(event)) {
					log?.warn({ channel }, 'forum live relay: unreadable message dropped');
					return;
				}
				if (event.origin !== origin) emitLocally(event);
			});
			try {
				await Promise.all([pub.connect(), sub.connect()]);
				await sub.subscribe(LIVE_CHANNEL);
			} catch (error) {
				pub.disconnect();
				sub.disconnect();
				throw error;
			}
			publisher = pub;
			return async () => {
				if (publisher === pub) publisher = null;
				await Promise.allSettled([sub.quit(), pub.quit()]);
			};
		}
	};
}

/**
 * This process's bus, on globalThis: the server entry (whose outbox worker publishes) and the
 * SvelteKit bundle (whose pages subscribe) each load their own copy of this module.
 */
const globalKey = Symbol.for('reseau-cpts.forum-live-bus');
const liveBus = ((globalThis as typeof globalThis & { [globalKey]?: LiveBus })[globalKey] ??= createLiveBus());

/** The outbox kind of a live "new post" event. */
export const POST_PUBLISHED = 'forum.post_published';

/** Queues the announcement of a new post, in the transaction that writes it. */
export async function queuePostPublished(tx: DbOrTx, event: LivePostEvent): Promise<void> {
	await enqueue(tx, POST_PUBLISHED, [{ threadId: event.threadId, position: event.position }]);
}

/** The outbox handler of POST_PUBLISHED: announces the post on this process's bus. */
export function publishQueuedPost(payload: Record<string, unknown>): void {
	const event = { threadId: Number(payload.threadId), position: Number(payload.position) };
	if (!Number.isSafeInteger(event.threadId) || !Number.isSafeInteger(event.position)) throw new Error('unreadable live post event');
	liveBus.publishPost(event);
}

export const subscribeToThread = (threadId: number, listener: (event: LivePostEvent) => void) =>
	liveBus.subscribeToThread(threadId, listener);
export const listenerCount = (threadId: number) => liveBus.listenerCount(threadId);
/** Called once by the serving process (hooks.server.ts init) when REDIS_URL is set. */
export const connectLiveRelay = (redisUrl: string, log?: RelayLog) => liveBus.connectRedis(redisUrl, log);
