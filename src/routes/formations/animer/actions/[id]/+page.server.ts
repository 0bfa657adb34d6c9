import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { listPublishedResourceLinks } from '$lib/server/library/resources';
import { orErrorPage } from '$lib/server/shared/http';
import { actionFormValues, dpcFailure, dpcRequest, getActionForEdit, parseActionForm, updateAction } from '$lib/server/dpc';

export const load: PageServerLoad = async (event) => {
	requireUser(event.locals, event.url);
	const { db, viewer, locale } = await dpcRequest(event);
	const action = await orErrorPage(locale, event.url, () => getActionForEdit(db, viewer, event.params.id));
	return { action: { id: action.id, title: action.title }, values: actionFormValues(action), resources: await listPublishedResourceLinks(db) };
};

export const actions: Actions = {
	default: async (event) => {
		requireUser(event.locals, event.url);
		const { db, viewer, locale } = await dpcRequest(event);
		const parsed = parseActionForm(await event.request.formData());
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		try {
			await updateAction(db, viewer, event.params.id, parsed.data);
		} catch (caught) {
			return dpcFailure(locale, caught, parsed.values);
		}
		return { saved: true, values: parsed.values };
	}
};
