import type { LayoutServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { unreadCount } from '$lib/server/notifications';
import { steeringHome, steeringScopeFrom } from '$lib/server/territories/scope';

export const load: LayoutServerLoad = async ({ locals, request }) => {
	const user = locals.user;
	const extras = locals.sessionExtras;
	// The unread count and the partner account came with the session (one query per request);
	// after a form action that may have read notifications, the count is read again.
	const unreadNotifications = !user ? 0 : request.method === 'GET' && extras ? extras.unreadNotifications : await unreadCount(await getDb(), user.id);
	const scope = steeringScopeFrom(user, extras?.partner ?? null);
	return {
		locale: locals.locale,
		user: user && { id: user.id, name: user.name, roles: user.roles, emailVerified: user.emailVerified },
		unreadNotifications,
		// The « Pilotage » link: facilitators and admins, and partner accounts (ARS, CPAM, URPS).
		steeringHome: scope ? steeringHome(scope) : null
	};
};
