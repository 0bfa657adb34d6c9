import type { Actions, PageServerLoad } from './$types';
import { redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { formAction, orErrorPage } from '$lib/server/shared/http';
import { getDb } from '$lib/server/db';
import { compareDocuments, getVersion, loadCurrentJSON, restoreVersion } from '$lib/server/drafts';
import { requireReadableDraft } from '$lib/server/drafts/http';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const db = await getDb();
	const access = await requireReadableDraft(db, locals, url, params.id);
	const version = await orErrorPage(locals.locale, url, () => getVersion(db, locals.user, access.draft.id, Number(params.number)));
	const current = await loadCurrentJSON(db, access.draft.id);
	return {
		draft: { id: access.draft.id, title: access.draft.title },
		version,
		comparison: compareDocuments(version.doc, current),
		canRestore: access.canEdit
	};
};

export const actions: Actions = {
	restore: formAction(async ({ params, locals, url }) => {
		const user = requireUser(locals, url);
		const number = Number(params.number);
		await restoreVersion(await getDb(), user, params.id, number);
		// Everyone connected already has the restored text; the page says it was done.
		redirect(303, `/projets/${params.id}?restauree=${number}`);
	})
};
