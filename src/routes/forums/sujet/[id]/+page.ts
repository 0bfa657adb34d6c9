/**
 * The thread's optional parts are loaded only when the page shows them: the exchange (a
 * scheduled meeting, or the form to schedule one), the poll (or the form to add one) and the
 * moderators' tools. Most readers see none of them, and their code was a sixth of the page's
 * first-load JavaScript. Imported here, in the universal load, rather than from the page's
 * markup, so that they are still rendered on the server (a lazy import in the markup would
 * leave them out of the HTML, and out of the page without JavaScript).
 */
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ data }) => {
	const [Exchange, Poll, Moderation] = await Promise.all([
		data.exchange || data.view.permissions.schedule ? import('./Exchange.svelte').then((module) => module.default) : null,
		data.poll || data.canAddPoll ? import('./Poll.svelte').then((module) => module.default) : null,
		data.view.permissions.moderate ? import('./Moderation.svelte').then((module) => module.default) : null
	]);
	return { ...data, parts: { Exchange, Poll, Moderation } };
};
