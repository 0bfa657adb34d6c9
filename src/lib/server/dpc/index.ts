/** DPC training: bodies and trainers, actions, sessions, registrations and waiting lists, attendance, certificates, calendars. */
export {
	createAction,
	type DpcAction,
	getActionForEdit,
	listActionResources,
	listManagedActions,
	requireAction,
	type TrainerActionSummary,
	updateAction
} from './actions';
export {
	certificateAvailable,
	isFullyAttended,
	listParticipants,
	partHasStarted,
	type Participant,
	type ParticipantList,
	participantsCsv,
	recordAttendance,
	sessionIsOver
} from './attendance';
export {
	attachTrainer,
	attachTrainerByEmail,
	bodyFormSchema,
	type BodySummary,
	canManageBodies,
	createBody,
	type DpcBody,
	dpcViewer,
	ensureBody,
	getBody,
	listBodies,
	listBodyTrainers
} from './bodies';
export { dpcFeedSource, sessionEvents, trainerEvents } from './calendar';
export { type CalendarEntry, CATALOGUE_PAGE_SIZE, type CatalogueCard, listCalendarParts, searchCatalogue } from './catalogue';
export { type CertificateData, getCertificate, partsHours, renderCertificate } from './certificate';
export { fieldError } from './errors';
export {
	ACTION_ARRAY_FIELDS,
	actionFormSchema,
	actionFormValues,
	type ActionInput,
	attendanceSchema,
	type CatalogueFilters,
	parseActionForm,
	parseAttendanceForm,
	parseCatalogueFilters,
	parseSessionForm,
	type PartInput,
	SESSION_HORIZON_MS,
	sessionFormValues,
	type SessionInput
} from './forms';
export { DPC_FORUM_CATEGORY, openSessionThread, sessionThreadPath } from './forum';
export { getMyTraining, type MySession, type MyTraining } from './mine';
export { describeParts, getSessionPage, type PartView } from './page';
export {
	canCreateAction,
	canDownloadCertificate,
	canEditAction,
	canManageSession,
	canReadParticipants,
	canReadSession,
	canUseTrainerSpace,
	type DpcViewer,
	isBodyTrainer,
	type MaybeDpcViewer
} from './permissions';
export {
	cancelRegistration,
	findRegistration,
	ineligibility,
	type IneligibleReason,
	isSessionTrainer,
	promoteWaitlisted,
	register,
	registeredCounts,
	type Registration,
	statusForCounts,
	waitlistPosition
} from './registrations';
export { hasSeatFor, type SeatCounts, type SeatRules, seatsLeftFor, totalRegistered } from './seats';
export {
	type DpcSession,
	type DpcSessionPart,
	findSessionFacts,
	listParts,
	lockSession,
	requireSessionFacts,
	type SessionFacts,
	sessionLabel,
	sessionPath
} from './session-facts';
export {
	cancelSession,
	completeSession,
	createSession,
	getSessionForEdit,
	listSessionTrainers,
	nextSessionNumber,
	publishSession,
	type SessionStatus,
	updateSession
} from './sessions';
export { dpcRequest, type DpcRequest } from './http';
export { buildCalendarDays, type CalendarDay, calendarRange, type CalendarView, todayIn } from './calendar-view';
