import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { grantRole, revokeRole, searchUsers } from '$lib/server/admin';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { formAction } from '$lib/server/shared/http';
import { parseForm } from '$lib/server/shared/forms';
import { GRANTED_ROLES, type GrantedRole } from '$lib/domain/professions';
import { listRegions } from '$lib/server/cpts';
import { listDepartements } from '$lib/server/geo/units';
import { listPartnerAccounts, partnerFormSchema, removePartnerAccount, setPartnerAccount } from '$lib/server/steering';

export const load: PageServerLoad = async ({ locals, url }) => {
	const admin = requireRole(locals, url, 'admin');
	const query = url.searchParams.get('q')?.trim().slice(0, 200) ?? '';
	const roleParam = url.searchParams.get('role');
	const role = GRANTED_ROLES.includes(roleParam as GrantedRole) ? (roleParam as GrantedRole) : null;
	const db = await getDb();
	const users = await searchUsers(db, { query, role, limit: 50 });
	return {
		query,
		role,
		users,
		roles: GRANTED_ROLES,
		currentUserId: admin.id,
		partners: await listPartnerAccounts(db),
		regions: await listRegions(db),
		departements: (await listDepartements(db)).map(({ code, name, regionCode }) => ({ code, name, regionCode }))
	};
};

const roleChangeSchema = z.object({
	userId: z.string({ error: 'form.required' }).min(1, 'form.required').max(64, 'form.invalid'),
	role: z.enum(GRANTED_ROLES, { error: 'form.choice' })
});

/** Runs a grant or revoke from a form post and turns its outcome into the page's message. */
function changeRole(change: typeof grantRole | typeof revokeRole) {
	return formAction(async ({ locals, url, request }: RequestEvent) => {
		const admin = requireRole(locals, url, 'admin');
		const parsed = parseForm(roleChangeSchema, await request.formData());
		if (!parsed.ok) return fail(400, { message: parsed.errors.role ?? parsed.errors.userId ?? 'form.invalid' });
		const result = await change(await getDb(), admin, parsed.data.userId, parsed.data.role);
		const key = change === grantRole
			? result.changed ? 'admin.roles.granted' : 'admin.roles.alreadyGranted'
			: result.changed ? 'admin.roles.revoked' : 'admin.roles.notHeld';
		return { success: key, role: parsed.data.role, name: result.userName };
	});
}

export const actions: Actions = {
	grant: changeRole(grantRole),
	revoke: changeRole(revokeRole),
	setPartner: formAction(async ({ locals, url, request }, scope) => {
		const admin = requireRole(locals, url, 'admin');
		const parsed = parseForm(partnerFormSchema, await request.formData());
		if (!parsed.ok) return fail(400, { partnerErrors: parsed.errors, partnerValues: parsed.values });
		scope.keep({ partnerValues: parsed.values });
		const { userName } = await setPartnerAccount(await getDb(), admin, parsed.data);
		return { partnerSuccess: 'plans.partner.saved', name: userName };
	}, { fieldErrors: 'partnerErrors' }),
	removePartner: formAction(async ({ locals, url, request }) => {
		const admin = requireRole(locals, url, 'admin');
		const userId = (await request.formData()).get('userId');
		await removePartnerAccount(await getDb(), admin, typeof userId === 'string' ? userId : '');
		return { partnerSuccess: 'plans.partner.removed', name: '' };
	})
};
