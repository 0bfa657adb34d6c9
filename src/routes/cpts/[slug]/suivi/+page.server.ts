import type { Actions, PageServerLoad } from './$types';
import { fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireCptsBySlug } from '$lib/server/cpts';
import { parseForm } from '$lib/server/shared/forms';
import { orErrorPage } from '$lib/server/shared/http';
import { addFollowUp, failOnField, getSuivi, listFacilitators, logEntrySchema, recordStage, stageEventSchema, supportSchema, todayIso, updateSupport } from '$lib/server/steering';

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
	stage: async ({ request, params, locals, url }) => {
		const { db, cpts } = await cptsOf(params, locals, url);
		const parsed = parseForm(stageEventSchema, await request.formData());
		if (!parsed.ok) return fail(400, { stageErrors: parsed.errors, stageValues: parsed.values });
		try {
			const { stageChanged } = await recordStage(db, locals.user, cpts.id, parsed.data);
			return { success: stageChanged ? 'plans.stage.recordedAndChanged' : 'plans.stage.recorded' };
		} catch (caught) {
			const failure = failOnField(locals.locale, caught, parsed.values);
			return fail(failure.status, { stageErrors: failure.data.errors, stageParams: failure.data.messageParams, stageValues: parsed.values });
		}
	},
	support: async ({ request, params, locals, url }) => {
		const { db, cpts } = await cptsOf(params, locals, url);
		const parsed = parseForm(supportSchema, await request.formData());
		if (!parsed.ok) return fail(400, { supportErrors: parsed.errors, supportValues: parsed.values });
		try {
			await updateSupport(db, locals.user, cpts.id, parsed.data);
		} catch (caught) {
			const failure = failOnField(locals.locale, caught, parsed.values);
			return fail(failure.status, { supportErrors: failure.data.errors, supportValues: parsed.values });
		}
		return { success: 'common.saved' };
	},
	followUp: async ({ request, params, locals, url }) => {
		const { db, cpts } = await cptsOf(params, locals, url);
		const parsed = parseForm(logEntrySchema, await request.formData());
		if (!parsed.ok) return fail(400, { logErrors: parsed.errors, logValues: parsed.values });
		try {
			await addFollowUp(db, locals.user, cpts.id, parsed.data);
		} catch (caught) {
			const failure = failOnField(locals.locale, caught, parsed.values);
			return fail(failure.status, { logErrors: failure.data.errors, logValues: parsed.values });
		}
		return { success: 'plans.log.added' };
	}
};
