import { fail } from '@sveltejs/kit';
import type { Actions } from './$types';
import { requestPasswordReset } from '$lib/server/auth/accounts';
import { getDb } from '$lib/server/db';

export const actions: Actions = {
	default: async ({ request }) => {
		const outcome = await requestPasswordReset(await getDb(), await request.formData());
		if (!outcome.ok) return fail(400, outcome);
		// The same answer whether or not an account has this address.
		return { sent: true, values: outcome.values };
	}
};
