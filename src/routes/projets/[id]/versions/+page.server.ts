import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { draftCpts, listVersions } from '$lib/server/drafts';
import { requireReadableDraft } from '$lib/server/drafts/http';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const db = await getDb();
	const access = await requireReadableDraft(db, locals, url, params.id);
	return {
		draft: { id: access.draft.id, title: access.draft.title },
		cpts: await draftCpts(db, access.draft),
		versions: await listVersions(db, locals.user, access.draft.id, access)
	};
};
