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
	type AttendanceInput,
	type AttendanceMark,
	type AttendanceMarks,
	attendedEveryPart,
	attendedMinutes,
	certificateAvailable,
	isFullyAttended,
	listParticipants,
	marksByPart,
	partHasStarted,
	type Participant,
	type ParticipantList,
	participantsCsv,
	partMinutes,
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
export { type CertificateData, getCertificate, minutesToHours, partsHours, renderCertificate } from './certificate';
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
export { getMyTraining, listTrainerTodo, type MySession, type MyTraining, type TrainerTodo } from './mine';
export { describeParts, getSessionPage, mondpcActionUrl, type PartView } from './page';
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
export {
	addOrientation,
	addPeriod,
	canManageObligationReferential,
	type CountedSession,
	declareAction,
	type DeclaredAction,
	type DeclaredActionInput,
	deleteDeclaredAction,
	findPeriodOfYear,
	getMyObligation,
	listOrientations,
	listPeriodsWithOrientations,
	type MyObligation,
	type ObligationPeriod,
	type OrientationInput,
	parisDay,
	parseDeclaredActionForm,
	parseOrientationForm,
	parsePeriodForm,
	type PeriodInput,
	type PriorityOrientation,
	sessionPriority,
	updateDeclaredAction,
	yearOf
} from './obligation';
