/**
 * Page guards: the one place that turns "who is signed in" into redirects and 403s.
 * Feature permission questions (canEditDraft…) live in their feature folders and use these.
 */
import { error, redirect } from '@sveltejs/kit';
import type { GrantedRole } from '../../domain/professions';
import { translate, type Locale } from '../../i18n';
import { AppError } from '../shared/errors';
import type { SessionUser } from './session';

/** The page that resends the verification link to the signed-in user. */
export const VERIFY_EMAIL_PATH = '/verification';

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

/**
 * Refuses an account whose e-mail address is not verified yet what would let a throwaway
 * account take something from real people or speak in the network's name: a DPC seat or
 * waiting-list place, a forum thread or reply, a request to join a CPTS. Reading stays open.
 * The one rule for all of them; each feature's command calls it.
 */
export function requireVerifiedEmail(user: { emailVerified: boolean }): void {
	if (!user.emailVerified) throw new AppError('email_unverified', 'error.emailUnverified');
}
