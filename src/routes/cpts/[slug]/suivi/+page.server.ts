import type { Actions, PageServerLoad } from './$types';
import { fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireCptsBySlug } from '$lib/server/cpts';
import { parseForm } from '$lib/server/shared/forms';
import { formAction, orErrorPage } from '$lib/server/shared/http';
import { addFollowUp, getSuivi, listFacilitators, logEntrySchema, recordStage, stageEventSchema, supportSchema, todayIso, updateSupport } from '$lib/server/steering';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const db = await getDb();
	const cpts = await orErrorPage(locals.locale, url, () => requireCptsBySlug(db, params.slug));
	const suivi = await orErrorPage(locals.locale, url, () => getSuivi(db, locals.user, cpts.id));
	return {
		cpts: { id: cpts.id, slug: cpts.slug, name: cpts.name, department: cpts.department },
		suivi,
		facilitators: suivi.access.manages ? await listFacilitators(db) : [],
		today: todayIso()
	};
};

/** The CPTS of the URL, or its 404 page. */
async function cptsOf(params: { slug: string }, locals: App.Locals, url: URL) {
	const db = await getDb();
	return { db, cpts: await orErrorPage(locals.locale, url, () => requireCptsBySlug(db, params.slug)) };
}

export const actions: Actions = {
	stage: formAction(async ({ request, params, locals, url }, scope) => {
		const { db, cpts } = await cptsOf(params, locals, url);
		const parsed = parseForm(stageEventSchema, await request.formData());
		if (!parsed.ok) return fail(400, { stageErrors: parsed.errors, stageValues: parsed.values });
		scope.keep({ stageValues: parsed.values });
		const { stageChanged } = await recordStage(db, locals.user, cpts.id, parsed.data);
		return { success: stageChanged ? 'plans.stage.recordedAndChanged' : 'plans.stage.recorded' };
	}, { fieldErrors: 'stageErrors' }),
	support: formAction(async ({ request, params, locals, url }, scope) => {
		const { db, cpts } = await cptsOf(params, locals, url);
		const parsed = parseForm(supportSchema, await request.formData());
		if (!parsed.ok) return fail(400, { supportErrors: parsed.errors, supportValues: parsed.values });
		scope.keep({ supportValues: parsed.values });
		await updateSupport(db, locals.user, cpts.id, parsed.data);
		return { success: 'common.saved' };
	}, { fieldErrors: 'supportErrors' }),
	followUp: formAction(async ({ request, params, locals, url }, scope) => {
		const { db, cpts } = await cptsOf(params, locals, url);
		const parsed = parseForm(logEntrySchema, await request.formData());
		if (!parsed.ok) return fail(400, { logErrors: parsed.errors, logValues: parsed.values });
		scope.keep({ logValues: parsed.values });
		await addFollowUp(db, locals.user, cpts.id, parsed.data);
		return { success: 'plans.log.added' };
	}, { fieldErrors: 'logErrors' })
};
