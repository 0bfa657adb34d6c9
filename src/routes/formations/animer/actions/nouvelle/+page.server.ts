import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { translate } from '$lib/i18n';
import { listPublishedResourceLinks } from '$lib/server/library/resources';
import { canCreateAction, createAction, dpcFailure, dpcRequest, parseActionForm } from '$lib/server/dpc';

export const load: PageServerLoad = async (event) => {
	requireUser(event.locals, event.url);
	const { db, viewer, locale } = await dpcRequest(event);
	if (!canCreateAction(viewer)) error(403, translate(locale, viewer?.roles.includes('trainer') ? 'dpc.noBody' : 'dpc.cannotPublish'));
	return { resources: await listPublishedResourceLinks(db) };
};

export const actions: Actions = {
	default: async (event) => {
		requireUser(event.locals, event.url);
		const { db, viewer, locale } = await dpcRequest(event);
		const parsed = parseActionForm(await event.request.formData());
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		let actionId: string;
		try {
			actionId = (await createAction(db, viewer, parsed.data)).id;
		} catch (caught) {
			return dpcFailure(locale, caught, parsed.values);
		}
		redirect(303, `/formations/animer/actions/${actionId}/sessions/nouvelle`);
	}
};
