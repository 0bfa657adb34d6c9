/**
 * Who may open a document, decided once at connect from the site's own session cookie
 * (validateSessionToken, the code hooks.server.ts uses) and the drafts' permission rules
 * (the functions the pages use). Nothing here is a second scheme.
 */
import type { IncomingMessage } from 'node:http';
import { sessionIdOfToken, sessionTokenFromCookieHeader, validateSessionToken, type SessionUser } from '../src/lib/server/auth/session';
import { CLOSE_CODES } from '../src/lib/server/collab/codes';
import { parseDocumentName } from '../src/lib/server/collab/names';
import type { Db } from '../src/lib/server/db';
import { draftAccessFrom, readDraftAccessFactsOfSession } from '../src/lib/server/drafts/permissions';

/** What a connection may do with its document. */
export type DocumentAccess = 'write' | 'read' | 'none' | 'missing';

export type ConnectDecision =
	| { ok: true; user: SessionUser; access: 'write' | 'read' }
	| { ok: false; code: number; reason: string };

/**
 * The user of a session token and their access to a document, from the feature's permission
 * rules. The rights are read for the session's user beside the session's validation (one
 * database round trip instead of three in a row) and count only once it is valid; null when
 * it is not. `signedIn` runs as soon as the session is known valid.
 */
export async function sessionDocumentAccess(
	db: Db,
	token: string,
	documentName: string,
	signedIn?: () => void
): Promise<{ user: SessionUser; access: DocumentAccess } | null> {
	const sessionId = sessionIdOfToken(token);
	if (!sessionId) return null;
	const ref = parseDocumentName(documentName);
	const facts = ref?.kind === 'draft' ? readDraftAccessFactsOfSession(db, sessionId, ref.draftId) : Promise.resolve(null);
	// Awaited below, unless the session check fails first: then its failure is not unhandled.
	facts.catch(() => {});
	const { user } = await validateSessionToken(db, token);
	if (!user) return null;
	signedIn?.();
	const found = await facts;
	if (!found) return { user, access: 'missing' };
	const access = draftAccessFrom(user, found);
	// Commenters and reviewers read the text; only editors write it.
	return { user, access: access.canEdit ? 'write' : access.canRead ? 'read' : 'none' };
}

/**
 * Browsers always send Origin on websockets, and a foreign one is cross-site hijacking (a
 * page elsewhere riding the user's cookie). Compared with ORIGIN when it is configured,
 * otherwise with the Host the request came to, as SvelteKit's own form check does. Clients
 * that send no Origin are not browsers, and have the cookie only if it is theirs.
 */
export function originAllowed(request: IncomingMessage, expectedOrigin: string | null): boolean {
	const origin = request.headers.origin;
	if (!origin) return true;
	if (expectedOrigin) return origin.replace(/\/$/, '') === expectedOrigin.replace(/\/$/, '');
	try {
		return new URL(origin).host === request.headers.host;
	} catch {
		return false;
	}
}

/**
 * Authenticates the upgrade request and decides read or write on the document.
 * `signedIn` runs once the session is valid, before the rights are checked.
 */
export async function decideConnect(db: Db, request: IncomingMessage, documentName: string, signedIn?: () => void): Promise<ConnectDecision> {
	const token = sessionTokenFromCookieHeader(request.headers.cookie);
	const found = token ? await sessionDocumentAccess(db, token, documentName, signedIn) : null;
	if (!found) return { ok: false, code: CLOSE_CODES.unauthenticated, reason: 'unauthenticated' };
	const { user, access } = found;
	if (access === 'missing') return { ok: false, code: CLOSE_CODES.notFound, reason: 'not found' };
	if (access === 'none') return { ok: false, code: CLOSE_CODES.forbidden, reason: 'forbidden' };
	return { ok: true, user, access };
}
