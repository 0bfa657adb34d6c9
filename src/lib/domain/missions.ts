/**
 * The missions of a CPTS in the national agreement (ACI CPTS), browser-safe: which are
 * socle (every CPTS) and which optional, their sub-parts, and the text they come from.
 * Only what DOMAIN.md states is encoded; labels and the readable source are catalogue
 * entries ('mission.<code>', 'mission.part.<code>', 'mission.source.<code>').
 */

/**
 * Mission codes, stored in the database. Their order is a storage layout (check constraints
 * and the facet_bits generated column are built from it): never reorder, append only. The
 * order to show them in is MISSION_DEFINITIONS' (socle first).
 */
export const MISSIONS = [
	'acces_soins',
	'parcours',
	'prevention',
	'qualite_pertinence',
	'accompagnement_professionnels',
	'crises_sanitaires'
] as const;
export type Mission = (typeof MISSIONS)[number];

export type MissionKind = 'socle' | 'optionnelle';

/**
 * Where a mission's status comes from: the 2019 agreement, or its amendment 2 (signed in
 * December 2021) which made the response to serious health crises a socle mission.
 */
export const MISSION_SOURCES = ['aci_2019', 'aci_avenant_2'] as const;
export type MissionSource = (typeof MISSION_SOURCES)[number];

/** Sub-parts of the access-to-care mission. */
export const MISSION_PARTS = ['medecin_traitant', 'soins_non_programmes', 'telesante'] as const;
export type MissionPart = (typeof MISSION_PARTS)[number];

export interface MissionDefinition {
	code: Mission;
	kind: MissionKind;
	parts: readonly MissionPart[];
	source: MissionSource;
}

/** Every mission, in the order documents show them: the four socle ones, then the optional ones. */
export const MISSION_DEFINITIONS: readonly MissionDefinition[] = [
	{ code: 'acces_soins', kind: 'socle', parts: MISSION_PARTS, source: 'aci_2019' },
	{ code: 'parcours', kind: 'socle', parts: [], source: 'aci_2019' },
	{ code: 'prevention', kind: 'socle', parts: [], source: 'aci_2019' },
	{ code: 'crises_sanitaires', kind: 'socle', parts: [], source: 'aci_avenant_2' },
	{ code: 'qualite_pertinence', kind: 'optionnelle', parts: [], source: 'aci_2019' },
	{ code: 'accompagnement_professionnels', kind: 'optionnelle', parts: [], source: 'aci_2019' }
];

export const SOCLE_MISSIONS: Mission[] = MISSION_DEFINITIONS.filter((entry) => entry.kind === 'socle').map((entry) => entry.code);
export const OPTIONAL_MISSIONS: Mission[] = MISSION_DEFINITIONS.filter((entry) => entry.kind === 'optionnelle').map((entry) => entry.code);

/** The definition of a mission code. */
export function missionDefinition(mission: Mission): MissionDefinition {
	return MISSION_DEFINITIONS.find((entry) => entry.code === mission)!;
}

export function isMission(value: unknown): value is Mission {
	return typeof value === 'string' && (MISSIONS as readonly string[]).includes(value);
}
