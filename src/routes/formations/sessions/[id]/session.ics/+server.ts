import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { renderCalendar } from '$lib/server/calendar';
import { sessionEvents } from '$lib/server/dpc';

/** One session as an .ics file (its parts, without the video link): for "add to my calendar". */
export const GET: RequestHandler = async ({ params, url, locals }) => {
	const events = await sessionEvents(await getDb(), params.id, url.origin, locals.locale);
	if (!events) error(404, 'Not found');
	return new Response(renderCalendar({ name: events[0].summary, events }), {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': `attachment; filename="session-dpc-${params.id}.ics"`,
			'cache-control': 'public, max-age=300'
		}
	});
};
