/**
 * What the site and ws-server share about collaborative documents: their names and URL
 * path, close codes, limits, and the process-wide registry (metrics, rights changes).
 */
export { CLOSE_CODES, type CloseCode, isTerminalCloseCode } from './codes';
export { type CollabLimits, DEFAULT_COLLAB_LIMITS } from './limits';
export { COLLAB_PATH_PREFIX, documentNameFromPath, type DocumentRef, draftDocumentName, parseDocumentName } from './names';
export {
	closeSiteFanout,
	collabMetrics,
	type CollabMetrics,
	type CollabServerHandle,
	deliverDocumentUpdate,
	flushLiveDocument,
	notifyAccessChanged,
	registerCollabServer,
	unregisterCollabServer
} from './registry';
