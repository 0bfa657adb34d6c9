/** The .ics file of a thread's practice exchange (RFC 5545, with the place's VTIMEZONE). */
import type { RequestHandler } from './$types';
import { parseId } from '$lib/server/forum';
import { exchangeIcs } from '$lib/server/forum/exchanges';
import { forumContext } from '$lib/server/forum/http';
import { notFound } from '$lib/server/shared/errors';
import { endpoint } from '$lib/server/shared/http';

export const GET: RequestHandler = endpoint(async ({ params, locals, url }) => {
	const threadId = parseId(params.id);
	if (!threadId) throw notFound('forum.threadNotFound');
	const { db, viewer } = await forumContext(locals);
	const { filename, body } = await exchangeIcs(db, viewer, threadId, url.origin);
	return new Response(body, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': `attachment; filename="${filename}"`,
			'cache-control': 'private, no-store'
		}
	});
});
