/**
 * The seam for websocket upgrades on the main HTTP server. The collaboration server
 * (ws-server/) registers its path here when it runs inside the site's process; run as its
 * own process (`npm run ws-server`), it listens on its own port instead.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

export type UpgradeHandler = (request: IncomingMessage, socket: Duplex, head: Buffer) => void;

const routes: { prefix: string; handler: UpgradeHandler }[] = [];

/** Routes upgrades whose path starts with `prefix` to `handler`. */
export function registerUpgrade(prefix: string, handler: UpgradeHandler): void {
	routes.push({ prefix, handler });
}

/** The server's 'upgrade' listener: dispatches, or answers 404 and closes. */
export function handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
	socket.on('error', () => socket.destroy());
	const pathname = (request.url ?? '/').split('?')[0];
	const route = routes.find((candidate) => pathname.startsWith(candidate.prefix));
	if (route) {
		route.handler(request, socket, head);
		return;
	}
	socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
}
