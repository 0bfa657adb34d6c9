import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { translate } from '$lib/i18n';
import { listPublishedResourceLinks } from '$lib/server/library/resources';
import { canCreateAction, createAction, dpcRequest, parseActionForm } from '$lib/server/dpc';
import { formAction } from '$lib/server/shared/http';

export const load: PageServerLoad = async (event) => {
	requireUser(event.locals, event.url);
	const { db, viewer, locale } = await dpcRequest(event);
	if (!canCreateAction(viewer)) error(403, translate(locale, viewer?.roles.includes('trainer') ? 'dpc.noBody' : 'dpc.cannotPublish'));
	return { resources: await listPublishedResourceLinks(db) };
};

export const actions: Actions = {
	default: formAction(async (event, scope) => {
		requireUser(event.locals, event.url);
		const { db, viewer } = await dpcRequest(event);
		const parsed = parseActionForm(await event.request.formData());
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		scope.keep({ values: parsed.values });
		const { id: actionId } = await createAction(db, viewer, parsed.data);
		redirect(303, `/formations/animer/actions/${actionId}/sessions/nouvelle`);
	}, { fieldErrors: 'errors' })
};
