import type { PageServerLoad } from './$types';
import { hasRole, requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { listUpcomingEvents, viewerTimeZone } from '$lib/server/calendar';
import { FEED_SOURCES } from '$lib/server/calendar/sources';
import { listDialoguesDue } from '$lib/server/aci';
import { listTrainerTodo } from '$lib/server/dpc';
import { listDraftsToReview, listMyDraftsOverview } from '$lib/server/drafts';
import { listWatchedUnread, loadForumViewer, threadPath } from '$lib/server/forum';
import { canReview, listReviewQueue } from '$lib/server/library';
import { LATENESS_THRESHOLDS, listMyCptsSteps } from '$lib/server/steering';
import { steeringScopeFrom } from '$lib/server/territories/scope';
import { describeInZones } from '$lib/domain/zoned-time';
import { intlLocale } from '$lib/i18n/locale';

/** Mon espace: each section is one function of its feature, read side by side. */
export const load: PageServerLoad = async ({ locals, url, cookies }) => {
	const user = requireUser(locals, url);
	const db = await getDb();
	const viewerZone = viewerTimeZone(cookies);
	const localeTag = intlLocale(locals.locale);
	const [cpts, drafts, events, forum, libraryQueue, draftReviews, trainerTodo, dialoguesDue] = await Promise.all([
		listMyCptsSteps(db, user.id, { scope: steeringScopeFrom(user, locals.sessionExtras?.partner ?? null) }),
		listMyDraftsOverview(db, user.id),
		listUpcomingEvents(db, user.id, { origin: url.origin, locale: locals.locale }, FEED_SOURCES),
		loadForumViewer(db, user).then((viewer) => listWatchedUnread(db, viewer)),
		canReview(user) ? listReviewQueue(db, user).then((queue) => queue.submitted) : null,
		listDraftsToReview(db, user.id),
		hasRole(user, 'trainer') ? listTrainerTodo(db, user.id) : null,
		listDialoguesDue(db, user.id)
	]);
	return {
		cpts,
		thresholds: LATENESS_THRESHOLDS,
		drafts,
		// Times written here, in the place's zone and the viewer's: luxon stays off the browser.
		agenda: events.map((event) => ({
			uid: event.uid,
			summary: event.summary,
			path: event.url?.startsWith(url.origin) ? event.url.slice(url.origin.length) : null,
			tentative: event.status === 'tentative',
			categories: event.categories ?? [],
			timeZone: event.timeZone,
			times: describeInZones({ start: event.start, end: event.end }, event.timeZone, viewerZone, localeTag)
		})),
		forum: { total: forum.total, threads: forum.threads.map((thread) => ({ ...thread, path: threadPath(thread.id, thread.firstUnread) })) },
		awaits: {
			library: libraryQueue?.slice(0, 8).map((entry) => ({ slug: entry.slug, title: entry.title, authorName: entry.authorName, submittedAt: entry.submittedAt })) ?? null,
			libraryTotal: libraryQueue?.length ?? 0,
			drafts: draftReviews,
			dialogues: dialoguesDue,
			trainer: trainerTodo
		}
	};
};
