import type { LayoutServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { unreadCount } from '$lib/server/notifications';

export const load: LayoutServerLoad = async ({ locals }) => {
	const user = locals.user;
	return {
		locale: locals.locale,
		user: user && { id: user.id, name: user.name, roles: user.roles, emailVerified: user.emailVerified },
		// One indexed count per page for signed-in users; re-run when a form action invalidates.
		unreadNotifications: user ? await unreadCount(await getDb(), user.id) : 0
	};
};
