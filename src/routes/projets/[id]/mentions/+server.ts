/** The @ completion of a draft's comments (those who may comment on it only). */
import type { RequestHandler } from './$types';
import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { suggestDraftMentions } from '$lib/server/drafts';
import { endpoint } from '$lib/server/shared/http';

export const GET: RequestHandler = endpoint(async ({ locals, params, url }) => {
	const suggestions = await suggestDraftMentions(await getDb(), locals.user, params.id, url.searchParams.get('q') ?? '');
	return json(suggestions, { headers: { 'cache-control': 'private, max-age=60' } });
});
