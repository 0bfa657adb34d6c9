/** Validation of the forums' inputs at the boundary; issue messages are catalogue keys. */
import { z } from 'zod';
import { FLAG_REASONS, MAX_POST_LENGTH, MAX_THREAD_TITLE_LENGTH, REACTION_KINDS, WATCH_LEVELS } from '../../domain/forum';
import { PROFESSIONS, TERRITORY_NATURES } from '../../domain/professions';
import { fields } from '../shared/forms';
import { AppError } from '../shared/errors';
import { MISSIONS } from '../../domain/library';

/** A post body: line endings normalised; empty and too long get their own French messages. */
export const postBody = z
	.string({ error: 'forum.form.bodyRequired' })
	.transform((value) => value.replace(/\r\n/g, '\n').trim())
	.pipe(
		z
			.string()
			.min(1, 'forum.form.bodyRequired')
			.max(MAX_POST_LENGTH, 'forum.form.bodyTooLong')
	);

/**
 * A post body checked once, where it enters a command (forms and other features alike):
 * the text to save, or an 'invalid' refusal about the `body` field.
 */
export function checkedPostBody(body: string): string {
	const parsed = postBody.safeParse(body);
	if (!parsed.success) throw new AppError('invalid', parsed.error.issues[0].message, { field: 'body' });
	return parsed.data;
}

/** A thread title checked for other features' threads (the form checks its own): trimmed, or an 'invalid' refusal about `title`. */
export function checkedThreadTitle(rawTitle: string): string {
	const title = rawTitle.trim();
	if (title.length === 0) throw new AppError('invalid', 'form.required', { field: 'title' });
	if (title.length > MAX_THREAD_TITLE_LENGTH) throw new AppError('invalid', 'form.tooLong', { field: 'title' });
	return title;
}

const choices = <T extends readonly [string, ...string[]]>(values: T) =>
	z
		.array(z.enum(values, { error: 'form.choice' }))
		.max(values.length)
		.transform((list) => [...new Set(list)]);

export const THREAD_ARRAY_FIELDS = ['natures', 'professions'];

export const threadFormSchema = z.object({
	title: fields.requiredText(MAX_THREAD_TITLE_LENGTH),
	body: postBody,
	natures: choices(TERRITORY_NATURES),
	professions: choices(PROFESSIONS)
});
export type ThreadInput = z.output<typeof threadFormSchema>;

export const replyFormSchema = z.object({ body: postBody });

export const flagFormSchema = z.object({
	reason: z.enum(FLAG_REASONS, { error: 'forum.form.flagReason' }),
	comment: fields.optionalText(1000).transform((value) => value ?? '')
});

export const reactionSchema = z.object({ kind: z.enum(REACTION_KINDS), on: z.enum(['true', 'false']).transform((value) => value === 'true') });
export const watchSchema = z.object({ level: z.enum(WATCH_LEVELS, { error: 'form.choice' }) });

/** An id from a form or a URL: a positive safe integer, or null. */
export function parseId(value: unknown): number | null {
	const text = typeof value === 'string' ? value.trim() : '';
	if (!/^\d{1,15}$/.test(text)) return null;
	const id = Number(text);
	return Number.isSafeInteger(id) && id > 0 ? id : null;
}

export { REACTION_KINDS };

export const categoryFormSchema = z
	.object({
		id: z.string().optional().transform((value) => value || undefined),
		name: fields.requiredText(120),
		description: fields.optionalText(600).transform((value) => value ?? ''),
		kind: z.enum(['mission', 'region', 'general'], { error: 'form.choice' }),
		mission: z.string().optional().transform((value) => value || null),
		regionCode: z.string().optional().transform((value) => value || null),
		position: fields.integer(0, 10_000)
	})
	.superRefine((input, context) => {
		if (input.kind === 'mission' && !(MISSIONS as readonly string[]).includes(input.mission ?? '')) {
			context.addIssue({ code: 'custom', path: ['mission'], message: 'form.choice' });
		}
		if (input.kind === 'region' && !input.regionCode) context.addIssue({ code: 'custom', path: ['regionCode'], message: 'form.required' });
	})
	.transform((input) => ({
		...input,
		mission: input.kind === 'mission' ? (input.mission as (typeof MISSIONS)[number]) : null,
		regionCode: input.kind === 'region' ? input.regionCode : null
	}));

export const splitFormSchema = z.object({
	fromPosition: fields.integer(2, 1_000_000),
	title: fields.requiredText(MAX_THREAD_TITLE_LENGTH)
});
