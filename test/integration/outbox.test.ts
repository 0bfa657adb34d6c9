/**
 * The transactional outbox: an effect exists if and only if the change that queued it
 * committed; a reply writes its notifications (one batch) and queues its live event in its
 * own transaction, and the worker delivers the event; the worker wakes on the commit's
 * NOTIFY; a row whose worker died is taken again after its lease; two workers on one
 * database never deliver a row twice (FOR UPDATE SKIP LOCKED), on PostgreSQL with two
 * connection pools. Backoff and giving up are tested with a real SMTP server in
 * mail-smtp.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import type { Database } from '../../src/lib/server/db';
import { mailOutbox, notifications, outboxJobs } from '../../src/lib/server/db/schema';
import { ensureCategory, replyToThread, startThread } from '../../src/lib/server/forum';
import { POST_PUBLISHED, subscribeToThread, type LivePostEvent } from '../../src/lib/server/forum/live';
import { queueMail } from '../../src/lib/server/mail';
import { enqueue, retryOutboxJob } from '../../src/lib/server/outbox';
import { backoffDelay, createOutboxWorker, type OutboxHandlers } from '../../src/lib/server/outbox/worker';
import { testDatabaseKind, useTestDatabase } from '../helpers/db';
import { forumViewerOf, threadInput } from '../helpers/forum';
import { makeUser } from '../helpers/factories';
import { drainOutbox } from '../helpers/outbox';

const testDb = useTestDatabase();

/** A kind only these tests queue, so rows other tests leave behind never mix in. */
let kindCounter = 0;
const freshKind = () => `test.effect.${++kindCounter}`;

const jobsOf = (kind: string) => testDb.db.select().from(outboxJobs).where(eq(outboxJobs.kind, kind)).orderBy(outboxJobs.id);

const mail = { template: 'test_mail', locale: 'fr' as const, subject: ['notifications.kind.system.title', { message: 'Essai' }] as const, paragraphs: [] };

describe('written with the change, or not at all', () => {
	it('a rolled-back transaction leaves neither the mail nor its effect; a committed one leaves both', async () => {
		const kind = freshKind();
		await expect(
			testDb.db.transaction(async (tx) => {
				await enqueue(tx, kind, [{ n: 1 }]);
				await queueMail(tx, 'annulee@exemple.fr', { ...mail, subject: [...mail.subject] });
				throw new Error('the change fails after queuing its effects');
			})
		).rejects.toThrow('the change fails');
		expect(await jobsOf(kind)).toHaveLength(0);
		expect(await testDb.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, 'annulee@exemple.fr'))).toHaveLength(0);

		await testDb.db.transaction((tx) => enqueue(tx, kind, [{ n: 2 }, { n: 3 }]));
		const rows = await jobsOf(kind);
		expect(rows.map((row) => [row.payload, row.status, row.attempts])).toEqual([
			[{ n: 2 }, 'pending', 0],
			[{ n: 3 }, 'pending', 0]
		]);
		// Nobody delivers this kind: leave nothing for the workers of the next tests.
		await testDb.db.delete(outboxJobs).where(eq(outboxJobs.kind, kind));
	});

	it('a reply writes its notifications in one batch and queues its live event; the worker then announces it', async () => {
		const category = await ensureCategory({ slug: 'outbox-parcours', name: 'Parcours' });
		const author = await makeUser(testDb.db, { name: 'Inès Auteur' });
		const replier = await makeUser(testDb.db, { name: 'Omar Répond' });
		const mentioned = await makeUser(testDb.db, { name: 'Zoé Citée' });
		const { threadId } = await startThread(testDb.db, await forumViewerOf(testDb.db, author), category.id, threadInput('Sortie d’hospitalisation', 'Comment faites-vous ?'));

		const heard: LivePostEvent[] = [];
		const stop = subscribeToThread(threadId, (event) => heard.push(event));
		try {
			const before = await testDb.db.select({ id: outboxJobs.id }).from(outboxJobs);
			const { position } = await replyToThread(testDb.db, await forumViewerOf(testDb.db, replier), threadId, 'Nous appelons le patient à J+2, @zoe-citee aussi.');
			// Queued, not yet announced: the request does not publish anything itself.
			expect(heard).toEqual([]);
			const queued = await testDb.db
				.select()
				.from(outboxJobs)
				.where(eq(outboxJobs.kind, POST_PUBLISHED));
			expect(queued.filter((row) => !before.some((old) => old.id === row.id)).map((row) => row.payload)).toEqual([{ threadId, position }]);
			const written = await testDb.db
				.select({ userId: notifications.userId, kind: notifications.kind })
				.from(notifications)
				.where(inArray(notifications.userId, [author.id, mentioned.id, replier.id]));
			expect(written).toEqual(
				expect.arrayContaining([
					{ userId: author.id, kind: 'forum.reply' },
					{ userId: mentioned.id, kind: 'forum.mention' }
				])
			);
			expect(written.filter((row) => row.userId === replier.id)).toEqual([]);

			await drainOutbox();
			expect(heard).toEqual([{ threadId, position }]);
		} finally {
			stop();
		}
	});
});

