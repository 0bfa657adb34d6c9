import type { Actions, PageServerLoad } from './$types';
import { fail } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { dismissFlags, listFlagQueue, parseId, setPostHidden } from '$lib/server/forum';
import { failFromError, forumContext, orErrorPage } from '$lib/server/forum/http';

export const load: PageServerLoad = async ({ locals, url }) => {
	requireUser(locals, url);
	const { db, viewer } = await forumContext(locals);
	return { queue: await orErrorPage(locals.locale, url, () => listFlagQueue(db, viewer)) };
};

export const actions: Actions = {
	hide: async ({ request, locals, url }) => {
		requireUser(locals, url);
		const { db, viewer } = await forumContext(locals);
		const postId = parseId((await request.formData()).get('postId'));
		if (!postId) return fail(400, { message: 'form.invalid' });
		try {
			await setPostHidden(db, viewer, postId, true);
		} catch (caught) {
			return failFromError(locals.locale, caught);
		}
		return { success: 'forum.flash.hidden' };
	},
	dismiss: async ({ request, locals, url }) => {
		requireUser(locals, url);
		const { db, viewer } = await forumContext(locals);
		const postId = parseId((await request.formData()).get('postId'));
		if (!postId) return fail(400, { message: 'form.invalid' });
		try {
			await dismissFlags(db, viewer, postId);
		} catch (caught) {
			return failFromError(locals.locale, caught);
		}
		return { success: 'forum.flash.dismissed' };
	}
};
