/**
 * The one mail module. Every message is rendered and written to mail_outbox in the caller's
 * transaction (queueMail). With SMTP_URL set, a 'mail.send' effect is queued with it in the
 * transactional outbox, and the outbox worker sends it through nodemailer afterwards
 * (deliverQueuedMail), so no request waits for an SMTP server and a failed send is retried.
 * Without SMTP_URL admins read the messages at /admin/outbox/emails.
 */
import { eq, inArray } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import { getConfig } from '../config';
import type { DbOrTx } from '../db';
import { mailOutbox } from '../db/schema';
import { enqueue } from '../outbox';
import { translate, type Locale, type MessageKey, type MessageParams } from '../../i18n';

export interface MailContent {
	subject: string;
	text: string;
	html: string;
}

export interface MailTemplate {
	/** A name for the outbox and the logs ("verify_email", "reset_password"…). */
	template: string;
	locale: Locale;
	subject: [MessageKey, MessageParams?];
	/** Paragraphs, in order. */
	paragraphs: [MessageKey, MessageParams?][];
	/** An optional call to action, a button in HTML and a bare link in text. */
	action?: { label: MessageKey; url: string };
}

const escapeHtml = (value: string) =>
	value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

/** Renders a template to subject, plain text and HTML (French or English). */
export function renderMail(mail: MailTemplate): MailContent {
	const t = (key: MessageKey, params?: MessageParams) => translate(mail.locale, key, params);
	const subject = t(...mail.subject);
	const paragraphs = mail.paragraphs.map(([key, params]) => t(key, params));
	const signature = t('mail.signature');
	const actionLabel = mail.action ? t(mail.action.label) : null;
	const text = [
		...paragraphs,
		...(mail.action ? [`${actionLabel} : ${mail.action.url}`] : []),
		'--',
		signature
	].join('\n\n');
	const button = mail.action
		? `<p style="margin:24px 0"><a href="${escapeHtml(mail.action.url)}" style="background:#0b5d63;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:600">${escapeHtml(actionLabel!)}</a></p><p style="font-size:13px;color:#4d5a5e">${escapeHtml(mail.action.url)}</p>`
		: '';
	const html = `<!doctype html><html lang="${mail.locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body style="font-family:Arial,sans-serif;color:#1c2426;line-height:1.5;max-width:560px;margin:0 auto;padding:24px"><p style="font-weight:700;color:#0b5d63;font-size:18px">Réseau CPTS</p>${paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('')}${button}<hr style="border:none;border-top:1px solid #c5d0d2"><p style="font-size:13px;color:#4d5a5e">${escapeHtml(signature)}</p></body></html>`;
	return { subject, text, html };
}

let transporter: Transporter | null | undefined;
function getTransporter(): Transporter | null {
	if (transporter === undefined) {
		const url = getConfig().SMTP_URL;
		transporter = url ? nodemailer.createTransport(url) : null;
	}
	return transporter;
}

/** Forgets the SMTP transport (tests that change SMTP_URL). */
export function resetMailTransport(): void {
	transporter?.close();
	transporter = undefined;
}

/** The outbox kind of a message to send over SMTP. */
export const MAIL_SEND = 'mail.send';

export interface QueuedMail {
	to: string;
	mail: MailTemplate;
}

/**
 * Writes messages (rendered now, in their locale) and queues their sending, in one
 * transaction (the caller's when given one). Returns their ids, in order.
 */
export async function queueMails(db: DbOrTx, messages: QueuedMail[]): Promise<number[]> {
	if (messages.length === 0) return [];
	const values = messages.map(({ to, mail }) => {
		const content = renderMail(mail);
		return { toAddress: to, subject: content.subject, textBody: content.text, htmlBody: content.html, template: mail.template };
	});
	// A savepoint inside the caller's transaction; a transaction of its own otherwise.
	return db.transaction(async (tx) => {
		const rows = await tx.insert(mailOutbox).values(values).returning({ id: mailOutbox.id });
		if (getConfig().SMTP_URL) await enqueue(tx, MAIL_SEND, rows.map((row) => ({ mailId: row.id })));
		return rows.map((row) => row.id);
	});
}

/** Writes one message and queues its sending (see queueMails). */
export async function queueMail(db: DbOrTx, to: string, mail: MailTemplate): Promise<{ id: number }> {
	const [id] = await queueMails(db, [{ to, mail }]);
	return { id };
}

/**
 * The outbox handler of 'mail.send': sends the message over SMTP and marks it sent; on
 * failure keeps the error on the message and throws, so that the worker retries.
 */
export async function deliverQueuedMail(db: DbOrTx, payload: Record<string, unknown>): Promise<void> {
	const mailId = Number(payload.mailId);
	const [message] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, mailId));
	// Gone (deleted with its data) or sent by an earlier attempt: nothing left to do.
	if (!message || message.sentAt) return;
	const smtp = getTransporter();
	if (!smtp) throw new Error('SMTP_URL is not configured');
	try {
		await smtp.sendMail({ from: getConfig().MAIL_FROM, to: message.toAddress, subject: message.subject, text: message.textBody, html: message.htmlBody });
	} catch (error) {
		await db
			.update(mailOutbox)
			.set({ error: error instanceof Error ? error.message.slice(0, 500) : 'unknown error' })
			.where(eq(mailOutbox.id, mailId));
		throw error;
	}
	await db.update(mailOutbox).set({ sentAt: new Date(), error: null }).where(eq(mailOutbox.id, mailId));
}

/** Messages by id (the outbox page describes mail effects with them). */
export async function mailSummaries(db: DbOrTx, ids: number[]) {
	if (ids.length === 0) return [];
	return db
		.select({ id: mailOutbox.id, toAddress: mailOutbox.toAddress, subject: mailOutbox.subject })
		.from(mailOutbox)
		.where(inArray(mailOutbox.id, ids));
}

/** An absolute link to a path of the site, for e-mails. */
export function siteUrl(path: string): string {
	return `${getConfig().origin}${path}`;
}
