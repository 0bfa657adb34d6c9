/**
 * @hocuspocus/server 4.x with its own PostgreSQL persistence path, @hocuspocus/extension-database:
 * fetch reads the stored state (bytea), store writes the full state (Hocuspocus debounces
 * it, 2 s and at most 10 s by default, and stores on the last disconnect). Default
 * configuration otherwise (no auth hook, no Redis).
 *
 * Env: PORT, DATABASE_URL. GET /memory answers the heap after a full GC (node --expose-gc).
 */
import { Database } from '@hocuspocus/extension-database';
import { Server } from '@hocuspocus/server';
import postgres from 'postgres';

const sql = postgres(process.env.DATABASE_URL, { max: 4, onnotice: () => {} });
const SERVER = 'hocuspocus';

const server = new Server({
	port: Number(process.env.PORT),
	address: '127.0.0.1',
	quiet: true,
	stopOnSignals: false,
	extensions: [
		new Database({
			fetch: async ({ documentName }) => {
				const rows = await sql`select state from bench_peer_documents where server = ${SERVER} and name = ${documentName}`;
				return rows[0] ? new Uint8Array(rows[0].state) : null;
			},
			store: async ({ documentName, state }) => {
				await sql`insert into bench_peer_documents (server, name, state) values (${SERVER}, ${documentName}, ${Buffer.from(state)})
					on conflict (server, name) do update set state = excluded.state`;
			}
		})
	],
	async onRequest({ request, response, instance }) {
		if (request.url !== '/memory') return;
		global.gc?.();
		global.gc?.();
		response.writeHead(200, { 'content-type': 'application/json' });
		response.end(JSON.stringify({ ...process.memoryUsage(), documents: instance.getDocumentsCount() }));
		throw null; // answered: Hocuspocus stops here
	}
});
await server.listen();
process.on('SIGTERM', () => {
	void server
		.destroy()
		.then(() => sql.end())
		.then(() => process.exit(0));
});
