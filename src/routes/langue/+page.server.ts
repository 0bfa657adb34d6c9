import { redirect } from '@sveltejs/kit';
import type { Actions } from './$types';
import { safeRedirectTarget } from '$lib/server/shared/redirect';

export const actions: Actions = {
	default: async ({ request, cookies }) => {
		const form = await request.formData();
		const locale = form.get('locale') === 'en' ? 'en' : 'fr';
		cookies.set('cpts_locale', locale, { path: '/', httpOnly: false, sameSite: 'lax', maxAge: 60 * 60 * 24 * 365 });
		redirect(303, safeRedirectTarget(form.get('redirectTo')));
	}
};
