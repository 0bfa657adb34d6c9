import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { renderPersonalFeed } from '$lib/server/calendar';
import { FEED_SOURCES } from '$lib/server/calendar/sources';

/** A personal feed, read by calendar applications without a session: the token is the key. */
export const GET: RequestHandler = async ({ params, url }) => {
	const body = await renderPersonalFeed(await getDb(), params.token, url.origin, FEED_SOURCES);
	// Unknown and revoked tokens look the same.
	if (body === null) error(404, 'Not found');
	return new Response(body, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': 'inline; filename="agenda-reseau-cpts.ics"',
			// Personal: never in a shared cache, and kept out of referrers.
			'cache-control': 'private, no-store',
			'referrer-policy': 'no-referrer'
		}
	});
};
