/** The drafts feature: health-project drafts, their text, versions, comments and exports. */
export {
	addComment,
	COMMENT_MAX,
	type CommentEntry,
	type CommentInput,
	type CommentThread,
	countOpenThreads,
	findMentions,
	listComments,
	mentionablePeople,
	replyToComment,
	setCommentResolved,
	suggestDraftMentions
} from './comments';
export {
	changeTowards,
	deliverDraftChange,
	docFromState,
	draftSchema,
	flushDraft,
	jsonFromDoc,
	jsonFromState,
	loadCurrentJSON,
	loadStoredJSON,
	loadStoredState,
	sameBytes,
	sameDeletions,
	stateFromJSON,
	stateVectorOf,
	storeDraftChange,
	toLines,
	toMarkdown
} from './content';
export {
	canCommentDraft,
	canEditDraft,
	canManageDraft,
	canReadDraft,
	type Draft,
	type DraftAccess,
	type DraftAccessFacts,
	draftAccessFrom,
	draftAccessLevel,
	type DraftAccessLevel,
	type DraftViewer,
	getDraftAccess,
	managesDraft,
	readDraftAccessFactsOfSession
} from './permissions';
export { addDraftReviewer, createDraft, DRAFT_TITLE_MAX, listCptsDrafts, listDraftReviewers, removeDraftReviewer } from './records';
export { type DraftCard, draftCpts, draftCreateSchema, listMyDrafts, profileChoices, startDraft } from './start';
export {
	AUTO_VERSION_EVERY_MS,
	automaticVersionHooks,
	changeDraftStatus,
	compareDocuments,
	type DiffLine,
	type DraftVersion,
	freezeVersion,
	getVersion,
	listVersions,
	nameVersion,
	NEXT_STATUSES,
	recordAutomaticVersion,
	restoreVersion,
	VERSION_LABEL_MAX,
	type VersionEntry
} from './versions';
export { COMMENTS_CHANGED, commentsSignal, deliverCommentsChanged, queueCommentsChanged } from './live';
export { type DraftOverview, listDraftsToReview, listMyDraftsOverview, markDraftCommentsSeen } from './overview';
export { exportableDoc, exportDisposition, type ExportHeader, toDocx, toMarkdownFile } from './export';
