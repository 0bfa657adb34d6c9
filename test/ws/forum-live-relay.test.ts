/**
 * Live forum replies across instances: two buses (two app instances) relayed through a
 * real Redis. A reply posted on one reaches the thread pages open on the other, once.
 */
import { randomInt } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { createLiveBus, LIVE_CHANNEL, type LivePostEvent } from '../../src/lib/server/forum/live';
import { REDIS_URL, waitFor } from './helpers';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
	await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

async function connectedBus() {
	const bus = createLiveBus();
	cleanups.push(await bus.connectRedis(REDIS_URL));
	return bus;
}

// Other suites on this Redis may use the channel too: each test has threads of its own.
const someThread = () => randomInt(1_000_000, 2_000_000_000);

function record(bus: ReturnType<typeof createLiveBus>, threadId: number) {
	const received: LivePostEvent[] = [];
	const stop = bus.subscribeToThread(threadId, (event) => received.push(event));
	cleanups.push(async () => stop());
	return received;
}

describe('forum live relay through Redis', () => {
	it('delivers a post to the pages of both instances exactly once, and only for its thread', async () => {
		const [first, second] = [await connectedBus(), await connectedBus()];
		const thread = someThread();
		const other = someThread();
		const onFirst = record(first, thread);
		const onSecond = record(second, thread);
		const otherOnSecond = record(second, other);

		first.publishPost({ threadId: thread, position: 12 });
		// The local page has it at once, without a round trip to Redis.
		expect(onFirst).toEqual([{ threadId: thread, position: 12 }]);
		await waitFor(() => onSecond.length > 0, 'the other instance to receive the post');

		// A later post from the second instance: if an echo of the first were coming, it
		// would arrive before this one (one channel, one order).
		second.publishPost({ threadId: thread, position: 13 });
		await waitFor(() => onFirst.length >= 2, 'the first instance to receive the second post');
		expect(onFirst).toEqual([
			{ threadId: thread, position: 12 },
			{ threadId: thread, position: 13 }
		]);
		expect(onSecond).toEqual([
			{ threadId: thread, position: 12 },
			{ threadId: thread, position: 13 }
		]);
		expect(otherOnSecond).toEqual([]);
	});

	it('drops unreadable messages on the channel and keeps relaying', async () => {
		const [first, second] = [await connectedBus(), await connectedBus()];
		const thread = someThread();
		const onSecond = record(second, thread);
		const raw = new Redis(REDIS_URL);
		cleanups.push(async () => void (await raw.quit()));
		for (const junk of ['{', 'null', '"texte"', JSON.stringify({ origin: 'x', threadId: 'DROP TABLE', position: 1 })]) {
			await raw.publish(LIVE_CHANNEL, junk);
		}
		await raw.publish(LIVE_CHANNEL, JSON.stringify({ origin: 'x', threadId: thread, position: 1.5 }));

		first.publishPost({ threadId: thread, position: 2 });
		await waitFor(() => onSecond.length > 0, 'the valid post after the junk');
		expect(onSecond).toEqual([{ threadId: thread, position: 2 }]);
	});

	it('stops relaying once disconnected, while local pages still get their posts', async () => {
		const first = createLiveBus();
		const disconnect = await first.connectRedis(REDIS_URL);
		const second = await connectedBus();
		const thread = someThread();
		const onFirst = record(first, thread);
		const onSecond = record(second, thread);
		await disconnect();

		first.publishPost({ threadId: thread, position: 1 });
		expect(onFirst).toHaveLength(1);
		// A marker through Redis proves the channel is flowing: the first post would be ahead of it.
		const marker = createLiveBus();
		cleanups.push(await marker.connectRedis(REDIS_URL));
		marker.publishPost({ threadId: thread, position: 99 });
		await waitFor(() => onSecond.length > 0, 'the marker');
		expect(onSecond).toEqual([{ threadId: thread, position: 99 }]);
	});

	it('refuses to connect to an unreachable Redis with an error instead of hanging', async () => {
		const bus = createLiveBus();
		await expect(bus.connectRedis('redis://127.0.0.1:1')).rejects.toThrow();
	});
});
