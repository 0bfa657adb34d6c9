import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { dev } from '$app/environment';
import { getConfig } from '$lib/server/config';
import { getDatabase } from '$lib/server/db';
import { getLogger } from '$lib/server/logger';
import { SESSION_COOKIE, sessionCookieOptions, validateSessionToken } from '$lib/server/auth/session';
import { pickLocale, translate } from '$lib/i18n';
import { allMessagesOf } from '$lib/i18n/catalogue.server';
import { useServerCatalogue } from '$lib/i18n/missing.svelte';
import { prepareDatabase } from '$lib/server/startup';
import { connectLiveRelay } from '$lib/server/forum/live';
import { startOutboxWorker } from '$lib/server/outbox/handlers';

// A page that uses a key outside its route's message groups still renders it (and it is logged once).
useServerCatalogue(
	(locale, key) => allMessagesOf(locale)[key],
	(locale, key) => getLogger().warn({ key, locale }, 'message key outside the groups loaded for its route (src/lib/i18n/route-groups.ts)')
);

export const init: ServerInit = async () => {
	// `npm start` prepares the database before it listens and runs the outbox worker;
	// `vite dev` has no such step.
	if (dev) {
		await prepareDatabase();
		const stopOutbox = await startOutboxWorker();
		process.once('sveltekit:shutdown', () => void stopOutbox());
	}
	// Several instances behind one address: live forum replies travel between them.
	const redisUrl = getConfig().REDIS_URL;
	if (redisUrl) {
		try {
			const disconnect = await connectLiveRelay(redisUrl, getLogger());
			process.once('sveltekit:shutdown', () => void disconnect());
		} catch (error) {
			// The site still serves; only readers on other instances miss live replies.
			getLogger().error({ err: error }, 'forum live relay: cannot reach Redis, live replies stay on this instance');
		}
	}
};

/** Paths that carry a one-time secret: logged without it. */
const secretPath = /^\/(verification|reinitialisation|cpts\/invitation)\/[^/]+/;
const loggablePath = (pathname: string) => pathname.replace(secretPath, '/$1/[secret]');

const securityHeaders = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'strict-origin-when-cross-origin',
	'x-frame-options': 'DENY',
	'permissions-policy': 'camera=(), microphone=(), geolocation=()'
};

export const handle: Handle = async ({ event, resolve }) => {
	const requestId = event.request.headers.get('x-request-id')?.slice(0, 64) || crypto.randomUUID();
	const started = performance.now();
	event.locals.requestId = requestId;
	event.locals.log = getLogger().child({ requestId });
	event.locals.user = null;
	event.locals.session = null;
	event.locals.sessionExtras = null;

	// Probes answer without touching sessions.
	if (event.url.pathname !== '/healthz' && event.url.pathname !== '/readyz') {
		const token = event.cookies.get(SESSION_COOKIE);
		if (token) {
			const { db } = await getDatabase();
			const { session, user, renewed, extras } = await validateSessionToken(db, token);
			if (session && user) {
				event.locals.session = session;
				event.locals.user = user;
				event.locals.sessionExtras = extras ?? null;
				if (renewed) {
					event.cookies.set(SESSION_COOKIE, token, sessionCookieOptions(getConfig().secureCookies, session.expiresAt));
				}
			} else {
				event.cookies.delete(SESSION_COOKIE, { path: '/' });
			}
		}
	}
	event.locals.locale = pickLocale(
		event.locals.user?.locale,
		event.cookies.get('cpts_locale'),
		event.request.headers.get('accept-language')
	);

	const response = await resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.locale)
	});
	response.headers.set('x-request-id', requestId);
	for (const [name, value] of Object.entries(securityHeaders)) {
		if (!response.headers.has(name)) response.headers.set(name, value);
	}
	if (event.locals.user && !response.headers.has('cache-control')) {
		response.headers.set('cache-control', 'private, no-store');
	}
	event.locals.log.info(
		{ method: event.request.method, path: loggablePath(event.url.pathname), status: response.status, ms: Math.round(performance.now() - started) },
		'request'
	);
	return response;
};

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	const requestId = event.locals.requestId ?? crypto.randomUUID();
	if (status === 404) return { message: translate(event.locals.locale ?? 'fr', 'error.notFound'), requestId };
	(event.locals.log ?? getLogger()).error({ err: error, requestId, path: loggablePath(event.url.pathname), status }, message);
	return { message: translate(event.locals.locale ?? 'fr', 'error.unexpected'), requestId };
};
