import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { signUp } from '$lib/server/auth/accounts';
import { clientInfo } from '$lib/server/auth/cookies';
import { getDb } from '$lib/server/db';
import { safeRedirectTarget } from '$lib/server/shared/redirect';

export const load: PageServerLoad = ({ locals, url }) => {
	const redirectTo = safeRedirectTarget(url.searchParams.get('redirectTo'), '');
	if (locals.user) redirect(303, redirectTo || '/compte');
	return { redirectTo };
};

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const outcome = await signUp(await getDb(), form, { ...clientInfo(event), locale: event.locals.locale });
		if (!outcome.ok) return fail(outcome.message === 'auth.signUp.tooMany' ? 429 : 400, outcome);
		// The same answer whether the address was new or not (signUp): no session, "check your mail".
		return { sent: true as const, email: outcome.email };
	}
};
