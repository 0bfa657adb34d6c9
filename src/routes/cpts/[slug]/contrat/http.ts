/** Route helpers of the contract pages: the CPTS of the URL and the contract year it names. */
import { error } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import type { DbOrTx } from '$lib/server/db';
import { requireCptsBySlug } from '$lib/server/cpts';
import { orErrorPage } from '$lib/server/shared/http';

/** The CPTS of /cpts/[slug]/contrat/[annee]… and its year (a 404 for anything but four digits). */
export async function contractPage(db: DbOrTx, params: { slug: string; annee?: string }, locals: App.Locals, url: URL) {
	const cpts = await orErrorPage(locals.locale, url, () => requireCptsBySlug(db, params.slug));
	if (params.annee !== undefined && !/^\d{4}$/.test(params.annee)) error(404, translate(locals.locale, 'aci.year.outside'));
	return { cpts, year: Number(params.annee) };
}

