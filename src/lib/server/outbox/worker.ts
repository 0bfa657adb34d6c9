/**
 * The outbox worker: claims due rows in batches, runs each kind's handler, records the
 * outcome, and retries failures with exponential backoff until `maxAttempts`, then marks
 * the row 'failed' (an admin may retry it from /admin/outbox).
 *
 * Several workers (instances) may share one database. A claim is one statement that locks
 * due rows with FOR UPDATE SKIP LOCKED, so two claims never take the same row, and moves
 * them to 'processing' with a lease (next_attempt_at in `leaseMs`): a row whose worker died
 * is claimed again once its lease is over. Outcomes are written only by the claim that owns
 * the row (same attempts count, still 'processing').
 *
 * Waking: the insert trigger NOTIFYs at commit and the worker LISTENs, so an effect is
 * delivered right after the transaction that queued it; a timer covers the next retry and
 * polls in case a notification was missed (connection lost).
 */
import { sql } from 'drizzle-orm';
import type { Database, Db } from '../db';
import { rowsOf } from '../db';
import { getLogger } from '../logger';
import { OUTBOX_CHANNEL } from './index';

export interface ClaimedJob {
	id: number;
	kind: string;
	payload: Record<string, unknown>;
	/** This attempt's number (1 for the first). */
	attempts: number;
}

/** Delivers one effect; throwing makes it retried later. */
export type OutboxHandler = (payload: Record<string, unknown>, job: ClaimedJob) => Promise<void> | void;
export type OutboxHandlers = Readonly<Record<string, OutboxHandler>>;

export interface OutboxWorkerOptions {
	database: Pick<Database, 'db' | 'listen'>;
	handlers: OutboxHandlers;
	/** Rows claimed (and delivered concurrently) at a time. */
	batchSize?: number;
	/** Attempts before a row is marked failed. */
	maxAttempts?: number;
	/** Delay after the first failure; doubles with each one, up to `maxDelayMs`. */
	baseDelayMs?: number;
	maxDelayMs?: number;
	/** How long a claimed row stays with its worker before another may take it. */
	leaseMs?: number;
	/** Longest sleep between two looks when nothing wakes the worker. */
	pollMs?: number;
	/** The clock (tests move it to make retries due). */
	now?: () => Date;
}

export interface OutboxWorker {
	/** Listens for commits and delivers what is due; resolves once listening. */
	start(): Promise<void>;
	/** Makes the worker look now (coalesced with a run in progress). */
	wake(): void;
	/** Delivers every row due now, batch after batch; returns how many were attempted. */
	drain(): Promise<number>;
	/** Stops listening and waits for the deliveries in progress. */
	stop(): Promise<void>;
}

export const OUTBOX_DEFAULTS = {
	batchSize: 20,
	maxAttempts: 8,
	baseDelayMs: 30_000,
	maxDelayMs: 3_600_000,
	// Longer than any SMTP exchange (nodemailer's own timeouts are shorter), so a slow
	// delivery is never claimed twice.
	leaseMs: 15 * 60_000,
	pollMs: 30_000
} as const;

const ERROR_LENGTH = 500;

/** The wait before the next attempt, after `attempts` failed ones: base, 2×base, 4×base… capped. */
export function backoffDelay(attempts: number, baseDelayMs: number = OUTBOX_DEFAULTS.baseDelayMs, maxDelayMs: number = OUTBOX_DEFAULTS.maxDelayMs): number {
	return Math.min(baseDelayMs * 2 ** Math.max(attempts - 1, 0), maxDelayMs);
}

