import type { Actions, PageServerLoad } from './$types';
import { fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { parseForm } from '$lib/server/shared/forms';
import { formAction, orErrorPage } from '$lib/server/shared/http';
import {
	PLAN_ARRAY_FIELDS,
	addPlanLog,
	getPlan,
	listFacilitators,
	logEntrySchema,
	planFormSchema,
	planFormValues,
	todayIso,
	uncoveredByEpci,
	updatePlan
} from '$lib/server/steering';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const db = await getDb();
	const { plan, log, departement } = await orErrorPage(locals.locale, url, () => getPlan(db, locals.user, params.code, params.id));
	return {
		departement,
		plan,
		log,
		values: planFormValues(plan),
		groups: await uncoveredByEpci(db, departement.code),
		facilitators: await listFacilitators(db),
		today: todayIso(),
		justCreated: url.searchParams.has('cree')
	};
};

export const actions: Actions = {
	save: formAction(async ({ request, params, locals, url }, scope) => {
		const db = await getDb();
		await orErrorPage(locals.locale, url, () => getPlan(db, locals.user, params.code, params.id));
		const parsed = parseForm(planFormSchema, await request.formData(), PLAN_ARRAY_FIELDS);
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		scope.keep({ values: parsed.values });
		await updatePlan(db, locals.user, params.code, params.id, parsed.data);
		return { success: 'plans.saved' };
	}, { fieldErrors: 'errors' }),
	log: formAction(async ({ request, params, locals, url }, scope) => {
		const db = await getDb();
		await orErrorPage(locals.locale, url, () => getPlan(db, locals.user, params.code, params.id));
		const parsed = parseForm(logEntrySchema, await request.formData());
		if (!parsed.ok) return fail(400, { logErrors: parsed.errors, logValues: parsed.values });
		scope.keep({ logValues: parsed.values });
		await addPlanLog(db, locals.user, params.code, params.id, parsed.data);
		return { success: 'plans.log.added' };
	}, { fieldErrors: 'logErrors' })
};
