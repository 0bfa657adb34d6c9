import { redirect } from '@sveltejs/kit';
import { getConfig } from '$lib/server/config';
import { getDb } from '$lib/server/db';
import { getDashboardStats, NATIONAL_REFERENCE_2023 } from '$lib/server/dashboard/stats';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	// A member's home is Mon espace; the statistics stay at /statistiques (and here for visitors).
	if (locals.user) redirect(303, '/espace');
	return {
		stats: await getDashboardStats(await getDb()),
		reference: NATIONAL_REFERENCE_2023,
		demoMode: getConfig().demoMode
	};
};
