/** Helpers for the account tests: forms as the browser sends them, and mail read from the outbox. */
import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../src/lib/server/db';
import { mailOutbox } from '../../src/lib/server/db/schema';
import { rppsCheckDigit } from '../../src/lib/domain/rpps';

/** A FormData with these fields, as a plain POST would send them. */
export function formData(fields: Record<string, string>): FormData {
	const form = new FormData();
	for (const [name, value] of Object.entries(fields)) form.append(name, value);
	return form;
}

/** A valid RPPS number built from ten digits (the eleventh is their Luhn key). */
export function validRpps(firstTenDigits = '1000345678'): string {
	return firstTenDigits + rppsCheckDigit(firstTenDigits);
}

/** The mails of one template sent to an address, newest first. */
export async function mailsTo(db: DbOrTx, to: string, template: string) {
	return db
		.select()
		.from(mailOutbox)
		.where(and(eq(mailOutbox.toAddress, to), eq(mailOutbox.template, template)))
		.orderBy(desc(mailOutbox.id));
}

/** The token of the site link starting with `pathPrefix` in a mail's text ("/verification/"). */
export function tokenFromMail(mail: { textBody: string }, pathPrefix: string): string {
	const match = mail.textBody.match(new RegExp(`https?://\\S+${pathPrefix.replace(/\//g, '\\/')}([a-z2-7]+)`));
	if (!match) throw new Error(`no ${pathPrefix} link in:\n${mail.textBody}`);
	return match[1];
}
