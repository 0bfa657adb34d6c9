import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { draftCpts, exportableDoc } from '$lib/server/drafts';
import { requireReadableDraft } from '$lib/server/drafts/http';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const db = await getDb();
	const { draft } = await requireReadableDraft(db, locals, url, params.id);
	return {
		draft: { id: draft.id, title: draft.title, status: draft.status },
		cpts: await draftCpts(db, draft),
		doc: await exportableDoc(db, draft),
		printedAt: new Date()
	};
};
