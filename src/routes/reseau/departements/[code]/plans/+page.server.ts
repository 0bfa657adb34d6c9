import type { Actions, PageServerLoad } from './$types';
import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { parseForm } from '$lib/server/shared/forms';
import { formAction, orErrorPage } from '$lib/server/shared/http';
import {
	PLAN_ARRAY_FIELDS,
	createPlan,
	listFacilitators,
	planFormSchema,
	plansOfDepartement,
	requireDepartementPlans,
	uncoveredByEpci
} from '$lib/server/steering';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const db = await getDb();
	const departement = await orErrorPage(locals.locale, url, () => requireDepartementPlans(db, locals.user, params.code));
	return {
		departement: { code: departement.code, name: departement.name },
		plans: await plansOfDepartement(db, departement.code),
		groups: await uncoveredByEpci(db, departement.code),
		facilitators: await listFacilitators(db)
	};
};

export const actions: Actions = {
	create: formAction(async ({ request, params, locals, url }, scope) => {
		const db = await getDb();
		await orErrorPage(locals.locale, url, () => requireDepartementPlans(db, locals.user, params.code));
		const parsed = parseForm(planFormSchema, await request.formData(), PLAN_ARRAY_FIELDS);
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		scope.keep({ values: parsed.values });
		const id = await createPlan(db, locals.user, params.code, parsed.data);
		redirect(303, `/reseau/departements/${params.code}/plans/${id}?cree`);
	}, { fieldErrors: 'errors' })
};
