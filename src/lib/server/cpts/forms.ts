/**
 * Input schemas of the CPTS feature (zod). Issue messages are catalogue keys; bounds match
 * the database checks of src/lib/server/db/schema/cpts.ts.
 */
import { z } from 'zod';
import { CPTS_STAGES, SIZE_BANDS, TERRITORY_NATURES } from '../../domain/professions';
import { fields } from '../shared/forms';

export const MAX_POPULATION = 3_000_000;
export const MAX_PROFESSIONALS = 100_000;
export const MAX_NAME_LENGTH = 120;
export const MAX_COMMUNES = 500;
export const DIRECTORY_PAGE_SIZE = 30;

/** A whole number typed by a person: spaces as thousands separators, a sign to say "too small". */
const wholeNumber = (min: number, max: number, rangeKey: string) =>
	z
		.string({ error: 'form.required' })
		.trim()
		.min(1, 'form.required')
		.regex(/^-?\d[\d\s]*$/, 'form.integer')
		.transform((value) => Number(value.replace(/\s/g, '')))
		.pipe(z.number().int().min(min, rangeKey).max(max, rangeKey));

/** "Metz, Woippy\nMontigny-lès-Metz" → ["Metz", "Woippy", "Montigny-lès-Metz"], duplicates dropped. */
export function splitCommunes(text: string): string[] {
	const seen = new Set<string>();
	const communes: string[] = [];
	for (const part of text.split(/[\n\r,;]+/)) {
		const commune = part.trim().replace(/\s+/g, ' ');
		const key = commune.toLocaleLowerCase('fr');
		if (commune && !seen.has(key)) {
			seen.add(key);
			communes.push(commune);
		}
	}
	return communes;
}

const optionalEmail = z
	.string()
	.trim()
	.toLowerCase()
	.max(254, 'form.tooLong')
	.optional()
	.transform((value) => value || null)
	.pipe(z.email('form.email').nullable());

const optionalWebsite = z
	.string()
	.trim()
	.max(300, 'form.tooLong')
	.optional()
	.transform((value) => value || null)
	.refine((value) => value === null || (/^https?:\/\/[^\s/?#]+\.[^\s]+$/i.test(value) && URL.canParse(value)), 'form.url');

const optionalPhone = z
	.string()
	.trim()
	.max(30, 'form.tooLong')
	.optional()
	.transform((value) => value || null)
	.refine((value) => value === null || /^\+?[\d\s().-]{6,30}$/.test(value), 'cpts.form.phone');

/** The create/edit form of a CPTS; region codes come from the `regions` reference table. */
export function cptsFormSchema(regionCodes: readonly string[]) {
	return z.object({
		name: fields.requiredText(MAX_NAME_LENGTH),
		regionCode: z.enum(regionCodes as [string, ...string[]], { error: 'form.choice' }),
		department: fields.requiredText(60),
		nature: z.enum(TERRITORY_NATURES, { error: 'form.choice' }),
		stage: z.enum(CPTS_STAGES, { error: 'form.choice' }),
		population: wholeNumber(0, MAX_POPULATION, 'cpts.form.populationRange'),
		professionalsCount: z
			.string()
			.optional()
			.transform((value) => value?.trim() || '0')
			.pipe(wholeNumber(0, MAX_PROFESSIONALS, 'cpts.form.professionalsRange')),
		communes: z
			.string()
			.optional()
			.transform((value) => splitCommunes(value ?? ''))
			.pipe(z.array(z.string().max(100, 'cpts.form.communeTooLong')).max(MAX_COMMUNES, 'cpts.form.tooManyCommunes')),
		contactEmail: optionalEmail,
		phone: optionalPhone,
		website: optionalWebsite,
		description: z
			.string()
			.trim()
			.max(5000, 'form.tooLong')
			.optional()
			.transform((value) => value ?? '')
	});
}

export type CptsInput = z.infer<ReturnType<typeof cptsFormSchema>>;

export const joinRequestSchema = z.object({ message: fields.optionalText(1000) });
export const emailOnlySchema = z.object({ email: fields.email });

/** The directory's query string; a value that makes no sense is ignored, never an error. */
export function directoryQuerySchema(regionCodes: readonly string[]) {
	const optionalChoice = <T extends readonly [string, ...string[]]>(values: T) =>
		z.enum(values).optional().catch(undefined);
	return z.object({
		q: z
			.string()
			.optional()
			.transform((value) => value?.trim().slice(0, 100) || undefined),
		region: optionalChoice(regionCodes as [string, ...string[]]),
		nature: optionalChoice(TERRITORY_NATURES),
		stage: optionalChoice(CPTS_STAGES),
		size: z.coerce
			.number()
			.int()
			.refine((value) => (SIZE_BANDS as readonly number[]).includes(value))
			.optional()
			.catch(undefined),
		page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined).transform((value) => value ?? 1)
	});
}

export type DirectoryQuery = z.infer<ReturnType<typeof directoryQuerySchema>>;

/** Reads the directory filters out of a URL's search parameters. */
export function parseDirectoryQuery(params: URLSearchParams, regionCodes: readonly string[]): DirectoryQuery {
	const raw: Record<string, string> = {};
	for (const key of ['q', 'region', 'nature', 'stage', 'size', 'page']) {
		const value = params.get(key);
		// An empty select ("all") is the same as no filter.
		if (value !== null && value !== '') raw[key] = value;
	}
	return directoryQuerySchema(regionCodes).parse(raw);
}
