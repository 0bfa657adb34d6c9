/** `npm run seed`: applies migrations, loads the demo network if absent and fills each feature's demo content. */
import { getDatabase } from '../../lib/server/db';
import { seedDemo } from '../../lib/server/demo';
import { migrateDatabase } from '../../lib/server/startup';
import { runCli } from './run';

await runCli(async () => {
	const database = await getDatabase();
	await migrateDatabase(database);
	const seeded = await seedDemo(database.db);
	console.log(
		seeded.network
			? `Réseau de démonstration chargé : ${JSON.stringify(seeded.network)}`
			: 'Réseau de démonstration déjà présent.'
	);
	console.log(`Contenus de démonstration : ${JSON.stringify(seeded.content)}`);
});
