import type { Actions, PageServerLoad } from './$types';
import { error, fail, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { listRegions } from '$lib/server/cpts';
import { parseForm } from '$lib/server/shared/forms';
import { translate } from '$lib/i18n';
import {
	canEditResource,
	canSubmitResource,
	requireReadableResource,
	RESOURCE_ARRAY_FIELDS,
	resourceFormSchema,
	resourceFormValues,
	submitResource,
	updateResource
} from '$lib/server/library';
import { formAction, orErrorPage } from '$lib/server/shared/http';

async function editableResource(locals: App.Locals, url: URL, slug: string) {
	const user = requireUser(locals, url);
	const db = await getDb();
	const resource = await orErrorPage(locals.locale, url, () => requireReadableResource(db, user, slug));
	if (!canEditResource(user, resource)) error(403, translate(locals.locale, 'library.cannotEdit'));
	return { db, user, resource };
}

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const { db, user, resource } = await editableResource(locals, url, params.slug);
	return {
		resource: { slug: resource.slug, title: resource.title, status: resource.status },
		values: resourceFormValues(resource),
		regions: await listRegions(db),
		canSubmit: canSubmitResource(user, resource)
	};
};

export const actions: Actions = {
	default: formAction(async ({ request, params, locals, url }, scope) => {
		const { db, user, resource } = await editableResource(locals, url, params.slug);
		const regions = await listRegions(db);
		const formData = await request.formData();
		const parsed = parseForm(resourceFormSchema(regions.map((region) => region.code)), formData, RESOURCE_ARRAY_FIELDS);
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		const submit = formData.get('intent') === 'submit';
		scope.keep({ values: parsed.values });
		await updateResource(db, user, resource.id, parsed.data);
		if (submit) await submitResource(db, user, resource.id);
		redirect(303, `/bibliotheque/${resource.slug}?message=${submit ? 'submitted' : 'saved'}`);
	})
};
