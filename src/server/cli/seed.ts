/** `npm run seed`: applies migrations and loads the demo network if the database has none. */
import { closeDatabase, getDatabase } from '../../lib/server/db';
import { seedDemoNetworkIfEmpty } from '../../lib/server/demo/seed';

const database = await getDatabase();
await database.migrate();
const seeded = await seedDemoNetworkIfEmpty(database.db);
console.log(seeded ? `Réseau de démonstration chargé : ${JSON.stringify(seeded)}` : 'Données de démonstration déjà présentes : rien à faire.');
await closeDatabase();
