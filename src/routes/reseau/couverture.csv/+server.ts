import { getDb } from '$lib/server/db';
import { csvResponse } from '$lib/server/shared/csv';
import { orErrorPage } from '$lib/server/shared/http';
import { coverageCsv } from '$lib/server/territories/steering-pages';
import type { RequestHandler } from './$types';

/** Coverage of France, régions and départements (the rows of the viewer's scope). */
export const GET: RequestHandler = async ({ locals, url }) => {
	const db = await getDb();
	return csvResponse(await orErrorPage(locals.locale, url, () => coverageCsv(db, locals.user)), 'couverture.csv');
};
