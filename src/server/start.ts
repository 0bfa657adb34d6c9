/**
 * `npm start`: validates the configuration, builds if needed, prepares the database
 * (migrations, demo data) and serves the site with adapter-node's handler in one Node
 * process. SIGTERM stops accepting, lets requests in flight finish, closes the database
 * and exits 0.
 */
import { createServer } from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { getConfigOrExit, originFromProxyHeaders, originWarning } from '../lib/server/config';
import { closeDatabase, getDatabase, getDb } from '../lib/server/db';
import { automaticVersionHooks } from '../lib/server/drafts/versions';
import { getLogger } from '../lib/server/logger';
import { prepareDatabase } from '../lib/server/startup';
import { startDigestScheduler } from '../lib/server/notifications/scheduler';
import { startOutboxWorker } from '../lib/server/outbox/handlers';
import { startExchangeReminders } from '../lib/server/forum/exchanges';
import { startMonthlySnapshots } from '../lib/server/territories/coverage';
import { startDialogueReminders } from '../lib/server/aci/reminders';
import { startRetentionPurge } from '../lib/server/privacy/retention';
import { buildIfNeeded } from './build-if-needed';
import { COLLAB_PATH_PREFIX } from '../lib/server/collab/names';
import { createCollabServer } from '../../ws-server/server';
import { handleUpgrade, registerUpgrade } from './upgrade';

const config = getConfigOrExit();
process.env.NODE_ENV ??= 'production';

const log = getLogger();
const originProblem = originWarning(config);
if (originProblem) {
	log.warn({ host: config.HOST, origin: config.origin }, 'ORIGIN not set: forms from other addresses will be refused');
	console.warn(`⚠ ${originProblem}`);
}
if (!config.SKIP_BUILD) buildIfNeeded((message) => log.info(message));

const database = await getDatabase();
await prepareDatabase();

// adapter-node reads its own variables (ORIGIN, BODY_SIZE_LIMIT…) when the handler loads.
// Library attachments go up to 20 MB; the multipart envelope and the other fields need a margin.
process.env.BODY_SIZE_LIMIT ??= '25M';
// Without ORIGIN, adapter-node assumes https and SvelteKit's CSRF check then refuses every
// form posted to http://localhost:3000: the configured origin (PORT-derived by default) is it,
// unless the proxy's headers are to give it (pinned, they would never be read).
if (!config.ORIGIN && !originFromProxyHeaders(config)) process.env.ORIGIN = config.origin;
const { handler } = await import(pathToFileURL(path.resolve('build/handler.js')).href);

// Collaborative documents are served by this same process (ws-server attached to our upgrade).
const collab = createCollabServer({ hooks: automaticVersionHooks(getDb) });
// Side effects queued by requests (e-mails, live forum events) are delivered by the outbox
// worker, woken by each commit that queues one; every instance runs one.
const stopOutbox = await startOutboxWorker();
// Daily digests are sent by the serving process only (not by `vite dev` or the scripts).
const stopDigests = startDigestScheduler();
// Practice-exchange reminders (the day before), likewise by the serving process only.
const stopExchangeReminders = startExchangeReminders(getDb);
// The coverage trend of the steering pages gets one point a month at least.
const stopMonthlySnapshots = startMonthlySnapshots(getDb);
// A CPTS under contract with no dialogue de gestion in twelve months: a monthly reminder.
const stopDialogueReminders = startDialogueReminders(getDb);
// What is past its retention (sessions, outbox, mails, exports…: privacy/retention.ts) goes hourly.
const stopRetentionPurge = startRetentionPurge(getDb);
registerUpgrade(COLLAB_PATH_PREFIX, collab.handleUpgrade);

const server = createServer((request, response) => handler(request, response));
server.on('upgrade', handleUpgrade);
server.on('clientError', (_error, socket) => {
	if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
	else socket.destroy();
});
server.keepAliveTimeout = 5_000;

server.listen(config.PORT, config.HOST, () => {
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : config.PORT;
	log.info({ port, database: database.kind, demoMode: config.demoMode }, 'listening');
	console.log(`Réseau CPTS est prêt : http://localhost:${port} (base ${database.kind === 'pglite' ? 'embarquée PGlite' : 'PostgreSQL'})`);
});

let stopping = false;
async function shutdown(signal: string): Promise<void> {
	if (stopping) return;
	stopping = true;
	log.info({ signal }, 'shutting down');
	// Stop accepting; idle keep-alive sockets go now, busy ones when their response ends.
	const closed = new Promise<void>((resolve) => server.close(() => resolve()));
	server.closeIdleConnections();
	const deadline = setTimeout(() => server.closeAllConnections(), config.SHUTDOWN_TIMEOUT_MS);
	// Websockets count as open connections: closing them (and writing every document while
	// the database is still open) is what lets `closed` resolve.
	stopDigests();
	stopExchangeReminders();
	stopRetentionPurge();
	stopMonthlySnapshots();
	stopDialogueReminders();
	await collab.close();
	await closed;
	clearTimeout(deadline);
	// After the requests: the worker finishes the deliveries it holds before the database
	// closes; what is left waits in the outbox for the next start or another instance.
	await stopOutbox();
	process.emit('sveltekit:shutdown' as never, signal as never);
	await closeDatabase();
	log.info('stopped');
	process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
