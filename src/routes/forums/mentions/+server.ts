/** Suggestions for the editor's @ completion (signed-in users only). */
import type { RequestHandler } from './$types';
import { error, json } from '@sveltejs/kit';
import { suggestMentions } from '$lib/server/forum';
import { forumContext } from '$lib/server/forum/http';

export const GET: RequestHandler = async ({ locals, url }) => {
	const { db, viewer } = await forumContext(locals);
	if (!viewer) error(401);
	const suggestions = await suggestMentions(db, viewer, url.searchParams.get('q') ?? '');
	return json(suggestions, { headers: { 'cache-control': 'private, max-age=60' } });
};
