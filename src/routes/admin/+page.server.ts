import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { adminOverview } from '$lib/server/admin';
import { getDb } from '$lib/server/db';

export const load: PageServerLoad = async ({ locals, url }) => {
	requireRole(locals, url, 'admin');
	return { overview: await adminOverview(await getDb()) };
};
