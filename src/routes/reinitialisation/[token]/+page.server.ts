import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { checkResetLink, resetPassword } from '$lib/server/auth/accounts';
import { clientInfo, setSessionCookie } from '$lib/server/auth/cookies';
import { getDb } from '$lib/server/db';

const privateHeaders = { 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' };

export const load: PageServerLoad = async ({ params, setHeaders }) => {
	setHeaders(privateHeaders);
	const link = await checkResetLink(await getDb(), params.token);
	return { problem: link.ok ? null : link.problem };
};

export const actions: Actions = {
	default: async (event) => {
		const outcome = await resetPassword(await getDb(), event.params.token, await event.request.formData(), clientInfo(event));
		if (!outcome.ok) return fail('problem' in outcome ? 410 : 400, outcome);
		setSessionCookie(event.cookies, outcome.token, outcome.session.expiresAt);
		redirect(303, '/compte?motdepasse=reinitialise');
	}
};
