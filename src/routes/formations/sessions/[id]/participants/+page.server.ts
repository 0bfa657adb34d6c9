import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { formAction, orErrorPage } from '$lib/server/shared/http';
import { describeParts, dpcRequest, listParticipants, parseAttendanceForm, partHasStarted, partMinutes, recordAttendance } from '$lib/server/dpc';

export const load: PageServerLoad = async (event) => {
	requireUser(event.locals, event.url);
	const { db, viewer, locale, viewerZone, intlLocale } = await dpcRequest(event);
	const list = await orErrorPage(locale, event.url, () => listParticipants(db, viewer, event.params.id));
	return {
		session: { id: list.session.id, number: list.session.number, actionTitle: list.session.actionTitle, status: list.session.status },
		// A part not begun yet cannot be marked (recordAttendance refuses it): its column is read-only.
		parts: describeParts(list.parts, viewerZone, intlLocale).map((part) => ({ ...part, started: partHasStarted(part, new Date()), minutes: partMinutes(part) })),
		registered: list.registered,
		waitlisted: list.waitlisted
	};
};

export const actions: Actions = {
	default: formAction(async (event) => {
		requireUser(event.locals, event.url);
		const { db, viewer } = await dpcRequest(event);
		await recordAttendance(db, viewer, event.params.id, parseAttendanceForm(await event.request.formData()));
		return { saved: true };
	})
};
