/**
 * The one call site from the CPTS feature to the notifications feature: join requests go
 * to the CPTS's coordinators, decisions to the requester.
 */
import type { DbOrTx } from '../db';

export type CptsNotificationKind = 'cpts.join_request' | 'cpts.join_decision' | 'cpts.invitation';

export interface CptsNotice {
	userId: string;
	kind: CptsNotificationKind;
	/** Catalogue keys, rendered in the recipient's language by the notifications feature. */
	title: string;
	body: string;
	params: Record<string, string>;
	link: string;
}

/** Sends one notification per notice. */
export async function notifyCptsEvent(db: DbOrTx, notices: CptsNotice[]): Promise<void> {
	// NOTIFICATIONS CALL SITE: src/lib/server/notifications has no notify() yet.
	void db;
	void notices;
}
