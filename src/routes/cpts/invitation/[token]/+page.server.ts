import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { acceptInvitation, getInvitationState } from '$lib/server/cpts';
import { formAction } from '$lib/server/shared/http';

// Opening the link shows the invitation; joining is a POST (one button), so that a link
// opened by a mail scanner or forced by another site never makes anyone a member.
export const load: PageServerLoad = async ({ params, locals, url }) => {
	const state = await getInvitationState(await getDb(), params.token);
	return {
		state: state.status === 'invalid' ? state : { status: state.status, cpts: { slug: state.cpts.slug, name: state.cpts.name }, expiresAt: state.expiresAt },
		signedIn: locals.user !== null,
		returnTo: url.pathname
	};
};

export const actions: Actions = {
	default: formAction(async ({ params, locals, url }) => {
		const user = requireUser(locals, url);
		const { cpts } = await acceptInvitation(await getDb(), user, params.token);
		return { accepted: { slug: cpts.slug, name: cpts.name } };
	})
};
