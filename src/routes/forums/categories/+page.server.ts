import type { Actions, PageServerLoad } from './$types';
import { error, fail } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { listRegions } from '$lib/server/cpts';
import { parseForm } from '$lib/server/shared/forms';
import { translate } from '$lib/i18n';
import { canManageCategories, categoryFormSchema, listCategories, saveCategory } from '$lib/server/forum';
import { forumContext } from '$lib/server/forum/http';
import { formAction } from '$lib/server/shared/http';

export const load: PageServerLoad = async ({ locals, url }) => {
	requireUser(locals, url);
	const { db, viewer } = await forumContext(locals);
	if (!canManageCategories(viewer)) error(403, translate(locals.locale, 'forum.cannotManageCategories'));
	const [categories, regions] = await Promise.all([listCategories(db, viewer), listRegions(db)]);
	return { categories: categories.filter((category) => category.cptsId === null), regions };
};

export const actions: Actions = {
	save: formAction(async ({ request, locals, url }, scope) => {
		requireUser(locals, url);
		const { db, viewer } = await forumContext(locals);
		const parsed = parseForm(categoryFormSchema, await request.formData());
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		scope.keep({ values: parsed.values });
		await saveCategory(db, viewer, parsed.data);
		return { success: 'forum.flash.categorySaved' };
	})
};
