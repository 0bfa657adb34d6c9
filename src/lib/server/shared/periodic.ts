/** Jobs the serving process runs on a timer (reminders, snapshots): once at start, then every interval. */
import type { DbOrTx } from '../db';
import { getLogger } from '../logger';

/**
 * Runs `job` now and every `intervalMs`; a failure is logged with `name` and the next tick
 * tries again. The timer does not keep the process alive. Returns the function that stops it.
 */
export function startPeriodicJob(name: string, getDatabase: () => Promise<DbOrTx>, job: (db: DbOrTx) => Promise<unknown>, intervalMs: number): () => void {
	const tick = async () => {
		try {
			await job(await getDatabase());
		} catch (caught) {
			getLogger().error({ err: caught }, `${name} failed`);
		}
	};
	const timer = setInterval(tick, intervalMs);
	timer.unref();
	void tick();
	return () => clearInterval(timer);
}
