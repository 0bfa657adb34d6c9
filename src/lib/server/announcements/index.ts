/** Announcements from the facilitation team to the coordinators. */
export {
	ANNOUNCEMENT_SENT,
	type Announcement,
	type AnnouncementInput,
	announcementSchema,
	type AnnouncementSummary,
	canAnnounce,
	getAnnouncement,
	listAnnouncements,
	MAX_ANNOUNCEMENT_BODY,
	MAX_ANNOUNCEMENT_TITLE,
	type RecipientCounts,
	recipientCounts,
	sendAnnouncement
} from './announcements';
