import { getDb } from '$lib/server/db';
import { orErrorPage } from '$lib/server/shared/http';
import { departementView } from '$lib/server/territories/steering-pages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const db = await getDb();
	return orErrorPage(locals.locale, url, () => departementView(db, locals.user, params.code));
};
