import type { PageServerLoad } from './$types';
import { forumSearchString, listCategories, parseForumSearch, searchForum } from '$lib/server/forum';
import { forumContext } from '$lib/server/forum/http';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { db, viewer } = await forumContext(locals);
	const query = parseForumSearch(url.searchParams);
	const [result, categories] = await Promise.all([searchForum(db, viewer, query), listCategories(db, viewer)]);
	return {
		query,
		hits: result.hits,
		nextPage: result.hasMore ? forumSearchString(query, query.page + 1) : null,
		previousPage: query.page > 1 ? forumSearchString(query, query.page - 1) : null,
		categories: categories.map((category) => ({ slug: category.slug, name: category.name }))
	};
};
