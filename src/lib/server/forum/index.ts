/**
 * Practice-exchange forums: categories (missions, regions, a private space per CPTS),
 * threads and posts, reactions, accepted answers, read positions, watch levels, mentions,
 * search, moderation and scheduled exchanges.
 *
 * For other features: `ensureCategory({ slug, name })` and
 * `createThread({ categoryId, authorId, title, body, externalKey })`.
 */
export {
	type CategoryInput,
	type CategoryListEntry,
	ensureCategory,
	ensureCptsSpace,
	type ForumCategory,
	listCategories,
	openCptsSpace,
	readableCategoryCondition,
	requireReadableCategory,
	RESERVED_CATEGORY_SLUGS,
	saveCategory
} from './categories';
export {
	categoryFormSchema,
	checkedPostBody,
	checkedThreadTitle,
	flagFormSchema,
	parseId,
	postBody,
	REACTION_KINDS,
	reactionSchema,
	replyFormSchema,
	splitFormSchema,
	THREAD_ARRAY_FIELDS,
	threadFormSchema,
	type ThreadInput,
	watchSchema
} from './forms';
export { acceptAnswer, getCategoryWatch, listBookmarks, setBookmark, setCategoryWatch, setReaction, setThreadWatch } from './interactions';
export { connectLiveRelay, createLiveBus, listenerCount, LIVE_CHANNEL, type LiveBus, type LivePostEvent, subscribeToThread } from './live';
export {
	extractMentions,
	FACILITATOR_HANDLES,
	handleOf,
	type MentionSuggestion,
	readersAmong,
	type ResolvedMentions,
	resolveMentions,
	suggestMentions
} from './mentions';
export {
	canAcceptAnswer,
	canEditPost,
	canManageCategories,
	canModerateCategory,
	canReact,
	canReadCategory,
	canReadThread,
	canReply,
	canScheduleExchange,
	canSeePostHistory,
	canStartThread,
	type CategoryFacts,
	type ForumViewer,
	forumViewerOf,
	isForumFacilitator,
	isPostAuthor,
	loadForumViewer,
	type MaybeViewer,
	type PostFacts,
	type ThreadFacts
} from './permissions';
export { loadPost, loadThread, requireReadablePost, requireReadableThread, threadPath, type ThreadRecord } from './thread-records';
export {
	appendPost,
	type CreatedThread,
	createThread,
	type CreateThreadInput,
	insertThread,
	markThreadRead,
	renderedColumns,
	upsertReadPosition
} from './thread-writes';
export { getPostHistory, getPostsAfter, getThreadView, type PostVersion, type PostView, quotablePost, type ThreadView } from './thread-views';
export { listThreads, listWatchedUnread, type ThreadListEntry, type ThreadOrder, type WatchedUnreadThread } from './thread-list';
export { replyToThread } from './commands/reply-to-thread';
export { startThread } from './commands/start-thread';
export { editPost } from './commands/edit-post';
export { FORUM_RANKED_CANDIDATES, FORUM_SEARCH_PAGE_SIZE, type ForumSearchHit, type ForumSearchQuery, forumSearchString, parseForumSearch, searchForum } from './search';
export {
	dismissFlags,
	flagPost,
	type FlagQueueEntry,
	listFlagQueue,
	moderatesSomething,
	moderateThread,
	moveTargets,
	moveThread,
	setPostHidden,
	splitThread,
	type ThreadModeration
} from './moderation';
export {
	exchangeEnd,
	exchangeFormSchema,
	exchangeIcs,
	type ExchangeInput,
	type ExchangeView,
	findExchange,
	forumExchangeFeed,
	getExchangeView,
	MAX_AGENDA_LENGTH,
	minutesFormSchema,
	postMinutes,
	registerForExchange,
	scheduleExchange,
	sendExchangeReminders,
	startExchangeReminders,
	unregisterFromExchange
} from './exchanges';
export { addPoll, canAddPoll, getPollView, pollFormSchema, type PollInput, type PollView, votePoll } from './polls';
