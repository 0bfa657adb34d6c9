/** Suggestions for the editor's @ completion (signed-in users only). */
import type { RequestHandler } from './$types';
import { error, json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { suggestMentions } from '$lib/server/forum';

export const GET: RequestHandler = async ({ locals, url }) => {
	if (!locals.user) error(401);
	const suggestions = await suggestMentions(await getDb(), url.searchParams.get('q') ?? '');
	return json(suggestions, { headers: { 'cache-control': 'private, max-age=60' } });
};
