/**
 * Websocket close codes of the collaboration server, read by ws-server and by the editor.
 *
 * y-websocket's WebsocketProvider (3.x) stops reconnecting on 4400–4499 ("the server
 * decided; retrying cannot help") and reconnects on anything else. So refusals sit in
 * 44xx, and codes after which the client must come back (and be authenticated again) sit
 * outside it: a rights change is 4509, not 4409, so the stock provider reconnects and the
 * new connection is judged with the new rights.
 */
export const CLOSE_CODES = {
	/** The server is restarting (standard code); the client reconnects. */
	serviceRestart: 1012,
	/** Overloaded or a slow reader (standard code); the client reconnects later. */
	tryAgainLater: 1013,
	/** A frame we could not decode: that connection only is closed. */
	malformedMessage: 4400,
	/** No valid session cookie. */
	unauthenticated: 4401,
	/** Signed in, but no access to this document. */
	forbidden: 4403,
	/** The document does not exist (e.g. the draft was deleted). */
	notFound: 4404,
	/** The document reached its maximum size: further edits are refused. */
	documentTooLarge: 4413,
	/** Loading the stored document failed; nothing was served, nothing overwritten. */
	loadFailed: 4500,
	/** Rights changed while connected: reconnect and authenticate again. */
	rightsChanged: 4509,
	/** Too many connections on this document or for this user. */
	tooManyConnections: 4529
} as const;

export type CloseCode = (typeof CLOSE_CODES)[keyof typeof CLOSE_CODES];

/** Whether the stock provider gives up after this code (the editor shows why). */
export function isTerminalCloseCode(code: number): boolean {
	return code >= 4400 && code < 4500;
}
