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
		return { view, filters, filterQuery, regions, viewerZone, list: await searchCatalogue(db, filters), calendar: null };
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
			previous: range.previous,
			next: range.next,
			days: buildCalendarDays(range, entries, viewerZone, intlLocale, today)
		}
	};
};
