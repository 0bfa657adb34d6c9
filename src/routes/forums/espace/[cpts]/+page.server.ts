import type { PageServerLoad } from './$types';
import { redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { openCptsSpace } from '$lib/server/forum';
import { forumContext } from '$lib/server/forum/http';
import { orErrorPage } from '$lib/server/shared/http';

/** A CPTS's private space, created on its first visit by a member. */
export const load: PageServerLoad = async ({ params, locals, url }) => {
	requireUser(locals, url);
	const { db, viewer } = await forumContext(locals);
	const category = await orErrorPage(locals.locale, url, () => openCptsSpace(db, viewer, params.cpts));
	redirect(303, `/forums/${category.slug}`);
};
