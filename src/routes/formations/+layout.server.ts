import type { LayoutServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { canManageBodies, canUseTrainerSpace, dpcViewer } from '$lib/server/dpc';

export const load: LayoutServerLoad = async ({ locals }) => {
	const viewer = await dpcViewer(await getDb(), locals.user);
	return { dpcNav: { signedIn: Boolean(viewer), trainer: canUseTrainerSpace(viewer), bodies: canManageBodies(viewer) } };
};
