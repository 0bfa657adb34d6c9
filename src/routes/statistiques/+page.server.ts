// The network's statistics, the visitors' home page, under a name members can reach too
// (their home is Mon espace).
import { getConfig } from '$lib/server/config';
import { getDb } from '$lib/server/db';
import { getDashboardStats, NATIONAL_REFERENCE_2023 } from '$lib/server/dashboard/stats';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => ({
	stats: await getDashboardStats(await getDb()),
	reference: NATIONAL_REFERENCE_2023,
	demoMode: getConfig().demoMode
});
