import type { PageServerLoad } from './$types';
import { listUserCpts } from '$lib/server/cpts';
import { canManageCategories, listCategories, moderatesSomething } from '$lib/server/forum';
import { forumContext } from '$lib/server/forum/http';

export const load: PageServerLoad = async ({ locals }) => {
	const { db, viewer } = await forumContext(locals);
	const categories = await listCategories(db, viewer);
	// CPTS spaces not opened yet still get a link (created on first visit).
	const opened = new Set(categories.filter((category) => category.cptsId).map((category) => category.cptsId));
	const unopenedSpaces = viewer
		? (await listUserCpts(db, viewer.id))
				.filter((entry) => entry.status === 'active' && !opened.has(entry.cptsId))
				.map((entry) => ({ slug: entry.slug, name: entry.name }))
		: [];
	return {
		categories,
		unopenedSpaces,
		signedIn: viewer !== null,
		can: { moderate: moderatesSomething(viewer), manage: canManageCategories(viewer) }
	};
};
