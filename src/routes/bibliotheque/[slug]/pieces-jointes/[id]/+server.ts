import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { getAttachmentStore } from '$lib/server/storage';
import { downloadHeaders, openAttachment } from '$lib/server/library';
import { orErrorPage } from '$lib/server/shared/http';

/** A resource's attachment, for those who may read the resource (same refusals as its page). */
export const GET: RequestHandler = async ({ params, locals, url }) => {
	const db = await getDb();
	const download = await orErrorPage(locals.locale, url, () =>
		openAttachment(db, getAttachmentStore(), locals.user, params.slug, params.id)
	);
	return new Response(download.object.body, { headers: downloadHeaders(download) });
};
