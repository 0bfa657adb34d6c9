import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { orErrorPage } from '$lib/server/shared/http';
import { cptsWithoutCrisisPlan, evaluationYear } from '$lib/server/aci';

export const load: PageServerLoad = async ({ locals, url }) => {
	const db = await getDb();
	const list = await orErrorPage(locals.locale, url, async () =>
		cptsWithoutCrisisPlan(db, locals.user, { regionCode: url.searchParams.get('region') || null, year: evaluationYear(url.searchParams.get('annee')) })
	);
	return { list };
};
