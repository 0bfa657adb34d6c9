/**
 * Validation of the library's inputs at the boundary: the resource form (with the
 * profil-type fields), review comments and the search query from the URL.
 * Issue messages are catalogue keys.
 */
import { z } from 'zod';
import {
	COOPERATION_MATURITIES,
	MISSIONS,
	RESOURCE_KINDS,
	RESOURCE_VISIBILITIES
} from '../../domain/library';
import { MISSION_DEFINITIONS, type Mission } from '../../domain/missions';
import { PROFESSIONS, TERRITORY_NATURES } from '../../domain/professions';
import { translate, type Locale } from '../../i18n';
import { fieldError } from '../../i18n/field-error';
import { fields } from '../shared/forms';
import { profileIndicators, type ExampleAction, type ProfileIndicator, type ResourceProfile } from './profile';

export const MAX_TITLE_LENGTH = 200;
export const MAX_SUMMARY_LENGTH = 600;
export const MAX_BODY_LENGTH = 60_000;
export const MAX_LIST_ITEMS = 30;
export const MAX_LIST_ITEM_LENGTH = 400;
export const MAX_POPULATION = 3_000_000;
export const MAX_PROFESSIONALS = 100_000;
/** Search input is cut here before it reaches the database: long enough for any real query. */
export const MAX_QUERY_LENGTH = 200;
export const SEARCH_PAGE_SIZE = 20;

/** Repeated form fields (checkbox groups) that parseForm must read as arrays. */
export const RESOURCE_ARRAY_FIELDS = ['natures', 'sizeBands', 'missions', 'professions', 'profilePriorityMissions'];

const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: 'form.choice' });
const choices = <T extends readonly [string, ...string[]]>(values: T) =>
	z.array(choice(values)).max(values.length).transform((list) => [...new Set(list)]);

/** Non-empty lines of a textarea, trimmed. */
const lines = z
	.string()
	.optional()
	.transform((value) =>
		(value ?? '')
			.split(/\r?\n/)
			.map((line) => line.replace(/^\s*[-*•]\s*/, '').trim())
			.filter(Boolean)
	)
	.pipe(z.array(z.string().max(MAX_LIST_ITEM_LENGTH, 'form.tooLong')).max(MAX_LIST_ITEMS, 'library.form.tooManyLines'));

const optionalInteger = (max: number) =>
	z
		.string()
		.optional()
		.transform((value) => (value ?? '').replace(/\s|\u00a0|\u202f/g, ''))
		.pipe(
			z.union([
				z.literal('').transform(() => null),
				z
					.string()
					.regex(/^\d+$/, 'form.integer')
					.transform(Number)
					.pipe(z.number().int().max(max, 'form.tooLarge'))
			])
		);

const optionalDecimal = z
	.string()
	.optional()
	.transform((value) => (value ?? '').trim().replace(',', '.'))
	.pipe(
		z.union([
			z.literal('').transform(() => null),
			z
				.string()
				.regex(/^\d{1,2}(\.\d{1,2})?$/, 'library.form.fte')
				.transform(Number)
				.pipe(z.number().max(20, 'form.tooLarge'))
		])
	);

