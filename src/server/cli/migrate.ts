/** `npm run migrate`: applies pending migrations to the configured database. */
import { getDatabase } from '../../lib/server/db';
import { runCli } from './run';

await runCli(async () => {
	const database = await getDatabase();
	await database.migrate();
	console.log(`Migrations appliquées (${database.kind}).`);
});
