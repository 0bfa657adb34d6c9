import { json } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import type { RequestHandler } from './$types';

/** Readiness: the database answers within a second. */
export const GET: RequestHandler = async ({ locals }) => {
	try {
		const database = await getDatabase();
		await Promise.race([
			database.ping(),
			new Promise((_, reject) => setTimeout(() => reject(new Error('database timeout')), 1000))
		]);
		return json({ status: 'ready', database: database.kind }, { headers: { 'cache-control': 'no-store' } });
	} catch (error) {
		locals.log.warn({ err: error }, 'readiness check failed');
		return json({ status: 'unavailable' }, { status: 503, headers: { 'cache-control': 'no-store' } });
	}
};
