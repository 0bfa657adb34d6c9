/**
 * The one call site from the CPTS feature to the notifications feature: join requests go
 * to the CPTS's coordinators, decisions to the requester. Notifications store catalogue
 * keys and params; they are translated in each recipient's language when shown or mailed.
 */
import type { DbOrTx } from '../db';
import { notifyAll, type NotifyInput } from '../notifications';

/** Writes one notification per notice in one batch, each following its recipient's preferences. */
export async function notifyCptsEvent(db: DbOrTx, notices: NotifyInput[]): Promise<void> {
	await notifyAll(db, notices);
}
