/** Calling routes' loads, actions and endpoints in tests as SvelteKit would. */
import { isHttpError, isRedirect } from '@sveltejs/kit';
import type { SessionUser } from '../../src/lib/server/auth/session';

/** What hooks.server.ts puts in locals.user for a factory-made user (verified unless the row says otherwise). */
export function asSessionUser(user: {
	id: string;
	email: string;
	name: string;
	profession: string;
	roles: SessionUser['roles'];
	emailVerifiedAt?: Date | null;
}): SessionUser {
	const emailVerified = user.emailVerifiedAt !== null;
	return { id: user.id, email: user.email, name: user.name, profession: user.profession, emailVerified, locale: 'fr', roles: user.roles };
}

/** The data a load returned, or the redirect / HTTP error it threw. */
export async function routeOutcome(run: () => unknown): Promise<{ data?: Record<string, unknown>; redirect?: string; status?: number }> {
	try {
		return { data: (await run()) as Record<string, unknown> };
	} catch (error) {
		if (isRedirect(error)) return { redirect: error.location, status: error.status };
		if (isHttpError(error)) return { status: error.status };
		throw error;
	}
}
