import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { listUserCpts } from '$lib/server/cpts';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const entries = await listUserCpts(await getDb(), user.id);
	return {
		memberships: entries.filter((entry) => entry.status === 'active'),
		requests: entries.filter((entry) => entry.status !== 'active')
	};
};
