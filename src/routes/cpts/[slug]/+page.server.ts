import type { Actions, PageServerLoad } from './$types';
import { fail } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { parseForm } from '$lib/server/shared/forms';
import {
	getPublicMembership,
	getViewerAccess,
	joinRequestSchema,
	leaveCpts,
	requestToJoin,
	requireCptsBySlug
} from '$lib/server/cpts';
import { formAction, orErrorPage } from '$lib/server/shared/http';
import { suiviAccess } from '$lib/server/steering';
import { contractAccess } from '$lib/server/aci';
import { getTerritoryView } from '$lib/server/territories/editing';

// The member list itself is not loaded here: it lives on /membres, behind canSeeMembers.
export const load: PageServerLoad = async ({ params, locals, url }) => {
	const db = await getDb();
	const cpts = await orErrorPage(locals.locale, url, () => requireCptsBySlug(db, params.slug));
	const access = await getViewerAccess(db, locals.user, cpts.id);
	const [people, territory, suivi, contract] = await Promise.all([
		getPublicMembership(db, cpts.id),
		getTerritoryView(db, cpts.id),
		suiviAccess(db, locals.user, cpts),
		contractAccess(db, locals.user, cpts)
	]);
	return {
		cpts,
		territory,
		access,
		signedIn: locals.user !== null,
		coordinators: people.coordinators,
		memberCount: people.memberCount,
		seesSuivi: suivi.readsHistory,
		seesContract: contract.reads
	};
};

export const actions: Actions = {
	join: formAction(async ({ request, params, locals, url }, scope) => {
		const user = requireUser(locals, url);
		const db = await getDb();
		const cpts = await orErrorPage(locals.locale, url, () => requireCptsBySlug(db, params.slug));
		const parsed = parseForm(joinRequestSchema, await request.formData());
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		scope.keep({ values: parsed.values });
		await requestToJoin(db, user, cpts.id, parsed.data.message);
		return { success: 'cpts.join.sent' };
	}),
	leave: formAction(async ({ params, locals, url }) => {
		const user = requireUser(locals, url);
		const db = await getDb();
		const cpts = await orErrorPage(locals.locale, url, () => requireCptsBySlug(db, params.slug));
		const wasPending = (await getViewerAccess(db, user, cpts.id)).membership?.status === 'pending';
		await leaveCpts(db, user, cpts.id);
		return { success: wasPending ? 'cpts.join.withdrawn' : 'cpts.leave.done' };
	})
};
