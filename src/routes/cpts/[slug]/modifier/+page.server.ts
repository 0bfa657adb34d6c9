import type { Actions, PageServerLoad } from './$types';
import { error, fail } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { parseForm } from '$lib/server/shared/forms';
import { translate } from '$lib/i18n';
import {
	appointCoordinator,
	canManageCpts,
	cptsFormSchema,
	cptsFormValues,
	emailOnlySchema,
	getPublicMembership,
	listPlaces,
	removeCoordinatorRole,
	requireCptsBySlug,
	updateCpts
} from '$lib/server/cpts';
import { formAction, orErrorPage } from '$lib/server/shared/http';
import { getTerritoryView } from '$lib/server/territories/editing';

/** Facilitators and admins only: others are sent to sign-in or get a 403. */
function requireCptsManager(locals: App.Locals, url: URL) {
	const user = requireUser(locals, url);
	if (!canManageCpts(user)) error(403, translate(locals.locale, 'error.forbidden'));
	return user;
}

export const load: PageServerLoad = async ({ params, locals, url }) => {
	requireCptsManager(locals, url);
	const db = await getDb();
	const cpts = await orErrorPage(locals.locale, url, () => requireCptsBySlug(db, params.slug));
	const [{ regions, departements }, territory] = await Promise.all([listPlaces(db), getTerritoryView(db, cpts.id)]);
	return {
		cpts: { id: cpts.id, slug: cpts.slug, name: cpts.name },
		values: cptsFormValues(cpts),
		regions,
		departements,
		// With a territory, population, département and région are computed: shown, not typed.
		computed: territory.units.length ? { summary: territory.summary, regions: territory.regions } : null,
		coordinators: (await getPublicMembership(db, cpts.id)).coordinators,
		justCreated: url.searchParams.has('cree')
	};
};

export const actions: Actions = {
	save: formAction(async ({ request, params, locals, url }, scope) => {
		const user = requireCptsManager(locals, url);
		const db = await getDb();
		const cpts = await orErrorPage(locals.locale, url, () => requireCptsBySlug(db, params.slug));
		const [{ choices }, territory] = await Promise.all([listPlaces(db), getTerritoryView(db, cpts.id)]);
		const parsed = parseForm(cptsFormSchema(choices, { placeTyped: territory.units.length === 0 }), await request.formData());
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		scope.keep({ values: parsed.values });
		await updateCpts(db, user, cpts.id, parsed.data);
		return { success: 'common.saved' };
	}),
	appoint: formAction(async ({ request, params, locals, url }, scope) => {
		const user = requireCptsManager(locals, url);
		const db = await getDb();
		const cpts = await orErrorPage(locals.locale, url, () => requireCptsBySlug(db, params.slug));
		const parsed = parseForm(emailOnlySchema, await request.formData());
		if (!parsed.ok) return fail(400, { coordinatorErrors: parsed.errors, coordinatorValues: parsed.values });
		scope.keep({ coordinatorValues: parsed.values });
		const appointed = await appointCoordinator(db, user, cpts.id, parsed.data.email);
		return { success: 'cpts.coordinators.appointed', appointedName: appointed.name };
		// An unknown e-mail (its refusal names the field) belongs next to the field, not in a banner.
	}, { fieldErrors: 'coordinatorErrors' }),
	removeCoordinator: formAction(async ({ request, params, locals, url }) => {
		const user = requireCptsManager(locals, url);
		const db = await getDb();
		const cpts = await orErrorPage(locals.locale, url, () => requireCptsBySlug(db, params.slug));
		const userId = (await request.formData()).get('userId');
		await removeCoordinatorRole(db, user, cpts.id, typeof userId === 'string' ? userId : '');
		return { success: 'cpts.coordinators.removed' };
	})
};
