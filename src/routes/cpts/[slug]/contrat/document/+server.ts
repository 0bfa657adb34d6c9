import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { requireCptsBySlug } from '$lib/server/cpts';
import { orErrorPage } from '$lib/server/shared/http';
import { getAttachmentStore } from '$lib/server/storage';
import { contentDisposition } from '$lib/server/library/attachments';
import { openContractDocument } from '$lib/server/aci';

/** The signed contract (PDF), for those who may read the contract. */
export const GET: RequestHandler = async ({ params, locals, url }) => {
	const db = await getDb();
	const cpts = await orErrorPage(locals.locale, url, () => requireCptsBySlug(db, params.slug));
	const download = await orErrorPage(locals.locale, url, () => openContractDocument(db, getAttachmentStore(), locals.user, cpts.id));
	return new Response(download.object.body, {
		headers: {
			'content-type': 'application/pdf',
			'content-length': String(download.object.size),
			'content-disposition': contentDisposition(download.fileName),
			'x-content-type-options': 'nosniff',
			'content-security-policy': "default-src 'none'; sandbox",
			'cache-control': 'private, no-store'
		}
	});
};
