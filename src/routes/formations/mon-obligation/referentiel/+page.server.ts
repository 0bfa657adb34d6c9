import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { translate } from '$lib/i18n';
import { requireUser } from '$lib/server/auth/guards';
import {
	addOrientation,
	addPeriod,
	canManageObligationReferential,
	dpcFailure,
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
	orientation: async (event) => {
		requireUser(event.locals, event.url);
		const { db, viewer, locale } = await dpcRequest(event);
		const parsed = parseOrientationForm(await event.request.formData());
		if (!parsed.ok) return fail(400, { form: 'orientation', errors: parsed.errors, values: parsed.values });
		try {
			await addOrientation(db, viewer, parsed.data);
		} catch (caught) {
			return dpcFailure(locale, caught, { ...parsed.values, form: 'orientation' });
		}
		return { added: true };
	},
	period: async (event) => {
		requireUser(event.locals, event.url);
		const { db, viewer, locale } = await dpcRequest(event);
		const parsed = parsePeriodForm(await event.request.formData());
		if (!parsed.ok) return fail(400, { form: 'period', errors: parsed.errors, values: parsed.values });
		try {
			await addPeriod(db, viewer, parsed.data);
		} catch (caught) {
			return dpcFailure(locale, caught, { ...parsed.values, form: 'period' });
		}
		return { added: true };
	}
};
