import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { orErrorPage } from '$lib/server/shared/http';
import { evaluationYear, networkEvaluation } from '$lib/server/aci';

export const load: PageServerLoad = async ({ locals, url }) => {
	const db = await getDb();
	const evaluation = await orErrorPage(locals.locale, url, async () =>
		networkEvaluation(db, locals.user, { regionCode: url.searchParams.get('region') || null, year: evaluationYear(url.searchParams.get('annee')) })
	);
	return { evaluation };
};
