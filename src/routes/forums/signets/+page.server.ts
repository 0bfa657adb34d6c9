import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { listBookmarks } from '$lib/server/forum';
import { forumContext } from '$lib/server/forum/http';

export const load: PageServerLoad = async ({ locals, url }) => {
	requireUser(locals, url);
	const { db, viewer } = await forumContext(locals);
	return { bookmarks: await listBookmarks(db, viewer!) };
};
