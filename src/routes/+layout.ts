import type { LayoutLoad } from './$types';
import { loadMessages, messageFiles } from '$lib/i18n/messages-loader';
import { groupsForRoute } from '$lib/i18n/route-groups';

/**
 * The messages of the page's route in the viewer's locale, awaited before the page renders
 * (first visit, hydration and client navigations alike, so no key flashes): the browser
 * fetches the files of these groups only, once. Re-runs when the route or the locale changes.
 */
export const load: LayoutLoad = async ({ data, route }) => {
	const groups = groupsForRoute(route.id);
	return { ...data, messages: await loadMessages(data.locale, groups), messageFiles: messageFiles(data.locale, groups) };
};
