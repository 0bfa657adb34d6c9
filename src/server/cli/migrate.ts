/** `npm run migrate`: applies pending migrations and loads the INSEE referential if newer. */
import { getDatabase } from '../../lib/server/db';
import { migrateDatabase } from '../../lib/server/startup';
import { runCli } from './run';

await runCli(async () => {
	const database = await getDatabase();
	const referential = await migrateDatabase(database);
	console.log(`Migrations appliquées (${database.kind}).`);
	console.log(
		referential.loaded
			? `Référentiel géographique chargé : COG ${referential.vintage} (${referential.communes} communes et arrondissements).`
			: `Référentiel géographique à jour : COG ${referential.vintage}.`
	);
});
