/** The .ics file of a thread's practice exchange (RFC 5545, with the place's VTIMEZONE). */
import type { RequestHandler } from './$types';
import { error } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { parseId } from '$lib/server/forum';
import { exchangeIcs } from '$lib/server/forum/exchanges';
import { forumContext } from '$lib/server/forum/http';
import { AppError } from '$lib/server/shared/errors';

export const GET: RequestHandler = async ({ params, locals, url }) => {
	const threadId = parseId(params.id);
	const { db, viewer } = await forumContext(locals);
	try {
		if (!threadId) throw new AppError('not_found', 'forum.threadNotFound');
		const { filename, body } = await exchangeIcs(db, viewer, threadId, url.origin);
		return new Response(body, {
			headers: {
				'content-type': 'text/calendar; charset=utf-8',
				'content-disposition': `attachment; filename="${filename}"`,
				'cache-control': 'private, no-store'
			}
		});
	} catch (caught) {
		if (caught instanceof AppError) error(caught.status, translate(locals.locale, caught.messageKey));
		throw caught;
	}
};
