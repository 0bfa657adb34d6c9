/** A version's text as ProseMirror JSON: what the editor applies when restoring it. */
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { orErrorPage } from '$lib/server/cpts/http';
import { getDb } from '$lib/server/db';
import { getVersion } from '$lib/server/drafts';
import { requireReadableDraft } from '$lib/server/drafts/http';

export const GET: RequestHandler = async ({ params, locals, url }) => {
	const db = await getDb();
	const access = await requireReadableDraft(db, locals, url, params.id);
	const version = await orErrorPage(locals.locale, () => getVersion(db, locals.user, access.draft.id, Number(params.number)));
	return json({ number: version.number, doc: version.doc }, { headers: { 'cache-control': 'private, no-store' } });
};
