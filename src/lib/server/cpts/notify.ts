/**
 * The one call site from the CPTS feature to the notifications feature: join requests go
 * to the CPTS's coordinators, decisions to the requester. Notifications store catalogue
 * keys and params; they are translated in each recipient's language when shown or mailed.
 */
import type { DbOrTx } from '../db';
import { notify, type NotifyInput } from '../notifications';

/** Sends one notification per notice, each following its recipient's preferences. */
export async function notifyCptsEvent(db: DbOrTx, notices: NotifyInput[]): Promise<void> {
	for (const notice of notices) await notify(db, notice);
}
