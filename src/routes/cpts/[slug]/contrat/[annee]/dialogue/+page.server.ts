import type { Actions, PageServerLoad } from './$types';
import { fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { parseForm } from '$lib/server/shared/forms';
import { formAction, orErrorPage } from '$lib/server/shared/http';
import { todayIso } from '$lib/server/steering';
import { dialogueFormSchema, getDialogue, saveDialogue } from '$lib/server/aci';
import { contractPage } from '../../http';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const db = await getDb();
	const { cpts, year } = await contractPage(db, params, locals, url);
	const view = await orErrorPage(locals.locale, url, () => getDialogue(db, locals.user, cpts.id, year));
	const dialogue = view.dialogue;
	return {
		cpts: { slug: cpts.slug, name: cpts.name },
		year,
		access: view.access,
		dialogue,
		/** The review shown: the one kept with the dialogue, or what it would hold if written now. */
		review: dialogue?.review.missions ?? view.currentReview,
		formDefaults: dialogue
			? {
					heldOn: dialogue.heldOn,
					participantsCpts: dialogue.participantsCpts,
					participantsCpam: dialogue.participantsCpam,
					participantsArs: dialogue.participantsArs,
					conclusions: dialogue.conclusions,
					nextObjectives: dialogue.nextObjectives
				}
			: {},
		today: todayIso()
	};
};

export const actions: Actions = {
	save: formAction(async ({ request, params, locals, url }, scope) => {
		const db = await getDb();
		const { cpts, year } = await contractPage(db, params, locals, url);
		const parsed = parseForm(dialogueFormSchema, await request.formData());
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		scope.keep({ values: parsed.values });
		await saveDialogue(db, locals.user, cpts.id, year, parsed.data);
		return { success: 'aci.dialogue.saved' };
	}, { fieldErrors: 'errors' })
};
