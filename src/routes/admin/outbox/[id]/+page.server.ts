import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getOutboxMessage } from '$lib/server/admin';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { translate } from '$lib/i18n';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	requireRole(locals, url, 'admin');
	const id = Number(params.id);
	const message = Number.isSafeInteger(id) && id > 0 ? await getOutboxMessage(await getDb(), id) : null;
	if (!message) error(404, translate(locals.locale, 'admin.outbox.notFound'));
	return { message };
};
