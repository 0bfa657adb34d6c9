import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { deleteSessionCookie } from '$lib/server/auth/cookies';
import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { configuredRetention, deleteAccount, listMyExports, requestExport } from '$lib/server/privacy';
import { formAction } from '$lib/server/shared/http';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const exports = await listMyExports(await getDb(), user.id);
	return {
		exports: exports.map(({ id, status, requestedAt, expiresAt }) => ({ id, status, requestedAt, expiresAt })),
		retention: configuredRetention()
	};
};

export const actions: Actions = {
	export: formAction(async ({ locals, url }, scope) => {
		const user = requireUser(locals, url);
		scope.keep({ action: 'export' });
		await requestExport(await getDb(), user.id);
		return { action: 'export' as const, done: 'privacy.export.requested' as const };
	}),
	delete: async ({ locals, url, request, cookies }) => {
		const user = requireUser(locals, url);
		const outcome = await deleteAccount(await getDb(), user.id, await request.formData());
		if (!outcome.ok) return fail(400, { action: 'delete' as const, errors: outcome.errors, values: outcome.values });
		deleteSessionCookie(cookies);
		redirect(303, '/donnees-personnelles?compte=supprime');
	}
};
