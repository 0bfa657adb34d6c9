import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { buildAtomFeed } from '$lib/server/library';

/** Newly published public resources, for feed readers. */
export const GET: RequestHandler = async ({ url }) => {
	// French for everyone: feed readers send no preference, and one version can be cached.
	const xml = await buildAtomFeed(await getDb(), url.origin, 'fr');
	return new Response(xml, {
		headers: {
			'content-type': 'application/atom+xml; charset=utf-8',
			// The same for everyone: only public resources are in it.
			'cache-control': 'public, max-age=300'
		}
	});
};
