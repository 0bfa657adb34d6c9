import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import {
	cancelRegistration,
	cancelSession,
	completeSession,
	dpcFailure,
	dpcRequest,
	getSessionPage,
	publishSession,
	register
} from '$lib/server/dpc';
import { orErrorPage, signInPath } from '$lib/server/shared/http';

export const load: PageServerLoad = async (event) => {
	const request = await dpcRequest(event);
	return orErrorPage(request.locale, event.url, () =>
		getSessionPage(request.db, request.viewer, event.params.id, request.viewerZone, request.intlLocale)
	);
};

/** Runs one session action; refusals come back as a message next to the buttons. */
async function run(event: Parameters<Actions[string]>[0], act: (request: Awaited<ReturnType<typeof dpcRequest>>) => Promise<string>) {
	const request = await dpcRequest(event);
	if (!request.viewer) redirect(303, signInPath(event.url));
	try {
		return { done: await act(request) };
	} catch (caught) {
		return dpcFailure(request.locale, caught);
	}
}

export const actions: Actions = {
	register: (event) =>
		run(event, async ({ db, viewer }) => {
			const { status } = await register(db, viewer, event.params.id);
			return status === 'registered' ? 'dpc.registration.doneRegistered' : 'dpc.registration.doneWaitlisted';
		}),
	unregister: (event) =>
		run(event, async ({ db, viewer }) => {
			await cancelRegistration(db, viewer, event.params.id);
			return 'dpc.registration.doneCancelled';
		}),
	publish: (event) =>
		run(event, async ({ db, viewer }) => {
			await publishSession(db, viewer, event.params.id);
			return 'dpc.session.published';
		}),
	cancel: (event) =>
		run(event, async ({ db, viewer }) => {
			await cancelSession(db, viewer, event.params.id);
			return 'dpc.session.cancelledDone';
		}),
	complete: (event) =>
		run(event, async ({ db, viewer }) => {
			await completeSession(db, viewer, event.params.id);
			return 'dpc.session.completedDone';
		})
};

