import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { error, fail } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { parseForm } from '$lib/server/shared/forms';
import { translate } from '$lib/i18n';
import {
	approveJoinRequest,
	emailOnlySchema,
	getViewerAccess,
	inviteByEmail,
	listMembers,
	listPendingRequests,
	refuseJoinRequest,
	removeMember,
	requireCptsBySlug
} from '$lib/server/cpts';
import { formAction, orErrorPage } from '$lib/server/shared/http';

/** Anonymous visitors go to sign-in; signed-in non-members get a 403 (canSeeMembers). */
export const load: PageServerLoad = async ({ params, locals, url }) => {
	const user = requireUser(locals, url);
	const db = await getDb();
	const cpts = await orErrorPage(locals.locale, url, () => requireCptsBySlug(db, params.slug));
	const access = await getViewerAccess(db, user, cpts.id);
	if (!access.canSeeMembers) error(403, translate(locals.locale, 'error.forbidden'));
	return {
		cpts: { id: cpts.id, slug: cpts.slug, name: cpts.name },
		access,
		viewerId: user.id,
		members: await listMembers(db, cpts.id),
		pending: access.canManageMembers ? await listPendingRequests(db, cpts.id) : []
	};
};

/** The signed-in user, the CPTS and the `userId` field of a member action. */
async function memberActionContext({ request, params, locals, url }: RequestEvent) {
	const user = requireUser(locals, url);
	const db = await getDb();
	const cpts = await orErrorPage(locals.locale, url, () => requireCptsBySlug(db, params.slug));
	const form = await request.formData();
	const userId = form.get('userId');
	return { user, db, cpts, form, userId: typeof userId === 'string' ? userId : '' };
}

export const actions: Actions = {
	approve: formAction(async (event) => {
		const { user, db, cpts, userId } = await memberActionContext(event);
		await approveJoinRequest(db, user, cpts.id, userId);
		return { success: 'cpts.members.approved' };
	}),
	refuse: formAction(async (event) => {
		const { user, db, cpts, userId } = await memberActionContext(event);
		await refuseJoinRequest(db, user, cpts.id, userId);
		return { success: 'cpts.members.refused' };
	}),
	remove: formAction(async (event) => {
		const { user, db, cpts, userId } = await memberActionContext(event);
		await removeMember(db, user, cpts.id, userId);
		return { success: 'cpts.members.removed' };
	}),
	invite: formAction(async (event, scope) => {
		const { user, db, cpts, form } = await memberActionContext(event);
		const parsed = parseForm(emailOnlySchema, form);
		if (!parsed.ok) return fail(400, { inviteErrors: parsed.errors, inviteValues: parsed.values });
		scope.keep({ inviteValues: parsed.values });
		await inviteByEmail(db, user, cpts.id, parsed.data.email);
		return { success: 'cpts.invite.sent', invitedEmail: parsed.data.email };
	})
};