export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
	const settings = { ...OUTBOX_DEFAULTS, ...withoutUndefined(options) };
	const now = options.now ?? (() => new Date());
	const db: Db = options.database.db;
	const log = getLogger().child({ component: 'outbox' });

	async function claim(): Promise<ClaimedJob[]> {
		const at = now();
		// MATERIALIZED: the locking select runs once, so the batch never exceeds its limit.
		const result = await db.execute(sql`
			with due as materialized (
				select id from outbox_jobs
				where status in ('pending', 'processing') and next_attempt_at <= ${at.toISOString()}::timestamptz
				order by next_attempt_at, id
				limit ${settings.batchSize}
				for update skip locked
			)
			update outbox_jobs set status = 'processing', attempts = outbox_jobs.attempts + 1,
				next_attempt_at = ${new Date(at.getTime() + settings.leaseMs).toISOString()}::timestamptz
			from due where outbox_jobs.id = due.id
			returning outbox_jobs.id, outbox_jobs.kind, outbox_jobs.payload, outbox_jobs.attempts`);
		return rowsOf<{ id: number | string; kind: string; payload: Record<string, unknown>; attempts: number }>(result).map((row) => ({
			id: Number(row.id),
			kind: row.kind,
			payload: row.payload,
			attempts: Number(row.attempts)
		}));
	}

	async function deliver(job: ClaimedJob): Promise<void> {
		const owned = sql`id = ${job.id} and status = 'processing' and attempts = ${job.attempts}`;
		try {
			const handler = options.handlers[job.kind];
			if (!handler) throw new Error(`no outbox handler for kind ${job.kind}`);
			await handler(job.payload, job);
			await db.execute(sql`update outbox_jobs set status = 'delivered', delivered_at = ${now().toISOString()}::timestamptz where ${owned}`);
		} catch (error) {
			const message = (error instanceof Error ? error.message : String(error)).slice(0, ERROR_LENGTH);
			const givingUp = job.attempts >= settings.maxAttempts;
			const retryAt = new Date(now().getTime() + backoffDelay(job.attempts, settings.baseDelayMs, settings.maxDelayMs));
			log[givingUp ? 'error' : 'warn']({ err: error, jobId: job.id, kind: job.kind, attempts: job.attempts }, givingUp ? 'outbox effect failed for good' : 'outbox effect failed, will retry');
			await db.execute(sql`
				update outbox_jobs set status = ${givingUp ? 'failed' : 'pending'}, last_error = ${message},
					next_attempt_at = ${retryAt.toISOString()}::timestamptz
				where ${owned}`);
		}
	}

	async function drain(): Promise<number> {
		let attempted = 0;
		for (;;) {
			const jobs = await claim();
			attempted += jobs.length;
			await Promise.all(jobs.map(deliver));
			if (jobs.length < settings.batchSize) return attempted;
		}
	}

	/** Milliseconds until the earliest pending row is due (at most pollMs). */
	async function delayUntilNextDue(): Promise<number> {
		const [row] = rowsOf<{ next: string | Date | null }>(
			await db.execute(sql`select min(next_attempt_at) as next from outbox_jobs where status in ('pending', 'processing')`)
		);
		if (!row?.next) return settings.pollMs;
		return Math.min(Math.max(new Date(row.next).getTime() - now().getTime(), 0), settings.pollMs);
	}

	let stopped = false;
	let running: Promise<void> | null = null;
	let again = false;
	let timer: ReturnType<typeof setTimeout> | undefined;
	let unlisten: (() => Promise<void>) | null = null;

	function wake(): void {
		if (stopped) return;
		if (running) {
			again = true;
			return;
		}
		clearTimeout(timer);
		running = (async () => {
			for (;;) {
				again = false;
				let delay: number = settings.pollMs;
				try {
					await drain();
					if (stopped) return;
					delay = await delayUntilNextDue();
				} catch (error) {
					// The database is away (restart, network): look again at the next poll.
					log.error({ err: error }, 'outbox worker run failed');
				}
				if (stopped) return;
				if (again) continue;
				timer = setTimeout(wake, delay);
				timer.unref?.();
				return;
			}
		})().finally(() => {
			running = null;
		});
	}

	return {
		async start() {
			unlisten = await options.database.listen(OUTBOX_CHANNEL, wake);
			wake();
		},
		wake,
		drain,
		async stop() {
			stopped = true;
			clearTimeout(timer);
			await unlisten?.().catch(() => {});
			unlisten = null;
			await running;
		}
	};
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
	return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}
