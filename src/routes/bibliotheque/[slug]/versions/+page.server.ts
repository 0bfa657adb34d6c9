import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { listRegions } from '$lib/server/cpts';
import {
	canRestoreRevision,
	compareRevisions,
	listRevisions,
	requireReadableResource,
	restoreRevision
} from '$lib/server/library';
import { formAction, orErrorPage } from '$lib/server/shared/http';

const revisionNumber = (value: string | null) => {
	const number = Number(value);
	return Number.isSafeInteger(number) && number > 0 ? number : null;
};

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const user = requireUser(locals, url);
	const db = await getDb();
	return orErrorPage(locals.locale, url, async () => {
		const resource = await requireReadableResource(db, user, params.slug);
		const revisions = await listRevisions(db, user, resource);
		const comparison = await compareRevisions(db, user, resource, revisionNumber(url.searchParams.get('version')));
		const regions = await listRegions(db);
		return {
			resource: { slug: resource.slug, title: resource.title },
			revisions,
			comparison,
			latest: revisions[0]?.number ?? null,
			canRestore: canRestoreRevision(user, resource),
			regionNames: Object.fromEntries(regions.map((region) => [region.code, region.name]))
		};
	});
};

export const actions: Actions = {
	restore: formAction(async ({ request, params, locals, url }) => {
		const user = requireUser(locals, url);
		const db = await getDb();
		const resource = await orErrorPage(locals.locale, url, () => requireReadableResource(db, user, params.slug));
		const number = revisionNumber(String((await request.formData()).get('number') ?? ''));
		if (!number) return { restored: null };
		await restoreRevision(db, user, resource.id, number);
		return { restored: number };
	})
};
