import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { canManageCpts, listRegions, parseDirectoryQuery, searchDirectory } from '$lib/server/cpts';

export const load: PageServerLoad = async ({ url, locals }) => {
	const db = await getDb();
	const regions = await listRegions(db);
	const query = parseDirectoryQuery(
		url.searchParams,
		regions.map((region) => region.code)
	);
	return {
		regions,
		query,
		directory: await searchDirectory(db, query),
		canCreate: canManageCpts(locals.user),
		signedIn: locals.user !== null
	};
};
