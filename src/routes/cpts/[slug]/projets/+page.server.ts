import type { Actions, PageServerLoad } from './$types';
import { fail, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { getViewerAccess, requireCptsBySlug } from '$lib/server/cpts';
import { formAction, orErrorPage } from '$lib/server/shared/http';
import { countOpenThreads, draftCreateSchema, listCptsDrafts, profileChoices, startDraft } from '$lib/server/drafts';
import { parseForm } from '$lib/server/shared/forms';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const user = requireUser(locals, url);
	const db = await getDb();
	const cpts = await orErrorPage(locals.locale, url, () => requireCptsBySlug(db, params.slug));
	const access = await getViewerAccess(db, user, cpts.id);
	const drafts = await listCptsDrafts(db, user, cpts.id);
	const threads = await countOpenThreads(
		db,
		drafts.map((draft) => draft.id)
	);
	const canCreate = access.membership?.status === 'active';
	return {
		cpts: { id: cpts.id, slug: cpts.slug, name: cpts.name, nature: cpts.nature, population: cpts.population },
		drafts: drafts.map((draft) => ({
			id: draft.id,
			title: draft.title,
			status: draft.status,
			createdAt: draft.createdAt,
			updatedAt: draft.updatedAt,
			openThreads: threads.get(draft.id) ?? 0
		})),
		canCreate,
		profiles: canCreate
			? (await profileChoices(db, user, cpts)).map((match) => ({ slug: match.slug, title: match.title, summary: match.summary, score: match.score }))
			: [],
		preselected: url.searchParams.get('profil') ?? ''
	};
};

export const actions: Actions = {
	create: formAction(async ({ request, params, locals, url }, scope) => {
		const user = requireUser(locals, url);
		const db = await getDb();
		const cpts = await orErrorPage(locals.locale, url, () => requireCptsBySlug(db, params.slug));
		const parsed = parseForm(draftCreateSchema, await request.formData());
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		scope.keep({ values: parsed.values });
		const draftId = (await startDraft(db, user, cpts, parsed.data)).id;
		redirect(303, `/projets/${draftId}?cree=1`);
	})
};
