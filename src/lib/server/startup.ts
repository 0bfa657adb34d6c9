/** What must happen before the site serves: migrations, then demo data when wanted. */
import { getConfig } from './config';
import { getDatabase, type Database } from './db';
import { loadReferential, type LoadOutcome } from './geo/referential';
import { getLogger } from './logger';
import { snapshotCoverage } from './territories/coverage';
import { rewriteAllTerritoryFigures } from './territories/territory';

/**
 * Migrations, then the INSEE referential when the installed package is newer than the loaded
 * one (npm start, npm run migrate and npm run seed all go through here).
 */
export async function migrateDatabase(database: Database, options: { reloadReferential?: boolean } = {}): Promise<LoadOutcome> {
	await database.migrate();
	const referential = await loadReferential(database.db, { force: options.reloadReferential });
	if (referential.loaded && (await rewriteAllTerritoryFigures(database.db)) > 0) {
		// A new vintage moves populations: the trend shows the step with its reason.
		await snapshotCoverage(database.db, 'referential');
	}
	return referential;
}

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
		const referential = await migrateDatabase(database);
		log.info({ ms: Date.now() - started, database: database.kind, referential }, 'migrations applied');
		if (database.kind === 'pglite' || getConfig().demoMode) {
			const { seedDemo } = await import('./demo');
			const seeded = await seedDemo(database.db);
			log.info(seeded, 'demo data ready');
		}
	})();
	return prepared;
}
