/** `npm run migrate`: applies pending migrations to the configured database. */
import { closeDatabase, getDatabase } from '../../lib/server/db';

const database = await getDatabase();
await database.migrate();
console.log(`Migrations appliquées (${database.kind}).`);
await closeDatabase();
