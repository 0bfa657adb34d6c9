import type { Actions, PageServerLoad } from './$types';
import { fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { formAction, orErrorPage } from '$lib/server/shared/http';
import { centsToField, decimalToField, getContractYear, parseMissionYearForm, saveMissionYear } from '$lib/server/aci';
import { contractPage } from '../http';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const db = await getDb();
	const { cpts, year } = await contractPage(db, params, locals, url);
	const view = await orErrorPage(locals.locale, url, () => getContractYear(db, locals.user, cpts.id, year));
	return {
		cpts: { slug: cpts.slug, name: cpts.name },
		year,
		access: view.access,
		missions: view.missions.map((mission) => ({
			...mission,
			/** The mission's form as saved, in the field names the form posts. */
			fields: {
				actions: mission.actions,
				status: mission.status,
				comments: mission.comments,
				fixedPart: centsToField(mission.fixedCents),
				variablePart: centsToField(mission.variableCents),
				...Object.fromEntries(
					mission.indicators.flatMap((indicator, index) => [
						[`label_${index}`, indicator.label],
						[`kind_${index}`, indicator.kind],
						[`unit_${index}`, indicator.unit],
						[`target_${index}`, decimalToField(indicator.target)],
						[`achieved_${index}`, decimalToField(indicator.achieved)],
						[`done_${index}`, indicator.done === null ? '' : indicator.done ? 'oui' : 'non']
					])
				)
			} as Record<string, string>
		}))
	};
};

export const actions: Actions = {
	mission: formAction(async ({ request, params, locals, url }, scope) => {
		const db = await getDb();
		const { cpts, year } = await contractPage(db, params, locals, url);
		const formData = await request.formData();
		const mission = String(formData.get('mission') ?? '');
		const parsed = parseMissionYearForm(formData);
		if (!parsed.ok) return fail(400, { mission, errors: parsed.errors, values: parsed.values });
		scope.keep({ mission, values: parsed.values });
		await saveMissionYear(db, locals.user, cpts.id, year, mission, parsed.data);
		return { success: 'aci.year.saved', mission };
	}, { fieldErrors: 'errors' })
};
