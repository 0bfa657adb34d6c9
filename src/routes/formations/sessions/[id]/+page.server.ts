import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import {
	cancelRegistration,
	cancelSession,
	completeSession,
	dpcRequest,
	getSessionPage,
	publishSession,
	register
} from '$lib/server/dpc';
import { formAction, orErrorPage, signInPath } from '$lib/server/shared/http';

export const load: PageServerLoad = async (event) => {
	const request = await dpcRequest(event);
	return orErrorPage(request.locale, event.url, () =>
		getSessionPage(request.db, request.viewer, event.params.id, request.viewerZone, request.intlLocale)
	);
};

/** Runs one session action; refusals come back as a message next to the buttons. */
function run(act: (request: Awaited<ReturnType<typeof dpcRequest>>, event: Parameters<Actions[string]>[0]) => Promise<string>) {
	return formAction(async (event: Parameters<Actions[string]>[0]) => {
		const request = await dpcRequest(event);
		if (!request.viewer) redirect(303, signInPath(event.url));
		return { done: await act(request, event) };
	});
}

export const actions: Actions = {
	register: run(async ({ db, viewer }, event) => {
		const { status } = await register(db, viewer, event.params.id);
		return status === 'registered' ? 'dpc.registration.doneRegistered' : 'dpc.registration.doneWaitlisted';
	}),
	unregister: run(async ({ db, viewer }, event) => {
		await cancelRegistration(db, viewer, event.params.id);
		return 'dpc.registration.doneCancelled';
	}),
	publish: run(async ({ db, viewer }, event) => {
		await publishSession(db, viewer, event.params.id);
		return 'dpc.session.published';
	}),
	cancel: run(async ({ db, viewer }, event) => {
		await cancelSession(db, viewer, event.params.id);
		return 'dpc.session.cancelledDone';
	}),
	complete: run(async ({ db, viewer }, event) => {
		await completeSession(db, viewer, event.params.id);
		return 'dpc.session.completedDone';
	})
};

