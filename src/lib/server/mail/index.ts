/**
 * The one mail module. Every message is written to the outbox table; with SMTP_URL set it
 * is also sent through nodemailer and marked sent (or its error kept). Without SMTP_URL
 * admins read the outbox at /admin/outbox. A failed send never fails the caller's action.
 */
import { eq } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import { getConfig } from '../config';
import type { DbOrTx } from '../db';
import { mailOutbox } from '../db/schema';
import { getLogger } from '../logger';
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

/** Records a message in the outbox and sends it when SMTP is configured. */
export async function sendMail(db: DbOrTx, to: string, mail: MailTemplate): Promise<{ id: number; sent: boolean }> {
	const content = renderMail(mail);
	const [row] = await db
		.insert(mailOutbox)
		.values({ toAddress: to, subject: content.subject, textBody: content.text, htmlBody: content.html, template: mail.template })
		.returning({ id: mailOutbox.id });
	const smtp = getTransporter();
	if (!smtp) return { id: row.id, sent: false };
	try {
		await smtp.sendMail({ from: getConfig().MAIL_FROM, to, subject: content.subject, text: content.text, html: content.html });
		await db.update(mailOutbox).set({ sentAt: new Date() }).where(eq(mailOutbox.id, row.id));
		return { id: row.id, sent: true };
	} catch (error) {
		getLogger().error({ err: error, template: mail.template }, 'mail not sent');
		await db
			.update(mailOutbox)
			.set({ error: error instanceof Error ? error.message.slice(0, 500) : 'unknown error' })
			.where(eq(mailOutbox.id, row.id));
		return { id: row.id, sent: false };
	}
}

/** An absolute link to a path of the site, for e-mails. */
export function siteUrl(path: string): string {
	return `${getConfig().origin}${path}`;
}
