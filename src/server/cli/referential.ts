/**
 * `npm run referentiel`: loads the INSEE referential of the installed
 * @etalab/decoupage-administratif again (after `npm install @etalab/decoupage-administratif@X`
 * for a newer COG). Territories keep their codes; units that left the COG are marked retired.
 */
import { getDatabase } from '../../lib/server/db';
import { migrateDatabase } from '../../lib/server/startup';
import { runCli } from './run';

await runCli(async () => {
	const database = await getDatabase();
	// Territories' populations are written again from the new vintage, and a snapshot marks the step.
	const outcome = await migrateDatabase(database, { reloadReferential: true });
	console.log(`Référentiel géographique chargé : COG ${outcome.vintage} (${outcome.packageVersion}), ${outcome.communes} communes et arrondissements.`);
});
