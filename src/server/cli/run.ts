/**
 * How each command-line script runs its work: then closes every connection the work may
 * have opened, so the process ends by itself, whether the work succeeded or not. Besides
 * the database, a change of memberships or rights is announced to the collaboration
 * servers through Redis when REDIS_URL is set (collab/registry.ts), and that client,
 * left open, kept `npm run seed` running forever.
 */
import { closeSiteFanout } from '../../lib/server/collab/registry';
import { closeDatabase } from '../../lib/server/db';

/** Runs `work`, then closes the database and Redis clients; a failure sets exit code 1. */
export async function runCli(work: () => Promise<void>): Promise<void> {
	try {
		await work();
	} catch (error) {
		console.error(error);
		process.exitCode = 1;
	} finally {
		await closeSiteFanout();
		await closeDatabase();
	}
}
