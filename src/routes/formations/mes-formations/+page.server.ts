import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { dpcRequest, getMyTraining } from '$lib/server/dpc';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event.locals, event.url);
	const { db, viewerZone, intlLocale } = await dpcRequest(event);
	return { training: await getMyTraining(db, user.id, viewerZone, intlLocale) };
};
