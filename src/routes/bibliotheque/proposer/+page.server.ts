import type { Actions, PageServerLoad } from './$types';
import { fail, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { listRegions } from '$lib/server/cpts';
import { parseForm } from '$lib/server/shared/forms';
import { createResource, RESOURCE_ARRAY_FIELDS, resourceFormSchema, submitResource } from '$lib/server/library';
import { formAction } from '$lib/server/shared/http';

export const load: PageServerLoad = async ({ locals, url }) => {
	requireUser(locals, url);
	const regions = await listRegions(await getDb());
	// ?type=profil_type preselects the kind (links from the profils-types pages).
	const kind = url.searchParams.get('type') ?? 'bonne_pratique';
	return { regions, initial: { kind, visibility: 'public' } };
};

export const actions: Actions = {
	default: formAction(async ({ request, locals, url }, scope) => {
		const user = requireUser(locals, url);
		const db = await getDb();
		const regions = await listRegions(db);
		const formData = await request.formData();
		const parsed = parseForm(resourceFormSchema(regions.map((region) => region.code)), formData, RESOURCE_ARRAY_FIELDS);
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		let slug: string;
		const submit = formData.get('intent') === 'submit';
		scope.keep({ values: parsed.values });
		const created = await createResource(db, user, parsed.data);
		if (submit) await submitResource(db, user, created.id);
		slug = created.slug;
		redirect(303, `/bibliotheque/${slug}?message=${submit ? 'submitted' : 'created'}`);
	})
};
