/**
 * What delivers each kind of outbox effect: the composition root of the outbox (features
 * queue their effects through outbox/index.ts and never import this file).
 */
import { getDatabase, type Database } from '../db';
import { MAIL_SEND, deliverQueuedMail } from '../mail';
import { POST_PUBLISHED, publishQueuedPost } from '../forum/live';
import { COMMENTS_CHANGED, deliverCommentsChanged } from '../drafts/live';
import { DATA_EXPORT, buildQueuedExport } from '../privacy/export';
import { createOutboxWorker, type OutboxHandlers, type OutboxWorker, type OutboxWorkerOptions } from './worker';

/** The handlers of every kind the product queues. */
export function outboxHandlers(database: Pick<Database, 'db'>): OutboxHandlers {
	return {
		[MAIL_SEND]: (payload) => deliverQueuedMail(database.db, payload),
		[POST_PUBLISHED]: (payload) => publishQueuedPost(payload),
		[COMMENTS_CHANGED]: (payload) => deliverCommentsChanged(payload),
		[DATA_EXPORT]: (payload) => buildQueuedExport(database.db, payload)
	};
}

/**
 * Starts the process's outbox worker on the process database (the serving process only).
 * Resolves to the function that stops it.
 */
export async function startOutboxWorker(options: Partial<Omit<OutboxWorkerOptions, 'database' | 'handlers'>> = {}): Promise<() => Promise<void>> {
	const database = await getDatabase();
	const worker: OutboxWorker = createOutboxWorker({ ...options, database, handlers: outboxHandlers(database) });
	await worker.start();
	return () => worker.stop();
}
