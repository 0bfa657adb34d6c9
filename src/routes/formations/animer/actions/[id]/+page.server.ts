import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { listPublishedResourceLinks } from '$lib/server/library/resources';
import { formAction, orErrorPage } from '$lib/server/shared/http';
import { actionFormValues, dpcRequest, getActionForEdit, parseActionForm, updateAction } from '$lib/server/dpc';

export const load: PageServerLoad = async (event) => {
	requireUser(event.locals, event.url);
	const { db, viewer, locale } = await dpcRequest(event);
	const action = await orErrorPage(locale, event.url, () => getActionForEdit(db, viewer, event.params.id));
	return { action: { id: action.id, title: action.title }, values: actionFormValues(action), resources: await listPublishedResourceLinks(db) };
};

export const actions: Actions = {
	default: formAction(async (event, scope) => {
		requireUser(event.locals, event.url);
		const { db, viewer } = await dpcRequest(event);
		const parsed = parseActionForm(await event.request.formData());
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		scope.keep({ values: parsed.values });
		await updateAction(db, viewer, event.params.id, parsed.data);
		return { saved: true, values: parsed.values };
	}, { fieldErrors: 'errors' })
};
