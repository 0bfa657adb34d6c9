/**
 * The administration's outbox pages: the effects waiting in the transactional outbox, with
 * their state and a retry (/admin/outbox), and the e-mails the mail module wrote
 * (/admin/outbox/emails), which is how mail is delivered when no SMTP server is configured.
 */
import { desc, eq, lt } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { mailOutbox } from '../db/schema';
import { MAIL_SEND, mailSummaries } from '../mail';
import { POST_PUBLISHED } from '../forum/live';
import { listOutboxJobs, type OutboxJob, type OutboxStatus } from '../outbox';

/** What an outbox effect is about, for the admin's table. */
export type OutboxEffectSubject =
	| { kind: 'mail'; mailId: number; toAddress: string | null; subject: string | null }
	| { kind: 'livePost'; threadId: number; position: number }
	| { kind: 'other'; name: string };

export interface OutboxEffect extends Pick<OutboxJob, 'id' | 'status' | 'attempts' | 'nextAttemptAt' | 'lastError' | 'createdAt' | 'deliveredAt'> {
	about: OutboxEffectSubject;
	/** Whether "retry now" applies (waiting for a retry, or given up). */
	retryable: boolean;
}

/** A page of outbox effects, newest first, each described from its payload. */
export async function listOutboxEffects(
	db: DbOrTx,
	options: { limit?: number; before?: number | null; status?: OutboxStatus | null } = {}
): Promise<{ effects: OutboxEffect[]; nextBefore: number | null }> {
	const page = await listOutboxJobs(db, options);
	const mailIds = page.jobs.filter((job) => job.kind === MAIL_SEND).map((job) => Number(job.payload.mailId));
	const mails = new Map((await mailSummaries(db, mailIds)).map((mail) => [mail.id, mail]));
	const effects = page.jobs.map(({ id, kind, payload, status, attempts, nextAttemptAt, lastError, createdAt, deliveredAt }): OutboxEffect => {
		let about: OutboxEffectSubject;
		if (kind === MAIL_SEND) {
			const mail = mails.get(Number(payload.mailId));
			about = { kind: 'mail', mailId: Number(payload.mailId), toAddress: mail?.toAddress ?? null, subject: mail?.subject ?? null };
		} else if (kind === POST_PUBLISHED) {
			about = { kind: 'livePost', threadId: Number(payload.threadId), position: Number(payload.position) };
		} else {
			about = { kind: 'other', name: kind };
		}
		return { id, status, attempts, nextAttemptAt, lastError, createdAt, deliveredAt, about, retryable: status === 'failed' || (status === 'pending' && attempts > 0) };
	});
	return { effects, nextBefore: page.nextBefore };
}

export type OutboxMessage = typeof mailOutbox.$inferSelect;
export type OutboxSummary = Pick<OutboxMessage, 'id' | 'toAddress' | 'subject' | 'template' | 'createdAt' | 'sentAt' | 'error'>;

/** A page of the e-mails written, newest first, without the bodies. */
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
