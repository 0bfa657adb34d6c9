/**
 * Names of collaborative documents and the URL path that carries them. The site (links,
 * pages) and ws-server (routing, access) both read them from here.
 */

/** Websocket path prefix: a client connects to `/collab/<document name>`. */
export const COLLAB_PATH_PREFIX = '/collab/';

/** What a document name points at. Only drafts for now; other kinds join this union. */
export type DocumentRef = { kind: 'draft'; draftId: string };

const DRAFT_PREFIX = 'draft:';
// Ids come from generateId() (lower-case base32); anything else is not a name we issued.
const ID_PATTERN = /^[a-z2-7]{10,64}$/;

/** The Yjs document name of a draft's text. */
export function draftDocumentName(draftId: string): string {
	return `${DRAFT_PREFIX}${draftId}`;
}

/** Parses a document name; null when it is not one we issue. */
export function parseDocumentName(name: string): DocumentRef | null {
	if (name.startsWith(DRAFT_PREFIX)) {
		const draftId = name.slice(DRAFT_PREFIX.length);
		return ID_PATTERN.test(draftId) ? { kind: 'draft', draftId } : null;
	}
	return null;
}

/** The document name in an upgrade request's path (`/collab/draft:abc?x=y`), or null. */
export function documentNameFromPath(url: string | undefined): string | null {
	const pathname = (url ?? '').split('?')[0];
	if (!pathname.startsWith(COLLAB_PATH_PREFIX)) return null;
	let name: string;
	try {
		name = decodeURIComponent(pathname.slice(COLLAB_PATH_PREFIX.length));
	} catch {
		return null;
	}
	return parseDocumentName(name) ? name : null;
}
