/** What must happen before the site serves: migrations, then demo data when wanted. */
import { getConfig } from './config';
import { getDatabase } from './db';
import { getLogger } from './logger';

let prepared: Promise<void> | undefined;

/**
 * Applies pending migrations; on the embedded database (or with DEMO_MODE), seeds the demo
 * network the first time and each feature's missing demo content. Safe to call from several places: it runs once per process.
 */
export function prepareDatabase(): Promise<void> {
	prepared ??= (async () => {
		const log = getLogger();
		const database = await getDatabase();
		const started = Date.now();
		await database.migrate();
		log.info({ ms: Date.now() - started, database: database.kind }, 'migrations applied');
		if (database.kind === 'pglite' || getConfig().demoMode) {
			const { seedDemo } = await import('./demo');
			const seeded = await seedDemo(database.db);
			log.info(seeded, 'demo data ready');
		}
	})();
	return prepared;
}
