/**
 * Input schemas of the CPTS feature (zod). Issue messages are catalogue keys; bounds match
 * the database checks of src/lib/server/db/schema/cpts.ts.
 */
import { z } from 'zod';
import { CPTS_STAGES, SIZE_BANDS, TERRITORY_NATURES } from '../../domain/professions';
import { fields } from '../shared/forms';

export const MAX_PROFESSIONALS = 100_000;
export const MAX_NAME_LENGTH = 120;
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

/** The régions and départements a CPTS without a territory may be placed in (the referential's). */
export interface PlaceChoices {
	regionCodes: readonly string[];
	departements: readonly { code: string; regionCode: string }[];
}

/**
 * The create/edit form of a CPTS. Its population is never typed: it comes from its territory
 * (0 until the territory is drawn). Région and département are chosen only while the CPTS has
 * no territory (`placeTyped`); afterwards they are computed too and the form leaves them out.
 */
export function cptsFormSchema(places: PlaceChoices, options: { placeTyped: boolean } = { placeTyped: true }) {
	const regionOf = new Map(places.departements.map((departement) => [departement.code, departement.regionCode]));
	const place = options.placeTyped
		? {
				regionCode: z.enum(places.regionCodes as [string, ...string[]], { error: 'form.choice' }),
				department: z.enum([...regionOf.keys()] as [string, ...string[]], { error: 'form.choice' })
			}
		: { regionCode: z.undefined().catch(undefined), department: z.undefined().catch(undefined) };
	return z
		.object({
			name: fields.requiredText(MAX_NAME_LENGTH),
			...place,
			nature: z.enum(TERRITORY_NATURES, { error: 'form.choice' }),
			stage: z.enum(CPTS_STAGES, { error: 'form.choice' }),
			professionalsCount: z
				.string()
				.optional()
				.transform((value) => value?.trim() || '0')
				.pipe(wholeNumber(0, MAX_PROFESSIONALS, 'cpts.form.professionalsRange')),
			contactEmail: optionalEmail,
			phone: optionalPhone,
			website: optionalWebsite,
			description: z
				.string()
				.trim()
				.max(5000, 'form.tooLong')
				.optional()
				.transform((value) => value ?? '')
		})
		.refine((input) => !input.department || regionOf.get(input.department) === input.regionCode, {
			path: ['department'],
			message: 'territories.form.departementRegion'
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
