/**
 * Form validation at the boundary (zod): returns either the parsed data or field errors as
 * message keys, together with what the user typed so the page can show it again.
 * Passwords are never sent back.
 */
import { z } from 'zod';

export type FieldErrors = Record<string, string>;

export type FormResult<T> =
	| { ok: true; data: T; values: Record<string, string> }
	| { ok: false; errors: FieldErrors; values: Record<string, string> };

const neverEchoed = /password|mot_de_passe|token/i;

/** What the user typed, as strings (multi-valued fields joined with commas), minus secrets. */
export function formValues(formData: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const key of new Set(formData.keys())) {
		if (neverEchoed.test(key)) continue;
		values[key] = formData
			.getAll(key)
			.filter((value): value is string => typeof value === 'string')
			.join(',');
	}
	return values;
}

/**
 * Validates a form with a zod object schema whose issue messages are catalogue keys.
 * Fields read as strings; `arrayFields` read every value of a repeated field.
 */
export function parseForm<S extends z.ZodType>(
	schema: S,
	formData: FormData,
	arrayFields: string[] = []
): FormResult<z.infer<S>> {
	const raw: Record<string, unknown> = {};
	for (const key of new Set(formData.keys())) {
		const all = formData.getAll(key).filter((value) => typeof value === 'string');
		raw[key] = arrayFields.includes(key) ? all : all[0];
	}
	for (const key of arrayFields) raw[key] ??= [];
	const values = formValues(formData);
	const result = schema.safeParse(raw);
	if (result.success) return { ok: true, data: result.data, values };
	const errors: FieldErrors = {};
	for (const issue of result.error.issues) {
		const field = String(issue.path[0] ?? '_form');
		errors[field] ??= issue.message.startsWith('form.') || issue.message.includes('.') ? issue.message : 'form.invalid';
	}
	return { ok: false, errors, values };
}

/** Common field schemas; their messages are keys of the "form.*" catalogue entries. */
export const fields = {
	email: z
		.string({ error: 'form.required' })
		.trim()
		.toLowerCase()
		.min(1, 'form.required')
		.max(254, 'form.tooLong')
		.pipe(z.email('form.email')),
	requiredText: (max: number) =>
		z.string({ error: 'form.required' }).trim().min(1, 'form.required').max(max, 'form.tooLong'),
	optionalText: (max: number) =>
		z
			.string()
			.trim()
			.max(max, 'form.tooLong')
			.optional()
			.transform((value) => (value ? value : null)),
	integer: (min: number, max: number) =>
		z
			.string({ error: 'form.required' })
			.trim()
			.min(1, 'form.required')
			.regex(/^\d[\d\s  ]*$/, 'form.integer')
			.transform((value) => Number(value.replace(/\s|\u00a0|\u202f/g, '')))
			.pipe(z.number().int().min(min, 'form.tooSmall').max(max, 'form.tooLarge'))
};
