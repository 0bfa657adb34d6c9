import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { orErrorPage } from '$lib/server/shared/http';
import { canAnnounce, getAnnouncement } from '$lib/server/announcements';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const db = await getDb();
	const announcement = await orErrorPage(locals.locale, url, () => getAnnouncement(db, user, params.id));
	return { announcement, justSent: url.searchParams.has('envoyee'), showsHistory: canAnnounce(user) };
};
