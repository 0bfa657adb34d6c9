/** Structured logs (pino, JSON lines on stdout). Request logs carry a request id. */
import pino from 'pino';
import { getConfig } from './config';

const globalKey = Symbol.for('reseau-cpts.logger');
type WithLogger = typeof globalThis & { [globalKey]?: pino.Logger };

/** The process logger, shared by the SvelteKit bundle and the server entry. */
export function getLogger(): pino.Logger {
	const holder = globalThis as WithLogger;
	holder[globalKey] ??= pino({
		level: getConfig().LOG_LEVEL,
		base: { service: 'reseau-cpts' },
		redact: ['password', '*.password', 'token', '*.token', 'cookie', '*.cookie']
	});
	return holder[globalKey];
}
