/**
 * Changing the account's e-mail address (issue 17, « Mes appareils »): the current password is
 * required; the new address must be verified again (a link is sent to it); the former address
 * is told; and every other session is closed, as for a password change, since whoever changes
 * the address of an account may be taking it over.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Locale } from '../../i18n';
import type { DbOrTx } from '../db';
import { users } from '../db/schema';
import { notifyAccessChanged } from '../collab/registry';
import { isUniqueViolation } from '../shared/errors';
import { fields, parseForm } from '../shared/forms';
import type { FormFailure } from './accounts';
import { sendEmailChangedMail, sendVerificationMail } from './mails';
import { verifyPassword } from './passwords';
import { invalidateUserSessions } from './session';
import { issueEmailToken, revokeEmailTokens } from './tokens';
import { storedLocale } from '../../i18n/locale';

const changeEmailSchema = z.object({
	email: fields.email,
	currentPassword: z.string({ error: 'form.required' }).min(1, 'form.required').max(200, 'auth.password.tooLong')
});

/** Sets a new e-mail address (unverified until its link is followed) and closes the other sessions. */
export async function changeEmail(db: DbOrTx, userId: string, currentSessionId: string, form: FormData): Promise<{ ok: true; email: string } | FormFailure> {
	const parsed = parseForm(changeEmailSchema, form);
	if (!parsed.ok) return parsed;
	const refused = (field: string, message: string): FormFailure => ({ ok: false, errors: { [field]: message }, values: parsed.values });
	const [user] = await db.select().from(users).where(eq(users.id, userId));
	if (!user) return { ok: false, errors: {}, values: {}, message: 'error.unauthenticated' };
	if (!(await verifyPassword(user.passwordHash, parsed.data.currentPassword))) return refused('currentPassword', 'auth.password.currentWrong');
	const email = parsed.data.email;
	if (email === user.email) return refused('email', 'auth.email.same');
	const locale: Locale = storedLocale(user.locale);
	try {
		await db.transaction(async (tx) => {
			await tx.update(users).set({ email, emailVerifiedAt: null }).where(eq(users.id, userId));
			await invalidateUserSessions(tx, userId, currentSessionId);
			// A verification link sent to the former address must not verify the new one.
			await revokeEmailTokens(tx, userId, 'verify_email');
			await revokeEmailTokens(tx, userId, 'reset_password');
			const token = await issueEmailToken(tx, userId, 'verify_email');
			await sendVerificationMail(tx, { email, name: user.name, locale }, token);
			await sendEmailChangedMail(tx, { email: user.email, name: user.name, locale }, email);
		});
	} catch (error) {
		if (isUniqueViolation(error, 'users_email_key')) return refused('email', 'auth.email.taken');
		throw error;
	}
	await notifyAccessChanged({ userId });
	return { ok: true, email };
}
