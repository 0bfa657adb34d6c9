/**
 * The outbox in tests: no worker runs in the background, so a test that expects an effect
 * (a mail at the SMTP server, a live event) delivers what is due, as the worker would.
 */
import { getDatabase } from '../../src/lib/server/db';
import { outboxHandlers } from '../../src/lib/server/outbox/handlers';
import { createOutboxWorker } from '../../src/lib/server/outbox/worker';

/** Delivers every outbox row due now with the product's handlers; returns how many were attempted. */
export async function drainOutbox(): Promise<number> {
	const database = await getDatabase();
	return createOutboxWorker({ database, handlers: outboxHandlers(database) }).drain();
}
