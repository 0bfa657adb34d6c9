/** Posts after a position (?apres=N), as the thread page shows them: the live feed's fetch. */
import type { RequestHandler } from './$types';
import { error, json } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { getPostsAfter, parseId } from '$lib/server/forum';
import { forumContext } from '$lib/server/forum/http';
import { AppError } from '$lib/server/shared/errors';

export const GET: RequestHandler = async ({ params, locals, url }) => {
	const threadId = parseId(params.id);
	const after = Number(url.searchParams.get('apres') ?? 0);
	const { db, viewer } = await forumContext(locals);
	try {
		if (!threadId) throw new AppError('not_found', 'forum.threadNotFound');
		const posts = await getPostsAfter(db, viewer, threadId, Number.isSafeInteger(after) ? after : 0);
		return json(posts, { headers: { 'cache-control': 'no-store' } });
	} catch (caught) {
		if (caught instanceof AppError) error(caught.status, translate(locals.locale, caught.messageKey));
		throw caught;
	}
};
