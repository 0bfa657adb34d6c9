import type { LayoutServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';

// Every /admin page also checks in its own load and actions: a layout load does not
// guard form actions, and page loads run alongside it.
export const load: LayoutServerLoad = async ({ locals, url }) => {
	requireRole(locals, url, 'admin');
	return {};
};
