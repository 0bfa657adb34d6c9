import type { Actions, PageServerLoad } from './$types';
import { error, fail, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { parseForm } from '$lib/server/shared/forms';
import { translate } from '$lib/i18n';
import { canManageCpts, createCpts, cptsFormSchema, listPlaces } from '$lib/server/cpts';
import { formAction } from '$lib/server/shared/http';

/** Facilitators and admins only: others are sent to sign-in or get a 403. */
function requireCptsManager(locals: App.Locals, url: URL) {
	const user = requireUser(locals, url);
	if (!canManageCpts(user)) error(403, translate(locals.locale, 'error.forbidden'));
	return user;
}

export const load: PageServerLoad = async ({ locals, url }) => {
	requireCptsManager(locals, url);
	const { regions, departements } = await listPlaces(await getDb());
	return { regions, departements };
};

export const actions: Actions = {
	default: formAction(async ({ request, locals, url }, scope) => {
		const user = requireCptsManager(locals, url);
		const db = await getDb();
		const { choices } = await listPlaces(db);
		const parsed = parseForm(cptsFormSchema(choices), await request.formData());
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		scope.keep({ values: parsed.values });
		const slug = (await createCpts(db, user, parsed.data)).slug;
		redirect(303, `/cpts/${slug}/modifier?cree=1`);
	})
};
