/**
 * Comments arrive live, as text does: a change to a draft's threads (added, answered,
 * resolved, reopened) sets a signal in the draft's own Yjs document (DRAFT_SIGNALS), which
 * ws-server relays to every open editor of the draft, on whichever instance, exactly like a
 * keystroke. The editor then reloads the threads through the page's permission checks.
 *
 * Why the document rather than a channel of its own: ws-server already decides at connect
 * time who may open the document (readers only) and closes connections whose rights
 * change, so nobody refused the draft hears about its comments; and it already fans out
 * between instances. The signal carries no content (a time and an id), only "look again".
 *
 * The signal is queued in the outbox inside the comment's transaction (no signal for a
 * rolled-back comment) and delivered after the commit. Delivering it twice costs one more
 * reload. When nobody has the draft open, it reaches nobody and is not stored.
 */
import * as Y from 'yjs';
import { COMMENTS_CHANGED_KEY, DRAFT_SIGNALS } from '../../drafts/document';
import type { DbOrTx } from '../db';
import { enqueue } from '../outbox';
import { deliverDraftChange } from './content';

/** The outbox kind of "the threads of this draft changed". */
export const COMMENTS_CHANGED = 'draft.comments_changed';

/** Queues the live signal of a change to a draft's threads, in the transaction that makes it. */
export async function queueCommentsChanged(tx: DbOrTx, draftId: string, commentId: string): Promise<void> {
	await enqueue(tx, COMMENTS_CHANGED, [{ draftId, commentId }]);
}

/**
 * The Yjs update that sets the signal, from a Yjs client of its own: the server does not
 * hold the live document, so this set is concurrent with the previous ones and which value
 * stays is Yjs's choice (by client id). That does not matter: applying it is a change of the
 * key wherever it lands, won or lost, and that change is the signal; the value is never read.
 */
export function commentsSignal(commentId: string, at = Date.now()): Uint8Array {
	const ydoc = new Y.Doc();
	try {
		ydoc.getMap(DRAFT_SIGNALS).set(COMMENTS_CHANGED_KEY, `${at}:${commentId}`);
		return Y.encodeStateAsUpdate(ydoc);
	} finally {
		ydoc.destroy();
	}
}

/** The outbox handler of COMMENTS_CHANGED: sends the signal to the draft's live document. */
export async function deliverCommentsChanged(payload: Record<string, unknown>): Promise<void> {
	const { draftId, commentId } = payload;
	if (typeof draftId !== 'string' || typeof commentId !== 'string') throw new Error('unreadable comments signal');
	await deliverDraftChange(draftId, commentsSignal(commentId));
}
