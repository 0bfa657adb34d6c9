import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { clientInfo, setSessionCookie } from '$lib/server/auth/cookies';
import {
	confirmPscLink,
	deletePscPendingCookie,
	getPscPendingLink,
	pscConfig,
	pscRefusedPath,
	readPscPendingCookie
} from '$lib/server/auth/psc';
import { getDb } from '$lib/server/db';

export const load: PageServerLoad = async ({ cookies }) => {
	if (!pscConfig()) error(404);
	const pending = await getPscPendingLink(await getDb(), readPscPendingCookie(cookies));
	if (!pending) redirect(303, pscRefusedPath('sign_in', 'pendingExpired'));
	return { email: pending.email, pscName: pending.pscName };
};

export const actions: Actions = {
	default: async (event) => {
		const outcome = await confirmPscLink(await getDb(), readPscPendingCookie(event.cookies), await event.request.formData(), clientInfo(event));
		if (!outcome.ok && 'reason' in outcome) {
			deletePscPendingCookie(event.cookies);
			redirect(303, pscRefusedPath('sign_in', outcome.reason));
		}
		if (!outcome.ok) return fail(outcome.message === 'auth.signIn.throttled' ? 429 : 400, outcome);
		deletePscPendingCookie(event.cookies);
		setSessionCookie(event.cookies, outcome.token, outcome.session.expiresAt);
		redirect(303, '/compte?psc=lie');
	}
};
