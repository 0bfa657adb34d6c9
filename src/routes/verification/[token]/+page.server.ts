import type { PageServerLoad } from './$types';
import { verifyEmail } from '$lib/server/auth/accounts';
import { getDb } from '$lib/server/db';

// Opening the link is the verification: the link came by e-mail, so whoever holds it
// controls the address. A link scanner that opens it early only verifies it sooner.
export const load: PageServerLoad = async ({ params, locals, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
	const outcome = await verifyEmail(await getDb(), params.token);
	return {
		outcome: outcome.ok ? ('verified' as const) : outcome.problem,
		signedIn: locals.user !== null,
		canResend: locals.user !== null && !locals.user.emailVerified && !outcome.ok
	};
};