describe('the worker', () => {
	it('wakes on the commit that queues an effect, without polling', async () => {
		const kind = freshKind();
		let delivered!: (payload: Record<string, unknown>) => void;
		const arrived = new Promise<Record<string, unknown>>((resolve) => (delivered = resolve));
		// A poll far beyond the test's timeout: only the NOTIFY can bring the row in time.
		const worker = createOutboxWorker({ database: testDb.database, handlers: { [kind]: (payload) => delivered(payload) }, pollMs: 3_600_000 });
		await worker.start();
		try {
			await testDb.db.transaction((tx) => enqueue(tx, kind, [{ wake: 'commit' }]));
			expect(await arrived).toEqual({ wake: 'commit' });
		} finally {
			await worker.stop();
		}
		await expect.poll(async () => (await jobsOf(kind))[0].status).toBe('delivered');
	});

	it('takes a row back once the lease of the worker that claimed it is over, and retry now makes a waiting row due', async () => {
		const kind = freshKind();
		const start = new Date('2027-03-01T08:00:00Z');
		let clock = start;
		const delivered: unknown[] = [];
		const worker = createOutboxWorker({
			database: testDb.database,
			handlers: { [kind]: (payload) => void delivered.push(payload) },
			leaseMs: 60_000,
			now: () => clock
		});
		await testDb.db.insert(outboxJobs).values({ kind, payload: { stuck: true }, status: 'processing', attempts: 1, nextAttemptAt: new Date(start.getTime() + 30_000) });
		expect(await worker.drain()).toBe(0); // Its worker may still be at it.
		clock = new Date(start.getTime() + 30_000);
		expect(await worker.drain()).toBe(1);
		expect(delivered).toEqual([{ stuck: true }]);
		expect((await jobsOf(kind))[0]).toMatchObject({ status: 'delivered', attempts: 2 });

		await testDb.db.insert(outboxJobs).values({ kind, payload: { later: true }, nextAttemptAt: new Date(start.getTime() + 3_600_000) });
		expect(await worker.drain()).toBe(0);
		const [, waiting] = await jobsOf(kind);
		expect(await retryOutboxJob(testDb.db, waiting.id)).toBe(true);
		clock = new Date(); // retry now uses the real clock
		expect(await worker.drain()).toBe(1);
		expect(delivered).toEqual([{ stuck: true }, { later: true }]);
		// Delivered rows are not retried.
		expect(await retryOutboxJob(testDb.db, waiting.id)).toBe(false);
	});

	it('doubles the wait after each failure, up to its cap', () => {
		expect([1, 2, 3, 4].map((attempts) => backoffDelay(attempts, 30_000, 3_600_000))).toEqual([30_000, 60_000, 120_000, 240_000]);
		expect(backoffDelay(12, 30_000, 3_600_000)).toBe(3_600_000);
	});

	it(`two workers on one database (${testDatabaseKind()}, two connection pools on PostgreSQL) never deliver a row twice`, async () => {
		const kind = freshKind();
		const total = 300;
		await testDb.db.transaction((tx) => enqueue(tx, kind, Array.from({ length: total }, (_, n) => ({ n }))));
		const deliveries: { worker: string; n: number }[] = [];
		const handlersFor = (worker: string): OutboxHandlers => ({
			[kind]: async (payload) => {
				deliveries.push({ worker, n: Number(payload.n) });
				// Give the other worker's claim a chance to run while this batch is out.
				await new Promise((resolve) => setImmediate(resolve));
			}
		});
		const other: Database = testDatabaseKind() === 'postgres' ? await testDb.reopen() : testDb.database;
		try {
			const first = createOutboxWorker({ database: testDb.database, handlers: handlersFor('first'), batchSize: 10 });
			const second = createOutboxWorker({ database: other, handlers: handlersFor('second'), batchSize: 10 });
			const [byFirst, bySecond] = await Promise.all([first.drain(), second.drain()]);
			expect(byFirst + bySecond).toBe(total);
		} finally {
			if (other !== testDb.database) await other.close();
		}
		const numbers = deliveries.map((delivery) => delivery.n).sort((a, b) => a - b);
		expect(numbers).toEqual(Array.from({ length: total }, (_, n) => n));
		if (testDatabaseKind() === 'postgres') expect(new Set(deliveries.map((delivery) => delivery.worker)).size).toBe(2);
		expect(new Set((await jobsOf(kind)).map((row) => `${row.status} ${row.attempts}`))).toEqual(new Set(['delivered 1']));
	});
});
