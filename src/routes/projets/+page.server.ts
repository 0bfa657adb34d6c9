import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { listUserCpts } from '$lib/server/cpts';
import { getDb } from '$lib/server/db';
import { listMyDrafts } from '$lib/server/drafts';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const db = await getDb();
	const [drafts, memberships] = await Promise.all([listMyDrafts(db, user), listUserCpts(db, user.id)]);
	return {
		drafts,
		myCpts: memberships.filter((entry) => entry.status === 'active').map((entry) => ({ slug: entry.slug, name: entry.name }))
	};
};
