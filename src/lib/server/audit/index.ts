/**
 * The audit log: who did what, when (role changes, membership decisions, moderation).
 * Append-only; call it inside the transaction of the change it records so both commit together.
 */
import { and, desc, eq, lt } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../db';
import { isMessageKey, translate, type Locale } from '../../i18n';
import { auditLog, users } from '../db/schema';

export type AuditEntry = typeof auditLog.$inferSelect & {
	/** The actor's name (null for the system or a deleted account). */
	actorName: string | null;
	/** The target's name when the target is a user. */
	targetName: string | null;
};

/**
 * How the journal names an action: features add their labels as "audit.action.<action>" to
 * their own messages (read here from the whole catalogue, so the journal page need not load
 * every feature's); an action without one shows its code.
 */
export function auditActionLabel(locale: Locale, action: string): string {
	const key = `audit.action.${action}`;
	return isMessageKey(key) ? translate(locale, key) : action;
}

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

/** A page of the audit log, newest first; `before` is the id the previous page ended at. */
export async function listAudit(
	db: DbOrTx,
	options: { limit?: number; before?: number | null } = {}
): Promise<{ entries: AuditEntry[]; nextBefore: number | null }> {
	const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
	// A cursor comes from the URL: anything but a positive id means the first page.
	const before = Number.isSafeInteger(options.before) && options.before! > 0 ? options.before! : null;
	const actor = alias(users, 'actor');
	const targetUser = alias(users, 'target_user');
	const rows = await db
		.select({ entry: auditLog, actorName: actor.name, targetName: targetUser.name })
		.from(auditLog)
		.leftJoin(actor, eq(actor.id, auditLog.actorId))
		.leftJoin(targetUser, and(eq(auditLog.targetType, 'user'), eq(targetUser.id, auditLog.targetId)))
		.where(before ? lt(auditLog.id, before) : undefined)
		.orderBy(desc(auditLog.id))
		.limit(limit + 1);
	const entries = rows.slice(0, limit).map((row) => ({ ...row.entry, actorName: row.actorName, targetName: row.targetName }));
	return { entries, nextBefore: rows.length > limit ? entries[entries.length - 1].id : null };
}
