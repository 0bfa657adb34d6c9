import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { translate } from '$lib/i18n';
import { getDb } from '$lib/server/db';
import { renderCalendar } from '$lib/server/calendar';
import { trainerEvents } from '$lib/server/dpc';

/** A trainer's public feed: the published sessions they teach (no video links). */
export const GET: RequestHandler = async ({ params, url }) => {
	const feed = await trainerEvents(await getDb(), params.id, url.origin, 'fr');
	if (!feed) error(404, 'Not found');
	return new Response(renderCalendar({ name: translate('fr', 'dpc.calendar.trainerFeed', { name: feed.name }), events: feed.events, refreshMinutes: 60 }), {
		headers: { 'content-type': 'text/calendar; charset=utf-8', 'cache-control': 'public, max-age=300' }
	});
};
