import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { orErrorPage } from '$lib/server/shared/http';
import { nationalView } from '$lib/server/territories/steering-pages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const db = await getDb();
	const view = await orErrorPage(locals.locale, url, () => nationalView(db, locals.user));
	if ('redirectTo' in view) redirect(303, view.redirectTo);
	return view;
};
