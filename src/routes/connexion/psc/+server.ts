import { error, redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { pscConfig, pscRefusedPath, setPscStateCookie, startPsc } from '$lib/server/auth/psc';
import { getDb } from '$lib/server/db';
import { endpoint, signInPath } from '$lib/server/shared/http';

/**
 * Starts a Pro Santé Connect sign-in, or with ?lier a link to the signed-in account. A link
 * (GET), not a form: the site's CSP allows forms to post only to itself, and Chromium applies
 * it to the redirect that follows a post, which would block the way to PSC.
 */
export const GET: RequestHandler = endpoint(async ({ url, locals, cookies }) => {
	const psc = pscConfig();
	if (!psc) error(404);
	const linking = url.searchParams.has('lier');
	if (linking && !locals.user) redirect(303, signInPath(url));
	if (!linking && locals.user) redirect(303, '/compte');
	const purpose = linking ? 'link' : 'sign_in';
	const started = await startPsc(await getDb(), psc, {
		purpose,
		userId: locals.user?.id ?? null,
		redirectTo: url.searchParams.get('redirectTo')
	});
	if (!started.ok) redirect(303, pscRefusedPath(purpose, started.reason));
	setPscStateCookie(cookies, started.state);
	redirect(303, started.url.href);
});
