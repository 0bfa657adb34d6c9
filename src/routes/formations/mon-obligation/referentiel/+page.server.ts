import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { translate } from '$lib/i18n';
import { requireUser } from '$lib/server/auth/guards';
import { formAction } from '$lib/server/shared/http';
import {
	addOrientation,
	addPeriod,
	canManageObligationReferential,
	dpcRequest,
	listPeriodsWithOrientations,
	parseOrientationForm,
	parsePeriodForm
} from '$lib/server/dpc';

export const load: PageServerLoad = async (event) => {
	requireUser(event.locals, event.url);
	const { db, viewer, locale } = await dpcRequest(event);
	if (!canManageObligationReferential(viewer)) error(403, translate(locale, 'obligation.admin.forbidden'));
	return { periods: await listPeriodsWithOrientations(db) };
};

export const actions: Actions = {
	orientation: formAction(async (event, scope) => {
		requireUser(event.locals, event.url);
		const { db, viewer } = await dpcRequest(event);
		const parsed = parseOrientationForm(await event.request.formData());
		if (!parsed.ok) return fail(400, { form: 'orientation', errors: parsed.errors, values: parsed.values });
		scope.keep({ form: 'orientation', values: parsed.values });
		await addOrientation(db, viewer, parsed.data);
		return { added: true };
	}, { fieldErrors: 'errors' }),
	period: formAction(async (event, scope) => {
		requireUser(event.locals, event.url);
		const { db, viewer } = await dpcRequest(event);
		const parsed = parsePeriodForm(await event.request.formData());
		if (!parsed.ok) return fail(400, { form: 'period', errors: parsed.errors, values: parsed.values });
		scope.keep({ form: 'period', values: parsed.values });
		await addPeriod(db, viewer, parsed.data);
		return { added: true };
	}, { fieldErrors: 'errors' })
};
