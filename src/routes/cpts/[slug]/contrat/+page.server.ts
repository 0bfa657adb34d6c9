import type { Actions, PageServerLoad } from './$types';
import { fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireCptsBySlug } from '$lib/server/cpts';
import { parseForm } from '$lib/server/shared/forms';
import { formAction, orErrorPage } from '$lib/server/shared/http';
import { getAttachmentStore } from '$lib/server/storage';
import { todayIso } from '$lib/server/steering';
import { attachContractDocument, CONTRACT_ARRAY_FIELDS, centsToField, contractFormSchema, dialogueDates, getContract, saveContract } from '$lib/server/aci';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const db = await getDb();
	const cpts = await orErrorPage(locals.locale, url, () => requireCptsBySlug(db, params.slug));
	const view = await orErrorPage(locals.locale, url, () => getContract(db, locals.user, cpts.id));
	return {
		cpts: { id: cpts.id, slug: cpts.slug, name: cpts.name, population: cpts.population, sizeBand: cpts.sizeBand },
		access: view.access,
		contract: view.contract,
		dialogues: view.contract ? await dialogueDates(db, view.contract.id) : {},
		/** What the contract form starts from when nothing was just posted. */
		formDefaults: view.contract
			? {
					signedOn: view.contract.signedOn,
					signatoryCpts: view.contract.signatoryCpts,
					signatoryCpam: view.contract.signatoryCpam,
					signatoryArs: view.contract.signatoryArs,
					optionalMissions: view.contract.optionalMissions.join(','),
					operatingEnvelope: centsToField(view.contract.operatingEnvelopeCents)
				}
			: {},
		today: todayIso()
	};
};

async function cptsOf(params: { slug: string }, locals: App.Locals, url: URL) {
	const db = await getDb();
	return { db, cpts: await orErrorPage(locals.locale, url, () => requireCptsBySlug(db, params.slug)) };
}

export const actions: Actions = {
	save: formAction(async ({ request, params, locals, url }, scope) => {
		const { db, cpts } = await cptsOf(params, locals, url);
		const parsed = parseForm(contractFormSchema, await request.formData(), CONTRACT_ARRAY_FIELDS);
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		scope.keep({ values: parsed.values });
		const { stageChanged } = await saveContract(db, locals.user, cpts.id, parsed.data);
		return { success: stageChanged ? 'aci.contract.savedAndStage' : 'aci.contract.saved' };
	}, { fieldErrors: 'errors' }),
	document: formAction(async ({ request, params, locals, url }) => {
		const { db, cpts } = await cptsOf(params, locals, url);
		const file = (await request.formData()).get('document');
		if (!(file instanceof File) || (file.size === 0 && !file.name)) return fail(400, { documentErrors: { document: 'aci.document.chooseFile' } });
		await attachContractDocument(db, getAttachmentStore(), locals.user, cpts.id, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
		return { success: 'aci.document.added' };
	}, { fieldErrors: 'documentErrors' })
};
