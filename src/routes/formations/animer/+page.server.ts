import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { translate } from '$lib/i18n';
import { canCreateAction, canUseTrainerSpace, dpcRequest, getBody, listManagedActions } from '$lib/server/dpc';

export const load: PageServerLoad = async (event) => {
	requireUser(event.locals, event.url);
	const { db, viewer, locale } = await dpcRequest(event);
	if (!canUseTrainerSpace(viewer)) error(403, translate(locale, 'dpc.cannotPublish'));
	return {
		body: viewer!.bodyId ? await getBody(db, viewer!.bodyId) : null,
		canCreate: canCreateAction(viewer),
		actions: await listManagedActions(db, viewer),
		trainerId: viewer!.id
	};
};
