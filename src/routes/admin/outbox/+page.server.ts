import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { listOutboxEffects } from '$lib/server/admin';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { retryOutboxJob } from '$lib/server/outbox';
import { OUTBOX_DEFAULTS } from '$lib/server/outbox/worker';
import { parseForm } from '$lib/server/shared/forms';

/** The status filter's values in the URL (?etat=…). */
const STATUS_FILTERS = { 'en-attente': 'pending', abandonnes: 'failed' } as const;

export const load: PageServerLoad = async ({ locals, url }) => {
	requireRole(locals, url, 'admin');
	const before = Number(url.searchParams.get('avant')) || null;
	const filter = Object.keys(STATUS_FILTERS).find((key) => key === url.searchParams.get('etat')) as keyof typeof STATUS_FILTERS | undefined;
	const page = await listOutboxEffects(await getDb(), { limit: 50, before, status: filter ? STATUS_FILTERS[filter] : null });
	return { ...page, filter: filter ?? null, isFirstPage: !before, maxAttempts: OUTBOX_DEFAULTS.maxAttempts };
};

const retrySchema = z.object({ id: z.coerce.number({ error: 'form.invalid' }).int('form.invalid').positive('form.invalid') });

export const actions: Actions = {
	retry: async ({ locals, url, request }) => {
		requireRole(locals, url, 'admin');
		const parsed = parseForm(retrySchema, await request.formData());
		if (!parsed.ok) return fail(400, { message: 'form.invalid' as const });
		if (!(await retryOutboxJob(await getDb(), parsed.data.id))) return fail(409, { message: 'admin.effects.notRetryable' as const });
		return { success: 'admin.effects.retried' as const, id: parsed.data.id };
	}
};
