/**
 * Our ws-server as the collaboration bench runs it: the same createCollabServer as
 * `npm run ws-server` (PostgreSQL persistence, session-cookie auth on every connection,
 * default limits and timings), on its own HTTP server, without Redis like the peers.
 * Only the connection quotas are raised: every bench client signs in as one user.
 *
 * Env: PORT, DATABASE_URL. GET /memory answers the heap after a full GC (node --expose-gc),
 * GET /metrics ws-server's metrics (messages received, for the presence bench).
 */
import { createServer } from 'node:http';
import pino from 'pino';
import { openDatabase } from '../../src/lib/server/db';
import { createCollabServer } from '../../ws-server/server';

const database = await openDatabase({ kind: 'postgres', url: process.env.DATABASE_URL! });
const collab = createCollabServer({
	db: database.db,
	redisUrl: null,
	origin: null,
	logger: pino({ level: 'warn' }),
	limits: { maxConnectionsPerUser: 100_000, maxConnectionsPerDocument: 1_000 }
});
await collab.ready;

const server = createServer((request, response) => {
	if (request.url === '/metrics') {
		response.writeHead(200, { 'content-type': 'application/json' });
		response.end(JSON.stringify(collab.metrics()));
		return;
	}
	if (request.url === '/memory') {
		globalThis.gc?.();
		globalThis.gc?.();
		response.writeHead(200, { 'content-type': 'application/json' });
		response.end(JSON.stringify({ ...process.memoryUsage(), documents: collab.metrics().documentsLoaded }));
		return;
	}
	response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
});
server.on('upgrade', (request, socket, head) => collab.handleUpgrade(request, socket, head));
server.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => {
	void (async () => {
		await collab.close();
		server.closeAllConnections();
		server.close();
		await database.close();
		process.exit(0);
	})();
});
