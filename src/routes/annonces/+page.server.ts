import type { Actions, PageServerLoad } from './$types';
import { error, fail, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { parseForm } from '$lib/server/shared/forms';
import { formAction } from '$lib/server/shared/http';
import { translate } from '$lib/i18n';
import { listRegions } from '$lib/server/cpts';
import { announcementSchema, canAnnounce, listAnnouncements, recipientCounts, sendAnnouncement } from '$lib/server/announcements';

/** Facilitators and admins only: visitors are sent to sign in, others get a 403. */
function requireAnnouncer(locals: App.Locals, url: URL) {
	const user = requireUser(locals, url);
	if (!canAnnounce(user)) error(403, translate(locals.locale, 'error.forbidden'));
	return user;
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireAnnouncer(locals, url);
	const db = await getDb();
	const [regions, counts, history] = [await listRegions(db), await recipientCounts(db), await listAnnouncements(db, user)];
	return { regions, counts, history };
};

export const actions: Actions = {
	default: formAction(async ({ request, locals, url }, scope) => {
		const user = requireAnnouncer(locals, url);
		const db = await getDb();
		const regions = await listRegions(db);
		const parsed = parseForm(announcementSchema(regions.map((region) => region.code)), await request.formData());
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		scope.keep({ values: parsed.values });
		const sent = await sendAnnouncement(db, user, parsed.data);
		redirect(303, `/annonces/${sent.id}?envoyee=1`);
	})
};
