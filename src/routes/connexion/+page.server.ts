import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { signIn } from '$lib/server/auth/accounts';
import { pscConfig, pscRefusalOf } from '$lib/server/auth/psc';
import { clientInfo, setSessionCookie } from '$lib/server/auth/cookies';
import { getConfig } from '$lib/server/config';
import { getDb } from '$lib/server/db';
import { DEMO_ACCOUNTS } from '$lib/server/demo/accounts';
import { safeRedirectTarget } from '$lib/server/shared/redirect';

export const load: PageServerLoad = ({ locals, url }) => {
	const redirectTo = safeRedirectTarget(url.searchParams.get('redirectTo'), '');
	if (locals.user) redirect(303, redirectTo || '/');
	return {
		redirectTo,
		// The Pro Santé Connect button shows only when PSC is configured.
		psc: pscConfig() !== null,
		pscRefusal: pscRefusalOf(url),
		// Demo passwords are public by design, and shown only in demo mode.
		demoAccounts: getConfig().demoMode
			? DEMO_ACCOUNTS.map(({ email, password, name, roleLabel }) => ({ email, password, name, roleLabel }))
			: []
	};
};

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const outcome = await signIn(await getDb(), form, clientInfo(event));
		if (!outcome.ok) return fail(outcome.message === 'auth.signIn.throttled' ? 429 : 400, outcome);
		setSessionCookie(event.cookies, outcome.token, outcome.session.expiresAt);
		redirect(303, safeRedirectTarget(form.get('redirectTo'), '/'));
	}
};
