import { getDb } from '$lib/server/db';
import { csvResponse } from '$lib/server/shared/csv';
import { orErrorPage } from '$lib/server/shared/http';
import { zonesBlanchesCsv } from '$lib/server/territories/steering-pages';
import type { RequestHandler } from './$types';

/** The communes of a département in no CPTS: ?departement=<code>. */
export const GET: RequestHandler = async ({ locals, url }) => {
	const db = await getDb();
	const file = await orErrorPage(locals.locale, url, () => zonesBlanchesCsv(db, locals.user, url.searchParams.get('departement')));
	return csvResponse(file.body, file.filename);
};
