import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { translate } from '$lib/i18n';
import { listRegions } from '$lib/server/cpts';
import { formAction, orErrorPage } from '$lib/server/shared/http';
import { canEditAction, createSession, dpcRequest, listBodyTrainers, nextSessionNumber, parseSessionForm, requireAction } from '$lib/server/dpc';

export const load: PageServerLoad = async (event) => {
	requireUser(event.locals, event.url);
	const { db, viewer, locale } = await dpcRequest(event);
	const action = await orErrorPage(locale, event.url, () => requireAction(db, event.params.id));
	if (!canEditAction(viewer, action)) error(403, translate(locale, 'dpc.cannotEdit'));
	return {
		action: { id: action.id, title: action.title, professions: action.professions, format: action.format },
		trainers: await listBodyTrainers(db, action.bodyId),
		regions: await listRegions(db),
		defaults: {
			number: String(await nextSessionNumber(db, action.id)),
			capacity: action.format === 'non_presentiel' ? '15' : '20',
			trainerIds: viewer!.id,
			partZone: JSON.stringify(['Europe/Paris'])
		}
	};
};

export const actions: Actions = {
	default: formAction(async (event, scope) => {
		requireUser(event.locals, event.url);
		const { db, viewer } = await dpcRequest(event);
		const parsed = parseSessionForm(await event.request.formData());
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		scope.keep({ values: parsed.values });
		const { id: sessionId } = await createSession(db, viewer, event.params.id, parsed.data);
		redirect(303, `/formations/sessions/${sessionId}`);
	}, { fieldErrors: 'errors' })
};

