import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { parseForm } from '$lib/server/shared/forms';
import { listCptsChoices, matchFiguresSchema, matchProfiles, targetFromCpts, type MatchTarget } from '$lib/server/library';
import { sizeBandFor } from '$lib/domain/professions';

export const load: PageServerLoad = async ({ url, locals }) => {
	const db = await getDb();
	const choices = await listCptsChoices(db);
	const params = url.searchParams;
	let target: MatchTarget | null = null;
	let cpts: { name: string; slug: string } | null = null;
	let cptsNotFound = false;
	let errors: Record<string, string> | null = null;
	let values: Record<string, string> = {};

	const slug = params.get('cpts');
	if (slug) {
		const found = await targetFromCpts(db, slug.slice(0, 100));
		if (found) {
			target = found;
			cpts = { name: found.name, slug: found.slug };
		} else {
			cptsNotFound = true;
		}
	} else if (params.has('population')) {
		const form = new FormData();
		for (const name of ['population', 'professionals', 'nature', 'maturity']) form.set(name, params.get(name) ?? '');
		const parsed = parseForm(matchFiguresSchema, form);
		values = parsed.values;
		if (parsed.ok) target = parsed.data as MatchTarget;
		else errors = parsed.errors;
	}

	return {
		choices,
		selectedSlug: slug ?? '',
		cpts,
		cptsNotFound,
		errors,
		values,
		target: target && { ...target, sizeBand: sizeBandFor(target.population) },
		matches: target ? await matchProfiles(db, locals.user, target) : []
	};
};
