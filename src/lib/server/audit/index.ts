/**
 * The audit log: who did what, when (role changes, membership decisions, moderation).
 * Append-only; call it inside the transaction of the change it records so both commit together.
 */
import { and, desc, eq, like, lt } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../db';
import { auditLog, users } from '../db/schema';

export type AuditEntry = typeof auditLog.$inferSelect & {
	/** The actor's name (null for the system or a deleted account). */
	actorName: string | null;
	/** The target's name when the target is a user. */
	targetName: string | null;
};

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

/**
 * The areas the journal can be filtered by: an action's first segment ("cpts.stage" is in
 * "cpts"). A new feature's actions get their area here.
 */
export const AUDIT_FAMILIES = ['role', 'partner', 'cpts', 'aci', 'plan', 'draft', 'library', 'forum', 'dpc', 'announcement', 'privacy', 'auth'] as const;
export type AuditFamily = (typeof AUDIT_FAMILIES)[number];

export function isAuditFamily(value: string | null | undefined): value is AuditFamily {
	return (AUDIT_FAMILIES as readonly string[]).includes(value ?? '');
}

/** The people who wrote entries (for the journal's author filter), by name. */
export async function auditActors(db: DbOrTx): Promise<{ id: string; name: string }[]> {
	return db
		.selectDistinct({ id: users.id, name: users.name })
		.from(auditLog)
		.innerJoin(users, eq(users.id, auditLog.actorId))
		.orderBy(users.name, users.id)
		.limit(500);
}

/**
 * A page of the audit log, newest first; `before` is the id the previous page ended at;
 * `family` keeps one area's actions, `actorId` one person's.
 */
export async function listAudit(
	db: DbOrTx,
	options: { limit?: number; before?: number | null; family?: AuditFamily | null; actorId?: string | null } = {}
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
		.where(
			and(
				before ? lt(auditLog.id, before) : undefined,
				options.family ? like(auditLog.action, `${options.family}.%`) : undefined,
				options.actorId ? eq(auditLog.actorId, options.actorId) : undefined
			)
		)
		.orderBy(desc(auditLog.id))
		.limit(limit + 1);
	const entries = rows.slice(0, limit).map((row) => ({ ...row.entry, actorName: row.actorName, targetName: row.targetName }));
	return { entries, nextBefore: rows.length > limit ? entries[entries.length - 1].id : null };
}

export { describeEntries, fillParts, hasSentence, type JournalLine, type SentencePart, sentenceKey } from './journal';
