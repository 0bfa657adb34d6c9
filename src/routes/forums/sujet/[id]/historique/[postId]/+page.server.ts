import type { PageServerLoad } from './$types';
import { error } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { getPostHistory, parseId } from '$lib/server/forum';
import { forumContext } from '$lib/server/forum/http';
import { orErrorPage } from '$lib/server/shared/http';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const postId = parseId(params.postId);
	const threadId = parseId(params.id);
	if (!postId || !threadId) error(404, translate(locals.locale, 'forum.postNotFound'));
	const { db, viewer } = await forumContext(locals);
	const history = await orErrorPage(locals.locale, url, () => getPostHistory(db, viewer, postId));
	if (history.thread.id !== threadId) error(404, translate(locals.locale, 'forum.postNotFound'));
	return {
		thread: { id: history.thread.id, title: history.thread.title },
		position: history.post.position,
		versions: history.versions
	};
};
