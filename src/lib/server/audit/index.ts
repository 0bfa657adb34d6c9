/**
 * The audit log: who did what, when (role changes, membership decisions, moderation).
 * Append-only; call it inside the transaction of the change it records so both commit together.
 */
import type { DbOrTx } from '../db';
import { auditLog } from '../db/schema';

/** Appends one entry to the audit log. */
export async function writeAudit(
	db: DbOrTx,
	entry: { actorId: string | null; action: string; targetType: string; targetId: string; details?: Record<string, unknown> }
): Promise<void> {
	await db.insert(auditLog).values({
		actorId: entry.actorId,
		action: entry.action,
		targetType: entry.targetType,
		targetId: entry.targetId,
		details: entry.details ?? {}
	});
}
