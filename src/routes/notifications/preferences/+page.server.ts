import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import {
	DIGEST_FREQUENCIES,
	getDigestFrequency,
	getPreferences,
	kindLabelKey,
	NOTIFICATION_KIND_LIST,
	NOTIFICATION_KINDS,
	NOTIFICATION_PREFERENCES,
	setDigestFrequency,
	setPreferences
} from '$lib/server/notifications';
import { parseForm } from '$lib/server/shared/forms';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const db = await getDb();
	const [preferences, digestFrequency] = await Promise.all([getPreferences(db, user.id), getDigestFrequency(db, user.id)]);
	return {
		emailVerified: user.emailVerified,
		channels: NOTIFICATION_PREFERENCES,
		digestFrequencies: DIGEST_FREQUENCIES,
		digestFrequency,
		kinds: NOTIFICATION_KIND_LIST.map((kind) => ({
			kind,
			label: kindLabelKey(kind),
			defaultPreference: NOTIFICATION_KINDS[kind].defaultPreference,
			preference: preferences[kind]
		}))
	};
};

const preferencesSchema = z.object({
	...Object.fromEntries(NOTIFICATION_KIND_LIST.map((kind) => [kind, z.enum(NOTIFICATION_PREFERENCES, { error: 'form.choice' })])),
	digestFrequency: z.enum(DIGEST_FREQUENCIES, { error: 'form.choice' })
});

export const actions: Actions = {
	default: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		const parsed = parseForm(preferencesSchema, await request.formData());
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		const { digestFrequency, ...preferences } = parsed.data;
		const db = await getDb();
		await db.transaction(async (tx) => {
			await setPreferences(tx, user.id, preferences);
			await setDigestFrequency(tx, user.id, digestFrequency);
		});
		return { saved: true };
	}
};
