import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { listRegions } from '$lib/server/cpts';
import { formAction, orErrorPage } from '$lib/server/shared/http';
import { dpcRequest, getSessionForEdit, listBodyTrainers, parseSessionForm, sessionFormValues, updateSession } from '$lib/server/dpc';

export const load: PageServerLoad = async (event) => {
	requireUser(event.locals, event.url);
	const { db, viewer, locale } = await dpcRequest(event);
	const { session, parts, trainerIds } = await orErrorPage(locale, event.url, () => getSessionForEdit(db, viewer, event.params.id));
	return {
		session: { id: session.id, number: session.number, status: session.status, actionTitle: session.actionTitle, professions: session.professions },
		values: sessionFormValues(session, parts, trainerIds),
		trainers: await listBodyTrainers(db, session.bodyId),
		regions: await listRegions(db)
	};
};

export const actions: Actions = {
	default: formAction(async (event, scope) => {
		requireUser(event.locals, event.url);
		const { db, viewer } = await dpcRequest(event);
		const parsed = parseSessionForm(await event.request.formData());
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		scope.keep({ values: parsed.values });
		await updateSession(db, viewer, event.params.id, parsed.data);
		redirect(303, `/formations/sessions/${event.params.id}`);
	}, { fieldErrors: 'errors' })
};
