/**
 * The transactional outbox: what a change must make happen outside the database (an e-mail,
 * a live event) is queued here, in the change's own transaction, and the worker (worker.ts)
 * delivers it after the commit. A rollback drops the effect with the change; a crash after
 * the commit only delays it. Delivery is at least once: a handler must tolerate a repeat
 * (a worker that dies between delivering and recording it).
 *
 * This module imports no feature: features import it to queue their effects, and the
 * server's composition root (handlers.ts) maps each kind to the feature that delivers it.
 */
import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { outboxJobs } from '../db/schema';

export type OutboxJob = typeof outboxJobs.$inferSelect;
export type OutboxStatus = 'pending' | 'processing' | 'delivered' | 'failed';
export const OUTBOX_STATUSES: readonly OutboxStatus[] = ['pending', 'processing', 'delivered', 'failed'];
/** The PostgreSQL channel the insert trigger (migration 0022) notifies at commit. */
export const OUTBOX_CHANNEL = 'outbox_jobs';

/**
 * Queues effects of one kind, one row each, in one statement. Call it with the transaction
 * of the change that causes them.
 */
export async function enqueue(tx: DbOrTx, kind: string, payloads: Record<string, unknown>[]): Promise<void> {
	if (payloads.length === 0) return;
	await tx.insert(outboxJobs).values(payloads.map((payload) => ({ kind, payload })));
}

/** A page of the outbox, newest first; `before` is the id the previous page ended at. */
export async function listOutboxJobs(
	db: DbOrTx,
	options: { limit?: number; before?: number | null; status?: OutboxStatus | null } = {}
): Promise<{ jobs: OutboxJob[]; nextBefore: number | null }> {
	const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
	// A cursor comes from the URL: anything but a positive id means the first page.
	const before = Number.isSafeInteger(options.before) && options.before! > 0 ? options.before! : null;
	const rows = await db
		.select()
		.from(outboxJobs)
		.where(and(before ? lt(outboxJobs.id, before) : undefined, options.status ? eq(outboxJobs.status, options.status) : undefined))
		.orderBy(desc(outboxJobs.id))
		.limit(limit + 1);
	const jobs = rows.slice(0, limit);
	return { jobs, nextBefore: rows.length > limit ? jobs[jobs.length - 1].id : null };
}

/** How many effects are not delivered yet, by status (the admin home page). */
export async function countUndelivered(db: DbOrTx): Promise<{ pending: number; failed: number }> {
	const rows = await db
		.select({ status: outboxJobs.status, value: sql<number>`count(*)::int` })
		.from(outboxJobs)
		.where(inArray(outboxJobs.status, ['pending', 'processing', 'failed']))
		.groupBy(outboxJobs.status);
	const of = (status: string) => rows.find((row) => row.status === status)?.value ?? 0;
	return { pending: of('pending') + of('processing'), failed: of('failed') };
}

/**
 * Makes a waiting or failed effect due now (a failed one gets a fresh round of attempts).
 * False when there is no such row, or it is being delivered or already delivered.
 */
export async function retryOutboxJob(db: DbOrTx, jobId: number): Promise<boolean> {
	if (!Number.isSafeInteger(jobId) || jobId <= 0) return false;
	const rows = await db
		.update(outboxJobs)
		.set({ status: 'pending', nextAttemptAt: new Date(), attempts: sql`case when ${outboxJobs.status} = 'failed' then 0 else ${outboxJobs.attempts} end` })
		.where(and(eq(outboxJobs.id, jobId), inArray(outboxJobs.status, ['pending', 'failed'])))
		.returning({ id: outboxJobs.id });
	if (rows.length === 0) return false;
	// The trigger only fires on insert: wake the workers for this update too.
	await db.execute(sql`select pg_notify(${OUTBOX_CHANNEL}, '')`);
	return true;
}
