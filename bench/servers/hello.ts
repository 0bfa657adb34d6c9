/**
 * The upper bound: a bare Node http server answering "hello" with no framework, no
 * database and no logging. Started as its own process, like the app, so that both
 * compete with the load generator on equal terms.
 */
import { createServer } from 'node:http';

const port = Number(process.env.PORT ?? 0);
const body = 'hello';

const server = createServer((_request, response) => {
	response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'content-length': body.length });
	response.end(body);
});
server.keepAliveTimeout = 5_000;
server.on('clientError', (_error, socket) => socket.destroy());
server.listen(port, '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
