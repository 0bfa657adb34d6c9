import { redirect } from '@sveltejs/kit';
import type { Actions } from './$types';
import { setPreferredLocale } from '$lib/server/auth/accounts';
import { getDb } from '$lib/server/db';
import { safeRedirectTarget } from '$lib/server/shared/redirect';

export const actions: Actions = {
	default: async ({ request, cookies, locals }) => {
		const form = await request.formData();
		const locale = form.get('locale') === 'en' ? 'en' : 'fr';
		cookies.set('cpts_locale', locale, { path: '/', httpOnly: false, sameSite: 'lax', maxAge: 60 * 60 * 24 * 365 });
		// A signed-in person's saved language is read before the cookie: without this the switch did nothing.
		if (locals.user) await setPreferredLocale(await getDb(), locals.user.id, locale);
		redirect(303, safeRedirectTarget(form.get('redirectTo')));
	}
};
