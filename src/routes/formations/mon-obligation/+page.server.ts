import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { formAction } from '$lib/server/shared/http';
import {
	canManageObligationReferential,
	declareAction,
	deleteDeclaredAction,
	dpcRequest,
	getMyObligation,
	parseDeclaredActionForm,
	updateDeclaredAction
} from '$lib/server/dpc';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event.locals, event.url);
	const { db, viewer, intlLocale } = await dpcRequest(event);
	const obligation = await getMyObligation(db, user, intlLocale);
	// ?modifier=<id> opens one of her declared actions in the form.
	const editing = obligation.declared.find((action) => action.id === event.url.searchParams.get('modifier')) ?? null;
	const done = { enregistree: 'obligation.form.saved', supprimee: 'obligation.form.deleted' }[event.url.searchParams.get('fait') ?? ''] ?? null;
	return { obligation, editing, done, canManageReferential: canManageObligationReferential(viewer) };
};

export const actions: Actions = {
	save: formAction(async (event, scope) => {
		const user = requireUser(event.locals, event.url);
		const { db } = await dpcRequest(event);
		const formData = await event.request.formData();
		const parsed = parseDeclaredActionForm(formData);
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		scope.keep({ values: parsed.values });
		const id = String(formData.get('id') ?? '');
		if (id) await updateDeclaredAction(db, user.id, id, parsed.data);
		else await declareAction(db, user.id, parsed.data);
		redirect(303, '/formations/mon-obligation?fait=enregistree');
	}, { fieldErrors: 'errors' }),
	delete: formAction(async (event) => {
		const user = requireUser(event.locals, event.url);
		const { db } = await dpcRequest(event);
		await deleteDeclaredAction(db, user.id, String((await event.request.formData()).get('id') ?? ''));
		redirect(303, '/formations/mon-obligation?fait=supprimee');
	})
};
