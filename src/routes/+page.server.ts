import { getConfig } from '$lib/server/config';
import { getDb } from '$lib/server/db';
import { getDashboardStats, NATIONAL_REFERENCE_2023 } from '$lib/server/dashboard/stats';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	return {
		stats: await getDashboardStats(await getDb()),
		reference: NATIONAL_REFERENCE_2023,
		demoMode: getConfig().demoMode
	};
};
