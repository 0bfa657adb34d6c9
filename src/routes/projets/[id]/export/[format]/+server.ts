/** Downloads of a draft: /export/docx and /export/markdown (readers of the draft only). */
import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { translate } from '$lib/i18n';
import { getDb } from '$lib/server/db';
import { draftCpts, exportDisposition, exportableDoc, toDocx, toMarkdownFile } from '$lib/server/drafts';
import { requireReadableDraft } from '$lib/server/drafts/http';

export const GET: RequestHandler = async ({ params, locals, url }) => {
	if (params.format !== 'docx' && params.format !== 'markdown') error(404, translate(locals.locale, 'error.notFound'));
	const db = await getDb();
	const { draft } = await requireReadableDraft(db, locals, url, params.id);
	const cpts = await draftCpts(db, draft);
	const doc = await exportableDoc(db, draft);
	const header = { title: draft.title, cptsName: cpts.name, status: draft.status, locale: locals.locale };
	const common = { 'cache-control': 'private, no-store', 'x-content-type-options': 'nosniff' };
	if (params.format === 'docx') {
		const body = await toDocx(header, doc);
		return new Response(new Uint8Array(body), {
			headers: {
				...common,
				'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
				'content-disposition': exportDisposition(draft.title, 'docx')
			}
		});
	}
	return new Response(toMarkdownFile(header, doc), {
		headers: { ...common, 'content-type': 'text/markdown; charset=utf-8', 'content-disposition': exportDisposition(draft.title, 'md') }
	});
};