/** Lower case, no accents, one space between words, straight apostrophes: how prefixes compare. */
const comparable = (value: string) =>
	value
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[’'_-]/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();

/**
 * What a line may start with to name its mission: the code, the label in either locale,
 * and the short names facilitators use (the labels before the ACI wording included).
 */
const MISSION_PREFIXES: Record<Mission, string[]> = {
	acces_soins: ['acces aux soins', 'acces', 'access to care', 'access'],
	parcours: ['parcours', 'parcours des patients', 'parcours pluriprofessionnel', 'pathways', 'patient pathways'],
	prevention: [],
	crises_sanitaires: ['crises sanitaires', 'crise sanitaire', 'crises sanitaires graves', 'crises', 'health crises'],
	qualite_pertinence: ['qualite', 'qualite et pertinence', 'pertinence', 'quality'],
	accompagnement_professionnels: [
		'accompagnement',
		'accompagnement des professionnels',
		'accompagnement des professionnels de sante',
		'support',
		'support to professionals'
	]
};
const missionByPrefix = new Map<string, Mission>(
	MISSION_DEFINITIONS.flatMap(({ code }) =>
		[code, translate('fr', `mission.${code}`), translate('en', `mission.${code}`), ...MISSION_PREFIXES[code]].map(
			(name) => [comparable(name), code] as const
		)
	)
);

/** The mission a line's prefix names, if any. */
export function missionFromPrefix(prefix: string): Mission | null {
	return missionByPrefix.get(comparable(prefix)) ?? null;
}

/** Longer than this, the text before a colon is a sentence, not a mission prefix. */
const MAX_PREFIX_LENGTH = 60;

export interface MissionLine {
	text: string;
	mission?: Mission;
}

/** A line whose prefix names no mission, numbered as the user sees it (blank lines count). */
export interface UnknownMissionLine {
	line: number;
	prefix: string;
}

/**
 * Lines of a textarea, each optionally prefixed by its mission: « Prévention : Ateliers… ».
 * The first colon followed by a space ends the prefix (so « 18:00 » is not one); a line
 * without such a colon has no mission (« à rattacher »).
 */
export function parseMissionLines(value: string): { lines: MissionLine[]; unknown: UnknownMissionLine[] } {
	const lines: MissionLine[] = [];
	const unknown: UnknownMissionLine[] = [];
	value.split(/\r?\n/).forEach((raw, index) => {
		const line = raw.replace(/^\s*[-*•]\s*/, '').trim();
		if (!line) return;
		const separator = /:(\s|$)/u.exec(line);
		const prefix = separator ? line.slice(0, separator.index).trim() : '';
		if (!separator || !prefix || prefix.includes('|') || prefix.length > MAX_PREFIX_LENGTH) {
			lines.push({ text: line });
			return;
		}
		const mission = missionFromPrefix(prefix);
		const text = line.slice(separator.index + 1).trim();
		if (!mission) unknown.push({ line: index + 1, prefix });
		else if (text) lines.push({ text, mission });
	});
	return { lines, unknown };
}

/** "[Mission :] Action | partenaires" per line; a line without a bar is an action without partners. */
export function parseExampleActions(value: string): { actions: ExampleAction[]; unknown: UnknownMissionLine[] } {
	const { lines, unknown } = parseMissionLines(value);
	const actions = lines
		.map(({ text, mission }) => {
			const [action, ...rest] = text.split('|');
			return { action: action.trim(), partners: rest.join('|').trim(), ...(mission ? { mission } : {}) };
		})
		.filter((entry) => entry.action.length > 0);
	return { actions, unknown };
}

const prefixed = (locale: Locale, mission: Mission | undefined, text: string) =>
	mission ? `${translate(locale, `mission.${mission}`)} : ${text}` : text;

/** The inverse of parseExampleActions, to fill the form again. */
export function formatExampleActions(actions: ExampleAction[], locale: Locale = 'fr'): string {
	return actions
		.map((entry) => prefixed(locale, entry.mission, entry.partners ? `${entry.action} | ${entry.partners}` : entry.action))
		.join('\n');
}

/** The indicators as form lines, each prefixed by its mission when it has one. */
export function formatIndicators(indicators: ProfileIndicator[], locale: Locale = 'fr'): string {
	return indicators.map((entry) => prefixed(locale, entry.mission, entry.text)).join('\n');
}

/** A textarea of mission-prefixed lines; an unknown prefix is an error naming its line. */
const missionLines = <T>(toEntries: (value: string) => { entries: T[]; unknown: UnknownMissionLine[] }) =>
	z
		.string()
		.optional()
		.transform((value, context) => {
			const { entries, unknown } = toEntries(value ?? '');
			const [first] = unknown;
			if (first) {
				context.addIssue({
					code: 'custom',
					message: fieldError('library.form.unknownMission', { line: first.line, prefix: first.prefix })
				});
			}
			return entries;
		});

export function resourceFormSchema(regionCodes: readonly string[]) {
	return z
		.object({
			kind: choice(RESOURCE_KINDS),
			title: fields.requiredText(MAX_TITLE_LENGTH),
			summary: fields.requiredText(MAX_SUMMARY_LENGTH),
			body: z
				.string()
				.optional()
				.transform((value) => (value ?? '').replace(/\r\n/g, '\n').trim())
				.pipe(z.string().max(MAX_BODY_LENGTH, 'form.tooLong')),
			natures: choices(TERRITORY_NATURES),
			sizeBands: z
				.array(z.enum(['1', '2', '3', '4'], { error: 'form.choice' }))
				.max(4)
				.transform((list) => [...new Set(list.map(Number))].sort()),
			missions: choices(MISSIONS),
			professions: choices(PROFESSIONS),
			regionCode: z
				.string()
				.optional()
				.transform((value) => value || null)
				.refine((value) => value === null || regionCodes.includes(value), 'form.choice'),
			visibility: choice(RESOURCE_VISIBILITIES).default('public'),
			profileNature: z.string().optional(),
			profilePopulationMin: optionalInteger(MAX_POPULATION),
			profilePopulationMax: optionalInteger(MAX_POPULATION),
			profileProfessionalsMin: optionalInteger(MAX_PROFESSIONALS),
			profileProfessionalsMax: optionalInteger(MAX_PROFESSIONALS),
			profileMaturity: z.string().optional(),
			profileActors: lines,
			profilePartners: lines,
			profileStakes: lines,
			profilePriorityMissions: choices(MISSIONS),
			profileExampleActions: missionLines((value) => {
				const { actions, unknown } = parseExampleActions(value);
				return { entries: actions, unknown };
			}).pipe(
				z
					.array(
						z.object({
							action: z.string().max(MAX_LIST_ITEM_LENGTH, 'form.tooLong'),
							partners: z.string().max(MAX_LIST_ITEM_LENGTH, 'form.tooLong'),
							mission: choice(MISSIONS).optional()
						})
					)
					.max(MAX_LIST_ITEMS, 'library.form.tooManyLines')
			),
			profileIndicators: missionLines((value) => {
				const { lines, unknown } = parseMissionLines(value);
				return { entries: lines, unknown };
			}).pipe(
				z
					.array(z.object({ text: z.string().max(MAX_LIST_ITEM_LENGTH, 'form.tooLong'), mission: choice(MISSIONS).optional() }))
					.max(MAX_LIST_ITEMS, 'library.form.tooManyLines')
			),
			profileGovernance: fields.optionalText(2000),
			profileCoordinationWorkload: fields.optionalText(1000),
			profileCoordinationFte: optionalDecimal
		})
		.superRefine(
			(input, context) => {
				// Runs even when other fields failed (see `when`), so that every error shows at
				// once: fields may still hold raw, unparsed values here.
				if (input.kind !== 'profil_type') return;
				const require = (path: string, ok: boolean, message = 'form.required') => {
					if (!ok) context.addIssue({ code: 'custom', path: [path], message });
				};
				const isNumber = (value: unknown): value is number => typeof value === 'number';
				require('profileNature', (TERRITORY_NATURES as readonly string[]).includes(String(input.profileNature ?? '')), 'form.choice');
				require('profilePopulationMin', input.profilePopulationMin !== null && input.profilePopulationMin !== undefined);
				require('profileProfessionalsMin', input.profileProfessionalsMin !== null && input.profileProfessionalsMin !== undefined);
				if (input.profileMaturity) {
					require('profileMaturity', (COOPERATION_MATURITIES as readonly string[]).includes(input.profileMaturity), 'form.choice');
				}
				if (isNumber(input.profilePopulationMin) && isNumber(input.profilePopulationMax)) {
					require('profilePopulationMax', input.profilePopulationMax >= input.profilePopulationMin, 'library.form.rangeOrder');
				}
				if (isNumber(input.profileProfessionalsMin) && isNumber(input.profileProfessionalsMax)) {
					require('profileProfessionalsMax', input.profileProfessionalsMax >= input.profileProfessionalsMin, 'library.form.rangeOrder');
				}
			},
			{ when: (payload) => typeof payload.value === 'object' && payload.value !== null }
		)
		.transform((input) => ({
			kind: input.kind,
			title: input.title,
			summary: input.summary,
			body: input.body,
			natures: input.natures,
			sizeBands: input.sizeBands,
			missions: input.missions,
			professions: input.professions,
			regionCode: input.regionCode,
			visibility: input.visibility,
			profile:
				input.kind === 'profil_type'
					? ({
							nature: input.profileNature as ResourceProfile['nature'],
							populationMin: input.profilePopulationMin ?? 0,
							populationMax: input.profilePopulationMax,
							professionalsMin: input.profileProfessionalsMin ?? 0,
							professionalsMax: input.profileProfessionalsMax,
							maturity: (input.profileMaturity || null) as ResourceProfile['maturity'],
							actors: input.profileActors,
							partners: input.profilePartners,
							stakes: input.profileStakes,
							priorityMissions: input.profilePriorityMissions,
							exampleActions: input.profileExampleActions,
							indicators: input.profileIndicators,
							governance: input.profileGovernance ?? '',
							coordinationWorkload: input.profileCoordinationWorkload ?? '',
							coordinationFte: input.profileCoordinationFte
						} satisfies ResourceProfile)
					: null
		}));
}

export type ResourceInput = z.output<ReturnType<typeof resourceFormSchema>>;

/** The form's values (as strings) from a stored resource, to fill the edit form. */
export function resourceFormValues(resource: {
	kind: string;
	title: string;
	summary: string;
	bodySource: string;
	natures: string[];
	sizeBands: number[];
	missions: string[];
	professions: string[];
	regionCode: string | null;
	visibility: string;
	profile: ResourceProfile | null;
}): Record<string, string> {
	const profile = resource.profile;
	return {
		kind: resource.kind,
		title: resource.title,
		summary: resource.summary,
		body: resource.bodySource,
		natures: resource.natures.join(','),
		sizeBands: resource.sizeBands.join(','),
		missions: resource.missions.join(','),
		professions: resource.professions.join(','),
		regionCode: resource.regionCode ?? '',
		visibility: resource.visibility,
		...(profile
			? {
					profileNature: profile.nature,
					profilePopulationMin: String(profile.populationMin),
					profilePopulationMax: profile.populationMax === null ? '' : String(profile.populationMax),
					profileProfessionalsMin: String(profile.professionalsMin),
					profileProfessionalsMax: profile.professionalsMax === null ? '' : String(profile.professionalsMax),
					profileMaturity: profile.maturity ?? '',
					profileActors: profile.actors.join('\n'),
					profilePartners: profile.partners.join('\n'),
					profileStakes: profile.stakes.join('\n'),
					profilePriorityMissions: profile.priorityMissions.join(','),
					profileExampleActions: formatExampleActions(profile.exampleActions),
					profileIndicators: formatIndicators(profileIndicators(profile)),
					profileGovernance: profile.governance,
					profileCoordinationWorkload: profile.coordinationWorkload,
					profileCoordinationFte: profile.coordinationFte === null ? '' : String(profile.coordinationFte).replace('.', ',')
				}
			: {})
	};
}

export const reviewCommentSchema = z.object({ comment: fields.requiredText(2000) });

/** Search parameters from the URL; anything malformed is dropped, never an error. */
export interface SearchQuery {
	q: string;
	kinds: (typeof RESOURCE_KINDS)[number][];
	natures: (typeof TERRITORY_NATURES)[number][];
	sizeBands: number[];
	missions: (typeof MISSIONS)[number][];
	professions: (typeof PROFESSIONS)[number][];
	regions: string[];
	page: number;
}

/** Cleans user text for the search: no control characters, bounded length. */
export function cleanSearchText(value: string | null | undefined): string {
	return (value ?? '')
		.normalize('NFC')
		.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
		.replace(/\s+/g, ' ')
		.trim()
		.slice(0, MAX_QUERY_LENGTH);
}

function pick<T extends string>(params: URLSearchParams, name: string, allowed: readonly T[]): T[] {
	return [...new Set(params.getAll(name).filter((value): value is T => (allowed as readonly string[]).includes(value)))];
}

/** Reads the search page's query string. */
export function parseSearchQuery(params: URLSearchParams, regionCodes: readonly string[]): SearchQuery {
	const page = Number(params.get('page'));
	return {
		q: cleanSearchText(params.get('q')),
		kinds: pick(params, 'type', RESOURCE_KINDS),
		natures: pick(params, 'nature', TERRITORY_NATURES),
		sizeBands: pick(params, 'taille', ['1', '2', '3', '4']).map(Number),
		missions: pick(params, 'mission', MISSIONS),
		professions: pick(params, 'profession', PROFESSIONS),
		regions: pick(params, 'region', regionCodes),
		page: Number.isSafeInteger(page) && page >= 1 && page <= 500 ? page : 1
	};
}

/** The query string of a search (the inverse of parseSearchQuery), for links and pagination. */
export function searchQueryString(query: Partial<SearchQuery>): string {
	const params = new URLSearchParams();
	if (query.q) params.set('q', query.q);
	for (const value of query.kinds ?? []) params.append('type', value);
	for (const value of query.natures ?? []) params.append('nature', value);
	for (const value of query.sizeBands ?? []) params.append('taille', String(value));
	for (const value of query.missions ?? []) params.append('mission', value);
	for (const value of query.professions ?? []) params.append('profession', value);
	for (const value of query.regions ?? []) params.append('region', value);
	if (query.page && query.page > 1) params.set('page', String(query.page));
	return params.toString();
}

/** Typed figures of the profils-types matching page. */
export const matchFiguresSchema = z.object({
	population: fields.integer(0, MAX_POPULATION),
	professionals: fields.integer(0, MAX_PROFESSIONALS),
	nature: choice(TERRITORY_NATURES),
	maturity: z
		.string()
		.optional()
		.transform((value) => value || null)
		.refine((value) => value === null || (COOPERATION_MATURITIES as readonly string[]).includes(value), 'form.choice')
});
