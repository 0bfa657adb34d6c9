import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { listReviewQueue } from '$lib/server/library';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireRole(locals, url, 'facilitator');
	return { queue: await listReviewQueue(await getDb(), user) };
};
