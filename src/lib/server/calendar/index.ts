/**
 * Shared calendar machinery (DPC sessions, forum practice exchanges): RFC 5545 output with
 * VTIMEZONE for every zone, stable UIDs and SEQUENCE; private per-user feeds with a
 * contribution point; IANA zone validation. Zone names are in $lib/domain/time-zones, instants
 * and offsets in $lib/domain/zoned-time.
 */
export {
	collectFeedEvents,
	createFeedToken,
	type FeedContext,
	type FeedLinkStatus,
	type FeedSource,
	getFeedLinkStatus,
	listUpcomingEvents,
	renderPersonalFeed,
	resolveFeedToken,
	revokeFeedToken
} from './feed';
export { type CalendarEvent, type CalendarEventStatus, eventUid, renderCalendar } from './ics';
export { placeTimeZone, VIEWER_ZONE_COOKIE, viewerTimeZone, vtimezoneFor } from './zones';
