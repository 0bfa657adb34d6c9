/**
 * Form schemas of the account pages. Issue messages are catalogue keys; the password rules
 * themselves live in passwords.ts and the RPPS rule in domain/rpps.ts.
 */
import { z } from 'zod';
import { PROFESSION_FORMS, PROFESSIONS } from '../../domain/professions';
import { normalizeRpps, rppsProblem } from '../../domain/rpps';
import { fields } from '../shared/forms';
import { PASSWORD_MAX_LENGTH, passwordProblem } from './passwords';

export const NAME_MAX_LENGTH = 120;

/** A password as typed: present and bounded; the strength rules run at the object level. */
const typedPassword = z
	.string({ error: 'form.required' })
	.min(1, 'form.required')
	.max(PASSWORD_MAX_LENGTH, 'auth.password.tooLong');

const profession = z.enum(PROFESSIONS, { error: 'form.choice' });

/** Optional RPPS number: spaces and dots removed, 11 digits with a correct Luhn key, or null. */
const rpps = z
	.string()
	.max(40, 'auth.rpps.format')
	.optional()
	.transform((value) => normalizeRpps(value ?? ''))
	.superRefine((value, context) => {
		const problem = value ? rppsProblem(value) : null;
		if (problem) context.addIssue({ code: 'custom', message: problem === 'format' ? 'auth.rpps.format' : 'auth.rpps.checksum' });
	})
	.transform((value) => value || null);

const locale = z.enum(['fr', 'en'], { error: 'form.choice' });
/** « Comment souhaitez-vous être désigné·e ? »: a form of the profession, or none (empty: the field's name). */
const professionForm = z
	.union([z.enum(PROFESSION_FORMS), z.literal('')], { error: 'form.choice' })
	.optional()
	.transform((value) => value || null);

/** Adds the strength and confirmation checks of a new password to an object schema. */
function checkNewPassword(
	value: { email?: string; password?: string; confirmation?: string },
	context: z.RefinementCtx,
	names: { password: string; confirmation: string }
) {
	if (value.password === undefined) return;
	const problem = passwordProblem(value.password, value.email);
	if (problem) context.addIssue({ code: 'custom', message: problem, path: [names.password] });
	else if (value.confirmation !== value.password) {
		context.addIssue({ code: 'custom', message: 'auth.password.mismatch', path: [names.confirmation] });
	}
}

export const signUpSchema = z
	.object({
		email: fields.email,
		name: fields.requiredText(NAME_MAX_LENGTH),
		profession,
		rpps,
		password: typedPassword,
		passwordConfirmation: z.string().max(PASSWORD_MAX_LENGTH, 'auth.password.tooLong').optional()
	})
	.superRefine((value, context) =>
		checkNewPassword(
			{ email: value.email, password: value.password, confirmation: value.passwordConfirmation },
			context,
			{ password: 'password', confirmation: 'passwordConfirmation' }
		)
	);
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
	email: fields.email,
	password: typedPassword
});

export const forgotPasswordSchema = z.object({ email: fields.email });

export const resetPasswordSchema = z
	.object({
		password: typedPassword,
		passwordConfirmation: z.string().max(PASSWORD_MAX_LENGTH, 'auth.password.tooLong').optional()
	})
	.superRefine((value, context) =>
		checkNewPassword({ password: value.password, confirmation: value.passwordConfirmation }, context, {
			password: 'password',
			confirmation: 'passwordConfirmation'
		})
	);

export const changePasswordSchema = z
	.object({
		currentPassword: typedPassword,
		newPassword: typedPassword,
		newPasswordConfirmation: z.string().max(PASSWORD_MAX_LENGTH, 'auth.password.tooLong').optional()
	})
	.superRefine((value, context) =>
		checkNewPassword({ password: value.newPassword, confirmation: value.newPasswordConfirmation }, context, {
			password: 'newPassword',
			confirmation: 'newPasswordConfirmation'
		})
	);

export const profileSchema = z.object({
	name: fields.requiredText(NAME_MAX_LENGTH),
	profession,
	professionForm,
	rpps,
	locale
});
export type ProfileInput = z.infer<typeof profileSchema>;
