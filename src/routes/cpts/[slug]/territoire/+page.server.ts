import type { Actions, PageServerLoad } from './$types';
import { error, fail } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { translate } from '$lib/i18n';
import { canEditTerritory, requireCptsBySlug } from '$lib/server/cpts';
import { changeTerritory, getTerritoryView, rejectionProblems, searchForTerritory, type TerritoryChange } from '$lib/server/territories/editing';
import { formAction, orErrorPage } from '$lib/server/shared/http';

/** The CPTS, once the viewer is known to be allowed to draw its territory (sign-in, else 403). */
async function editableCpts(locals: App.Locals, url: URL, slug: string) {
	const user = requireUser(locals, url);
	const db = await getDb();
	const cpts = await orErrorPage(locals.locale, url, () => requireCptsBySlug(db, slug));
	if (!(await canEditTerritory(db, user, cpts.id))) error(403, translate(locals.locale, 'error.forbidden'));
	return { user, db, cpts };
}

const text = (form: FormData, name: string) => {
	const value = form.get(name);
	return typeof value === 'string' ? value.slice(0, 20_000) : '';
};

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const { db, cpts } = await editableCpts(locals, url, params.slug);
	const q = url.searchParams.get('q')?.trim().slice(0, 80) ?? '';
	const epci = url.searchParams.get('epci')?.trim().slice(0, 80) ?? '';
	const territory = await getTerritoryView(db, cpts.id);
	return {
		cpts: { id: cpts.id, slug: cpts.slug, name: cpts.name },
		territory,
		query: { q, epci },
		results: await searchForTerritory(db, territory, { q, epci })
	};
};

/** One action per way of changing the territory; each sends the whole new list. */
function apply(toChange: (form: FormData) => TerritoryChange) {
	return formAction(async ({ locals, url, params, request }: Parameters<Actions[string]>[0], scope) => {
		const { user, db, cpts } = await editableCpts(locals, url, params.slug!);
		const form = await request.formData();
		const change = toChange(form);
		const values = change.kind === 'paste' ? { codes: change.text, replace: change.replace } : {};
		scope.keep({ kind: change.kind, values });
		// A change refused for its communes lists them, each with why.
		const outcome = await changeTerritory(db, user, cpts.id, change).catch(rejectionProblems);
		if ('problems' in outcome) return fail(400, { kind: change.kind, problems: outcome.problems, values });
		return { success: true, added: outcome.added, removed: outcome.removed, population: outcome.summary.population, kind: change.kind };
	});
}

export const actions: Actions = {
	add: apply((form) => ({ kind: 'add', code: text(form, 'code') })),
	remove: apply((form) => ({ kind: 'remove', code: text(form, 'code') })),
	epci: apply((form) => ({ kind: 'epci', epciCode: text(form, 'epci') })),
	paste: apply((form) => ({ kind: 'paste', text: text(form, 'codes'), replace: form.get('replace') === 'on' }))
};
