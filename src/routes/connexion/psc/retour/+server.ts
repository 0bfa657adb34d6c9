import { error, redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { clientInfo, setSessionCookie } from '$lib/server/auth/cookies';
import { completePsc, pscConfig, pscRefusedPath, setPscPendingCookie, takePscStateCookie } from '$lib/server/auth/psc';
import { getDb } from '$lib/server/db';
import { endpoint } from '$lib/server/shared/http';

/** Where Pro Santé Connect sends the browser back (PSC_REDIRECT_URL). */
export const GET: RequestHandler = endpoint(async (event) => {
	const psc = pscConfig();
	if (!psc) error(404);
	const outcome = await completePsc(await getDb(), psc, {
		callbackUrl: event.url,
		cookieState: takePscStateCookie(event.cookies),
		client: { ...clientInfo(event), locale: event.locals.locale }
	});
	if (!outcome.ok) redirect(303, pscRefusedPath(outcome.purpose, outcome.reason));
	if (outcome.kind === 'linked') redirect(303, '/compte?psc=lie');
	if (outcome.kind === 'confirm') {
		setPscPendingCookie(event.cookies, outcome.pendingToken);
		redirect(303, '/connexion/psc/lier');
	}
	setSessionCookie(event.cookies, outcome.token, outcome.session.expiresAt);
	redirect(303, outcome.created ? '/compte?psc=nouveau' : outcome.redirectTo);
});
