/** The CPTS feature: directory, records, membership, invitations and their permission rules. */
export { type DirectoryCard, type DirectoryPage, searchDirectory } from './directory';
export { directoryCsv } from './directory-export';
export {
	cptsFormSchema,
	type CptsInput,
	DIRECTORY_PAGE_SIZE,
	type DirectoryQuery,
	directoryQuerySchema,
	emailOnlySchema,
	joinRequestSchema,
	MAX_NAME_LENGTH,
	MAX_PROFESSIONALS,
	parseDirectoryQuery,
	type PlaceChoices
} from './forms';
export { acceptInvitation, getInvitationState, INVITATION_LIFETIME_DAYS, invitationPath, type InvitationState, inviteByEmail } from './invitations';
export {
	activeCptsOf,
	appointCoordinator,
	approveJoinRequest,
	decideJoinRequest,
	getPublicMembership,
	type JoinRequestEntry,
	leaveCpts,
	listMembers,
	listPendingRequests,
	listUserCpts,
	type MemberEntry,
	type MemberOf,
	type Membership,
	type MyCptsEntry,
	refuseJoinRequest,
	removeCoordinatorRole,
	removeMember,
	requestToJoin
} from './membership';
export {
	canEditTerritory,
	canManageCpts,
	canManageMembers,
	canSeeMembers,
	editsTerritory,
	getMembership,
	getViewerAccess,
	getViewerMembership,
	managesMembers,
	type MembershipRole,
	type MembershipStatus,
	removesMember,
	seesMembers,
	type Viewer,
	type ViewerAccess,
	type ViewerMembership
} from './permissions';
export {
	type Cpts,
	cptsFormValues,
	type CptsWithRegion,
	createCpts,
	getCptsBySlug,
	listPlaces,
	listRegions,
	type Region,
	requireCptsBySlug,
	updateCpts
} from './records';
export { firstFreeSlug, RESERVED_SLUGS, slugify } from './slug';
