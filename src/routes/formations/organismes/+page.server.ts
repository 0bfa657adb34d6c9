import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { translate } from '$lib/i18n';
import { parseForm } from '$lib/server/shared/forms';
import { attachTrainerByEmail, bodyFormSchema, canManageBodies, createBody, dpcRequest, listBodies } from '$lib/server/dpc';
import { formAction } from '$lib/server/shared/http';

export const load: PageServerLoad = async (event) => {
	requireUser(event.locals, event.url);
	const { db, viewer, locale } = await dpcRequest(event);
	if (!canManageBodies(viewer)) error(403, translate(locale, 'error.forbidden'));
	return { bodies: await listBodies(db) };
};

export const actions: Actions = {
	create: formAction(async (event, scope) => {
		requireUser(event.locals, event.url);
		const { db, viewer } = await dpcRequest(event);
		const parsed = parseForm(bodyFormSchema, await event.request.formData());
		if (!parsed.ok) return fail(400, { action: 'create' as const, errors: parsed.errors, values: parsed.values });
		scope.keep({ action: 'create', values: parsed.values });
		await createBody(db, viewer, parsed.data);
		return { action: 'create' as const, done: 'dpc.bodies.created' };
	}, { fieldErrors: 'errors' }),
	attach: formAction(async (event, scope) => {
		requireUser(event.locals, event.url);
		const { db, viewer } = await dpcRequest(event);
		const data = await event.request.formData();
		const bodyId = String(data.get('bodyId') ?? '');
		const email = String(data.get('email') ?? '');
		scope.keep({ action: 'attach', bodyId, values: { email, bodyId } });
		await attachTrainerByEmail(db, viewer, bodyId, email);
		return { action: 'attach' as const, bodyId, done: 'dpc.bodies.attached' };
	}, { fieldErrors: 'errors' })
};
