/**
 * Reading the mail outbox (/admin/outbox). The mail module writes it; admins read it,
 * which is how mail is delivered when no SMTP server is configured.
 */
import { desc, eq, lt } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { mailOutbox } from '../db/schema';

export type OutboxMessage = typeof mailOutbox.$inferSelect;
export type OutboxSummary = Pick<OutboxMessage, 'id' | 'toAddress' | 'subject' | 'template' | 'createdAt' | 'sentAt' | 'error'>;

/** A page of the outbox, newest first, without the bodies. */
export async function listOutbox(
	db: DbOrTx,
	options: { limit?: number; before?: number | null } = {}
): Promise<{ messages: OutboxSummary[]; nextBefore: number | null }> {
	const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
	// A cursor comes from the URL: anything but a positive id means the first page.
	const before = Number.isSafeInteger(options.before) && options.before! > 0 ? options.before! : null;
	const rows = await db
		.select({
			id: mailOutbox.id,
			toAddress: mailOutbox.toAddress,
			subject: mailOutbox.subject,
			template: mailOutbox.template,
			createdAt: mailOutbox.createdAt,
			sentAt: mailOutbox.sentAt,
			error: mailOutbox.error
		})
		.from(mailOutbox)
		.where(before ? lt(mailOutbox.id, before) : undefined)
		.orderBy(desc(mailOutbox.id))
		.limit(limit + 1);
	const messages = rows.slice(0, limit);
	return { messages, nextBefore: rows.length > limit ? messages[messages.length - 1].id : null };
}

/** One message with its text and HTML bodies, or null. */
export async function getOutboxMessage(db: DbOrTx, id: number): Promise<OutboxMessage | null> {
	const [row] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
	return row ?? null;
}
