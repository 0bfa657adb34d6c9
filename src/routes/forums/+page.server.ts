import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { listUserCpts } from '$lib/server/cpts';
import { canManageCategories, forumViewerOf, listCategories, moderatesSomething } from '$lib/server/forum';

export const load: PageServerLoad = async ({ locals }) => {
	const db = await getDb();
	// The member's CPTS are read once: for the forum rights and for the spaces not opened yet.
	const cpts = locals.user ? await listUserCpts(db, locals.user.id) : [];
	const viewer = locals.user ? forumViewerOf(locals.user, cpts) : null;
	const categories = await listCategories(db, viewer);
	// CPTS spaces not opened yet still get a link (created on first visit).
	const opened = new Set(categories.filter((category) => category.cptsId).map((category) => category.cptsId));
	const unopenedSpaces = cpts
		.filter((entry) => entry.status === 'active' && !opened.has(entry.cptsId))
		.map((entry) => ({ slug: entry.slug, name: entry.name }));
	return {
		categories,
		unopenedSpaces,
		signedIn: viewer !== null,
		can: { moderate: moderatesSomething(viewer), manage: canManageCategories(viewer) }
	};
};
