import type { Actions, PageServerLoad } from './$types';
import { resendVerification } from '$lib/server/auth/accounts';
import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';

export const load: PageServerLoad = ({ locals, url }) => {
	const user = requireUser(locals, url);
	return { email: user.email, verified: user.emailVerified };
};

export const actions: Actions = {
	default: async ({ locals, url }) => {
		const user = requireUser(locals, url);
		return { resent: await resendVerification(await getDb(), user.id), email: user.email };
	}
};
