import type { LayoutServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { hasRole } from '$lib/server/auth/guards';
import { unreadCount } from '$lib/server/notifications';
import { steeringHomeOf } from '$lib/server/territories/steering-pages';

export const load: LayoutServerLoad = async ({ locals }) => {
	const user = locals.user;
	const db = user ? await getDb() : null;
	const [unreadNotifications, steeringHome] = await Promise.all([
		// One indexed count per page for signed-in users; re-run when a form action invalidates.
		user ? unreadCount(db!, user.id) : 0,
		// The « Pilotage » link: no query for facilitators and admins (their roles are in the
		// session), one primary-key lookup of partner_accounts for other signed-in users.
		!user ? null : hasRole(user, 'facilitator') ? '/reseau' : steeringHomeOf(db!, user)
	]);
	return {
		locale: locals.locale,
		user: user && { id: user.id, name: user.name, roles: user.roles, emailVerified: user.emailVerified },
		unreadNotifications,
		steeringHome
	};
};
