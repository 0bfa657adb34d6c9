import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { listRegions } from '$lib/server/cpts';
import { parseSearchQuery, searchLibrary, searchQueryString, canProposeResource, canReview } from '$lib/server/library';

export const load: PageServerLoad = async ({ url, locals }) => {
	const db = await getDb();
	const regions = await listRegions(db);
	const regionCodes = regions.map((region) => region.code);
	const query = parseSearchQuery(url.searchParams, regionCodes);
	const result = await searchLibrary(db, locals.user, query, regionCodes);
	return {
		result,
		regionNames: Object.fromEntries(regions.map((region) => [region.code, region.name])),
		/** The query string without the page, for pagination links. */
		pageLinkBase: searchQueryString({ ...result.query, page: 1 }),
		filtered: searchQueryString({ ...result.query, page: 1 }) !== '',
		can: { propose: canProposeResource(locals.user), review: canReview(locals.user) },
		signedIn: locals.user !== null
	};
};
