import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { createFeedToken, getFeedLinkStatus, revokeFeedToken } from '$lib/server/calendar';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	return { link: await getFeedLinkStatus(await getDb(), user.id) };
};

export const actions: Actions = {
	create: async ({ locals, url }) => {
		const user = requireUser(locals, url);
		const token = await createFeedToken(await getDb(), user.id);
		// Shown once, in this response only: the database keeps its hash.
		return { feedUrl: `${url.origin}/calendrier/${token}.ics` };
	},
	revoke: async ({ locals, url }) => {
		const user = requireUser(locals, url);
		if (!(await revokeFeedToken(await getDb(), user.id))) return fail(404, { message: 'calendar.page.nothingToRevoke' });
		return { revoked: true };
	}
};
