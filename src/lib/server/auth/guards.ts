/**
 * Page guards: the one place that turns "who is signed in" into redirects and 403s.
 * Feature permission questions (canEditDraft…) live in their feature folders and use these.
 */
import { error, redirect } from '@sveltejs/kit';
import type { GrantedRole } from '../../domain/professions';
import { translate, type Locale } from '../../i18n';
import type { SessionUser } from './session';

interface GuardLocals {
	user: SessionUser | null;
	locale: Locale;
}

/** Whether the user holds a role; admins hold every role. */
export function hasRole(user: SessionUser | null | undefined, role: GrantedRole): boolean {
	return Boolean(user && (user.roles.includes(role) || user.roles.includes('admin')));
}

/** The signed-in user, or a redirect to the sign-in page that comes back here afterwards. */
export function requireUser(locals: GuardLocals, url: URL): SessionUser {
	if (!locals.user) redirect(303, `/connexion?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
	return locals.user;
}

/** The signed-in user holding `role` (or admin); 403 otherwise. */
export function requireRole(locals: GuardLocals, url: URL, role: GrantedRole): SessionUser {
	const user = requireUser(locals, url);
	if (!hasRole(user, role)) error(403, translate(locals.locale, 'error.forbidden'));
	return user;
}
