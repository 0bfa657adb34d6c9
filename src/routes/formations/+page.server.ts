import type { PageServerLoad } from './$types';
import { listRegions } from '$lib/server/cpts';
import {
	buildCalendarDays,
	calendarRange,
	dpcRequest,
	listCalendarParts,
	parseCatalogueFilters,
	searchCatalogue,
	todayIn,
	type CalendarView
} from '$lib/server/dpc';
import { describeInZones, zoneOffsetAt } from '$lib/domain/zoned-time';

export const load: PageServerLoad = async (event) => {
	const { db, viewerZone, intlLocale } = await dpcRequest(event);
	const { url } = event;
	const filters = parseCatalogueFilters(url.searchParams);
	const viewParam = url.searchParams.get('vue');
	const view: 'liste' | CalendarView = viewParam === 'mois' || viewParam === 'semaine' ? viewParam : 'liste';
	// The filters as a query string (without view, date and page), for the view and page links.
	const filterQuery = new URLSearchParams(
		[...url.searchParams.entries()].filter(([key, value]) => !['vue', 'date', 'page'].includes(key) && value !== '')
	).toString();
	const regions = await listRegions(db);

	if (view === 'liste') {
		const list = await searchCatalogue(db, filters);
		// Each card's times in the place's zone and the viewer's, written here: luxon stays off the browser.
		const cards = list.cards.map((card) => ({ ...card, times: describeInZones({ start: card.startsAt, end: card.endsAt }, card.timeZone, viewerZone, intlLocale) }));
		return { view, filters, filterQuery, regions, viewerZone, list: { ...list, cards }, calendar: null };
	}
	const today = todayIn(viewerZone);
	const dateParam = url.searchParams.get('date');
	const anchor = dateParam && /^\d{4}-\d{2}-\d{2}$/.test(dateParam) && !Number.isNaN(Date.parse(dateParam)) ? dateParam : today;
	const range = calendarRange(view, anchor, viewerZone);
	const entries = await listCalendarParts(db, filters, range.from, range.to);
	return {
		view,
		filters,
		filterQuery,
		regions,
		viewerZone,
		list: null,
		calendar: {
			anchor,
			today,
			/** The viewer's offset at the start of the period shown (UTC+1 in a Paris December). */
			viewerOffset: zoneOffsetAt(range.from, viewerZone),
			previous: range.previous,
			next: range.next,
			days: buildCalendarDays(range, entries, viewerZone, intlLocale, today)
		}
	};
};
