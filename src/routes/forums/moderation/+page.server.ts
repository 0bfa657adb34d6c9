import type { Actions, PageServerLoad } from './$types';
import { fail } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { dismissFlags, listFlagQueue, parseId, setPostHidden } from '$lib/server/forum';
import { forumContext } from '$lib/server/forum/http';
import { formAction, orErrorPage } from '$lib/server/shared/http';

export const load: PageServerLoad = async ({ locals, url }) => {
	requireUser(locals, url);
	const { db, viewer } = await forumContext(locals);
	return { queue: await orErrorPage(locals.locale, url, () => listFlagQueue(db, viewer)) };
};

export const actions: Actions = {
	hide: formAction(async ({ request, locals, url }) => {
		requireUser(locals, url);
		const { db, viewer } = await forumContext(locals);
		const postId = parseId((await request.formData()).get('postId'));
		if (!postId) return fail(400, { message: 'form.invalid' });
		await setPostHidden(db, viewer, postId, true);
		return { success: 'forum.flash.hidden' };
	}),
	dismiss: formAction(async ({ request, locals, url }) => {
		requireUser(locals, url);
		const { db, viewer } = await forumContext(locals);
		const postId = parseId((await request.formData()).get('postId'));
		if (!postId) return fail(400, { message: 'form.invalid' });
		await dismissFlags(db, viewer, postId);
		return { success: 'forum.flash.dismissed' };
	})
};
