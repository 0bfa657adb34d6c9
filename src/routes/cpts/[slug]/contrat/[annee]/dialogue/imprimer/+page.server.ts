import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { orErrorPage } from '$lib/server/shared/http';
import { requireDialogue } from '$lib/server/aci';
import { contractPage } from '../../../http';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const db = await getDb();
	const { cpts, year } = await contractPage(db, params, locals, url);
	const dialogue = await orErrorPage(locals.locale, url, () => requireDialogue(db, locals.user, cpts.id, year));
	return { cpts: { slug: cpts.slug, name: cpts.name }, year, dialogue };
};
