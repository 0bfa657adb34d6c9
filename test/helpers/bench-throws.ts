/**
 * A bench entry point whose seeding throws halfway, as a real one does: a database pool and
 * a listening server are open when it throws (run by test/integration/bench-exit.test.ts).
 */
import { createServer } from 'node:net';
import { openDatabase } from '../../src/lib/server/db';
import { runBenchMain } from '../../bench/lib/main';

await runBenchMain(async () => {
	const database = await openDatabase({ kind: 'postgres', url: process.env.DATABASE_URL! });
	await database.db.execute('select 1');
	createServer().listen(0, '127.0.0.1');
	throw new Error('seeding failed: demo territory 99999 unknown');
});
