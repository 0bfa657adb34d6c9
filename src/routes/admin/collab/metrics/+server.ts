import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { collabMetrics } from '$lib/server/collab';

/**
 * Metrics of the collaboration servers of this process (admins only), as JSON. A ws-server
 * run as its own process answers the same path on its own port.
 */
export const GET: RequestHandler = ({ locals, url }) => {
	requireRole(locals, url, 'admin');
	return json({ servers: collabMetrics() }, { headers: { 'cache-control': 'no-store' } });
};
