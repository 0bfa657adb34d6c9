import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals }) => {
	const user = locals.user;
	return {
		locale: locals.locale,
		user: user && { id: user.id, name: user.name, roles: user.roles, emailVerified: user.emailVerified },
		unreadNotifications: 0
	};
};
