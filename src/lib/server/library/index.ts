/** The resource library: profils-types, good practices, tools, experience reports, literature. */
export {
	addAttachment,
	type AttachmentDownload,
	cleanFileName,
	contentDisposition,
	downloadHeaders,
	inspectUpload,
	openAttachment,
	removeAttachment,
	type UploadedFile
} from './attachments';
export { buildAtomFeed, FEED_SIZE } from './feed';
export {
	cleanSearchText,
	formatExampleActions,
	formatIndicators,
	matchFiguresSchema,
	MAX_BODY_LENGTH,
	MAX_LIST_ITEM_LENGTH,
	MAX_LIST_ITEMS,
	MAX_POPULATION,
	MAX_PROFESSIONALS,
	MAX_QUERY_LENGTH,
	MAX_SUMMARY_LENGTH,
	MAX_TITLE_LENGTH,
	missionFromPrefix,
	type MissionLine,
	parseExampleActions,
	parseMissionLines,
	parseSearchQuery,
	RESOURCE_ARRAY_FIELDS,
	resourceFormSchema,
	resourceFormValues,
	type ResourceInput,
	reviewCommentSchema,
	SEARCH_PAGE_SIZE,
	type SearchQuery,
	searchQueryString,
	type UnknownMissionLine
} from './forms';
export {
	closeness,
	type CptsTarget,
	listCptsChoices,
	matchProfiles,
	type MatchReason,
	type MatchTarget,
	type ProfileMatch,
	scoreProfile,
	targetFromCpts
} from './matching';
export { type RenderedBody, renderMarkdown } from './markdown';
export {
	canArchive,
	canEditResource,
	canManageAttachments,
	canProposeResource,
	canPublish,
	canReactToResource,
	canReadResource,
	canRequestChanges,
	canRestoreRevision,
	canReview,
	canSeeRevisions,
	canSubmitResource,
	isAuthor,
	isLibraryCurator,
	type ResourceAccessFacts,
	type Viewer
} from './permissions';
export { type ExampleAction, inRange, missionOf, type ProfileIndicator, profileIndicators, type ResourceProfile } from './profile';
export {
	archiveResource,
	type AttachmentSummary,
	countUsefulVotes,
	createResource,
	findResourceBySlug,
	getResourcePage,
	listAttachments,
	listMyLibrary,
	listPublishedResourceLinks,
	listRelatedResources,
	listReviewQueue,
	publishResource,
	type QueueEntry,
	readablePublished,
	readableSearchRows,
	recordView,
	requestChanges,
	requireReadableResource,
	requireResourceById,
	RESERVED_RESOURCE_SLUGS,
	type Resource,
	type ResourceCard,
	resourceColumns,
	type ResourceLink,
	type ResourcePage,
	type ResourceRow,
	setBookmark,
	setUsefulVote,
	submitResource,
	updateResource
} from './resources';
export {
	compareRevisions,
	type DetailChange,
	type DiffPart,
	listRevisions,
	recordRevision,
	restoreRevision,
	type RevisionComparison,
	type RevisionDetails,
	type RevisionEntry
} from './revisions';
export {
	type FacetName,
	FACETS,
	type FacetValue,
	parseHeadline,
	RANKED_CANDIDATES,
	type SearchHit,
	searchLibrary,
	type SearchResponse,
	type SnippetPart
} from './search';
