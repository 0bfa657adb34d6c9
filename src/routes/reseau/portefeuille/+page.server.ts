import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { hasRole } from '$lib/server/auth/guards';
import { orErrorPage } from '$lib/server/shared/http';
import { LATENESS_THRESHOLDS, portfolio } from '$lib/server/steering';

export const load: PageServerLoad = async ({ locals, url }) => {
	const db = await getDb();
	const result = await orErrorPage(locals.locale, url, () => portfolio(db, locals.user, { all: url.searchParams.get('tous') === '1' }));
	return { ...result, canSeeAll: hasRole(locals.user, 'admin'), thresholds: LATENESS_THRESHOLDS };
};
