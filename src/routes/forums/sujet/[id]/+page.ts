/**
 * The thread's optional parts are loaded only when the page shows them: the exchange (a
 * scheduled meeting, or the form to schedule one), the poll (or the form to add one) and the
 * moderators' tools. Most readers see none of them, and their code was a sixth of the page's
 * first-load JavaScript. Imported here, in the universal load, rather than from the page's
 * markup, so that they are still rendered on the server (a lazy import in the markup would
 * leave them out of the HTML, and out of the page without JavaScript). Their messages
 * (PART_GROUPS) come with them: the page's data then carries the route's messages and theirs,
 * which the root layout prefers to its own.
 */
import { loadMessages, messageFiles } from '$lib/i18n/messages-loader';
import { groupsForRoute, PART_GROUPS } from '$lib/i18n/route-groups';
import type { MessageGroup } from '$lib/i18n/keys';
import type { Locale } from '$lib/i18n/locale';
import type { PageLoad } from './$types';

const PART = 'forums/sujet/[id]';

export const load: PageLoad = async ({ data, parent, route }) => {
	const showExchange = Boolean(data.exchange || data.view.permissions.schedule);
	const showPoll = Boolean(data.poll || data.canAddPoll);
	const showModeration = data.view.permissions.moderate;
	const partGroups = [
		...(showExchange ? PART_GROUPS[`${PART}/Exchange.svelte`] : []),
		...(showPoll ? PART_GROUPS[`${PART}/Poll.svelte`] : []),
		...(showModeration ? PART_GROUPS[`${PART}/Moderation.svelte`] : [])
	];
	const [Exchange, Poll, Moderation, messages] = await Promise.all([
		showExchange ? import('./Exchange.svelte').then((module) => module.default) : null,
		showPoll ? import('./Poll.svelte').then((module) => module.default) : null,
		showModeration ? import('./Moderation.svelte').then((module) => module.default) : null,
		partGroups.length > 0 ? parent().then(({ locale }) => partMessages(locale, [...groupsForRoute(route.id), ...partGroups])) : null
	]);
	return { ...data, parts: { Exchange, Poll, Moderation }, ...messages };
};

function partMessages(locale: Locale, groups: MessageGroup[]) {
	return loadMessages(locale, groups).then((messages) => ({ messages, messageFiles: messageFiles(locale, groups) }));
}
