import { getDb } from '$lib/server/db';
import { directoryCsv, listRegions, parseDirectoryQuery } from '$lib/server/cpts';
import { csvResponse } from '$lib/server/shared/csv';
import type { RequestHandler } from './$types';

/** The directory's CPTS for the same filters as /cpts (every page), as the viewer may read them. */
export const GET: RequestHandler = async ({ locals, url }) => {
	const db = await getDb();
	const regions = await listRegions(db);
	const query = parseDirectoryQuery(url.searchParams, regions.map((region) => region.code));
	return csvResponse(await directoryCsv(db, locals.user, query, locals.locale), 'annuaire-cpts.csv');
};
