import type { Actions, PageServerLoad } from './$types';
import { fail, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { parseForm } from '$lib/server/shared/forms';
import {
	canModerateCategory,
	canStartThread,
	getCategoryWatch,
	listThreads,
	requireReadableCategory,
	setCategoryWatch,
	startThread,
	THREAD_ARRAY_FIELDS,
	threadFormSchema,
	watchSchema
} from '$lib/server/forum';
import { forumContext } from '$lib/server/forum/http';
import { formAction, orErrorPage } from '$lib/server/shared/http';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const { db, viewer } = await forumContext(locals);
	const category = await orErrorPage(locals.locale, url, () => requireReadableCategory(db, viewer, params.slug));
	const order = url.searchParams.get('tri') === 'top' ? 'top' : 'latest';
	const [list, watchLevel] = await Promise.all([
		listThreads(db, viewer, category, { order, after: url.searchParams.get('apres') }),
		getCategoryWatch(db, viewer, category.id)
	]);
	return {
		category,
		order,
		threads: list.threads,
		next: list.next,
		firstPage: !url.searchParams.get('apres'),
		watchLevel,
		signedIn: viewer !== null,
		can: { start: canStartThread(viewer, category), moderate: canModerateCategory(viewer, category) }
	};
};

export const actions: Actions = {
	newThread: formAction(async ({ request, params, locals, url }, scope) => {
		requireUser(locals, url);
		const { db, viewer } = await forumContext(locals);
		const category = await orErrorPage(locals.locale, url, () => requireReadableCategory(db, viewer, params.slug));
		const parsed = parseForm(threadFormSchema, await request.formData(), THREAD_ARRAY_FIELDS);
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		scope.keep({ values: parsed.values });
		const { threadId } = await startThread(db, viewer, category.id, parsed.data);
		redirect(303, `/forums/sujet/${threadId}`);
	}),
	watch: async ({ request, params, locals, url }) => {
		requireUser(locals, url);
		const { db, viewer } = await forumContext(locals);
		const category = await orErrorPage(locals.locale, url, () => requireReadableCategory(db, viewer, params.slug));
		const parsed = parseForm(watchSchema, await request.formData());
		if (!parsed.ok) return fail(400, { watchError: true });
		await setCategoryWatch(db, viewer, category, parsed.data.level);
		return { watched: parsed.data.level };
	}
};
