/**
 * `npm run ws-server`: the collaboration server as its own process, on WS_PORT, against
 * PostgreSQL (several of these can run behind one address with REDIS_URL). It answers
 * /healthz, websockets under /collab/, and /admin/collab/metrics for admins. SIGTERM
 * closes connections (clients reconnect), writes every document, then exits 0.
 */
import { createServer } from 'node:http';
import { hasRole } from '../src/lib/server/auth/guards';
import { sessionTokenFromCookieHeader, validateSessionToken } from '../src/lib/server/auth/session';
import { COLLAB_PATH_PREFIX } from '../src/lib/server/collab/names';
import { getConfigOrExit } from '../src/lib/server/config';
import { closeDatabase, getDatabase, getDb } from '../src/lib/server/db';
import { getLogger } from '../src/lib/server/logger';
import { createCollabServer } from './server';
import { automaticVersionHooks } from '../src/lib/server/drafts/versions';

const config = getConfigOrExit();
if (!config.DATABASE_URL) {
	// Two processes on one PGlite folder would corrupt it: the embedded database is only for
	// the single-process start (npm start), which serves /collab/ itself.
	console.error('ws-server : DATABASE_URL est requis (PostgreSQL). Sans lui, `npm start` sert déjà /collab/.');
	process.exit(1);
}

const log = getLogger().child({ component: 'ws-server' });
const database = await getDatabase();
await database.migrate();
const collab = createCollabServer({ redisUrl: config.REDIS_URL ?? null, hooks: automaticVersionHooks(getDb) });
// Not awaited: with Redis down, this instance still serves its own clients, and catches up
// with the others when Redis comes back (see fanout.ts).
void collab.ready.then(() => config.REDIS_URL && log.info('redis subscribed'));

const server = createServer((request, response) => {
	void (async () => {
		const pathname = (request.url ?? '/').split('?')[0];
		if (pathname === '/healthz') {
			response.writeHead(200, { 'content-type': 'text/plain', 'cache-control': 'no-store' }).end('ok');
			return;
		}
		if (pathname === '/admin/collab/metrics') {
			const token = sessionTokenFromCookieHeader(request.headers.cookie);
			const { user } = token ? await validateSessionToken(database.db, token) : { user: null };
			if (!hasRole(user, 'admin')) {
				response.writeHead(user ? 403 : 401).end();
				return;
			}
			response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
			response.end(JSON.stringify({ servers: [collab.metrics()] }));
			return;
		}
		response.writeHead(404).end();
	})().catch((error) => {
		log.error({ err: error }, 'request failed');
		if (!response.headersSent) response.writeHead(500);
		response.end();
	});
});
server.on('upgrade', (request, socket, head) => {
	socket.on('error', () => socket.destroy());
	if ((request.url ?? '').startsWith(COLLAB_PATH_PREFIX)) collab.handleUpgrade(request, socket, head);
	else socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
});
server.on('clientError', (_error, socket) => socket.destroy());
server.on('error', (error) => {
	log.fatal({ err: error }, 'ws-server cannot listen');
	process.exit(1);
});
server.listen(config.WS_PORT, config.HOST, () => {
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : config.WS_PORT;
	log.info({ port, redis: Boolean(config.REDIS_URL), instanceId: collab.instanceId }, 'listening');
});

let stopping = false;
async function shutdown(signal: string): Promise<void> {
	if (stopping) return;
	stopping = true;
	log.info({ signal }, 'shutting down');
	const closed = new Promise<void>((resolve) => server.close(() => resolve()));
	// Writes every document before the database goes away.
	await collab.close();
	server.closeAllConnections();
	await closed;
	await closeDatabase();
	log.info('stopped');
	process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
