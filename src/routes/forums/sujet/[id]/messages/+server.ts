/** Posts after a position (?apres=N), as the thread page shows them: the live feed's fetch. */
import type { RequestHandler } from './$types';
import { json } from '@sveltejs/kit';
import { getPostsAfter, parseId } from '$lib/server/forum';
import { forumContext } from '$lib/server/forum/http';
import { notFound } from '$lib/server/shared/errors';
import { endpoint } from '$lib/server/shared/http';

export const GET: RequestHandler = endpoint(async ({ params, locals, url }) => {
	const threadId = parseId(params.id);
	if (!threadId) throw notFound('forum.threadNotFound');
	const after = Number(url.searchParams.get('apres') ?? 0);
	const { db, viewer } = await forumContext(locals);
	const posts = await getPostsAfter(db, viewer, threadId, Number.isSafeInteger(after) ? after : 0);
	return json(posts, { headers: { 'cache-control': 'no-store' } });
});
