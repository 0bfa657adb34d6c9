/**
 * Reference lists of the resource library, shared by the browser and the server.
 * Codes are stored in the database (with check constraints built from these lists);
 * labels come from the message catalogue (messages/library.ts).
 */
import type { Mission } from './missions';
import type { TerritoryNature } from './professions';

export const RESOURCE_KINDS = [
	'profil_type',
	'bonne_pratique',
	'outil_modele',
	'retour_experience',
	'analyse_litterature'
] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/** Missions of a CPTS: the codes, defined with their kind and source in missions.ts. */
export { MISSIONS, type Mission } from './missions';
import { isMission } from './missions';

/** draft → submitted → (changes_requested → submitted)* → published → archived. */
export const RESOURCE_STATUSES = ['draft', 'submitted', 'changes_requested', 'published', 'archived'] as const;
export type ResourceStatus = (typeof RESOURCE_STATUSES)[number];

/** Published resources are public, or readable by signed-in users only. */
export const RESOURCE_VISIBILITIES = ['public', 'members_only'] as const;
export type ResourceVisibility = (typeof RESOURCE_VISIBILITIES)[number];

/** How far cooperation already goes on the territory (IGAS report 2.2.3), for profils-types. */
export const COOPERATION_MATURITIES = ['emergente', 'structuree', 'ancienne'] as const;
export type CooperationMaturity = (typeof COOPERATION_MATURITIES)[number];

/** Attachment formats accepted, by the media type detected from the content. */
export const ATTACHMENT_TYPES = {
	'application/pdf': ['pdf'],
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
	'application/vnd.oasis.opendocument.text': ['odt'],
	'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
	'image/png': ['png'],
	'image/jpeg': ['jpg', 'jpeg']
} as const satisfies Record<string, readonly string[]>;
export type AttachmentMediaType = keyof typeof ATTACHMENT_TYPES;
export const ATTACHMENT_MEDIA_TYPES = Object.keys(ATTACHMENT_TYPES) as AttachmentMediaType[];
export const ATTACHMENT_EXTENSIONS = Object.values(ATTACHMENT_TYPES).flat();

/**
 * The structured fields of a profil-type (IGAS report rec. 11 and its typology annex):
 * what kind of territory and community it describes, and what such a CPTS usually does.
 */
export interface ExampleAction {
	/** "Créneaux de soins non programmés mutualisés entre cabinets" */
	action: string;
	/** "Service des urgences, régulation du SAMU" */
	partners: string;
	/** The mission it serves; absent on actions stored before missions were tagged (« à rattacher »). */
	mission?: Mission;
}

/** An indicator to follow and the mission it measures (absent: « à rattacher »). */
export interface ProfileIndicator {
	text: string;
	mission?: Mission;
}

export interface ResourceProfile {
	nature: TerritoryNature;
	/** Population of the territory, inclusive bounds; null max means "and more". */
	populationMin: number;
	populationMax: number | null;
	/** Health professionals of the territory, inclusive bounds; null max means "and more". */
	professionalsMin: number;
	professionalsMax: number | null;
	/** How far cooperation already goes (null: any). */
	maturity: CooperationMaturity | null;
	/** Typical actors inside the CPTS. */
	actors: string[];
	/** Usual partners around it. */
	partners: string[];
	/** Main stakes of such a territory. */
	stakes: string[];
	priorityMissions: Mission[];
	/** Example actions with their partners (the report's table 1). */
	exampleActions: ExampleAction[];
	/**
	 * Indicators to follow. A plain string is one stored before indicators carried their
	 * mission (profiles are JSON in library_resources and in revisions): read them through
	 * profileIndicators.
	 */
	indicators: (ProfileIndicator | string)[];
	/** Typical governance. */
	governance: string;
	/** Typical coordination workload, in words ("0,5 ETP de coordination…"). */
	coordinationWorkload: string;
	/** The same workload in full-time equivalents, when it can be given. */
	coordinationFte: number | null;
}

/** A profile's indicators, the old untagged strings read as indicators without a mission. */
export function profileIndicators(profile: Pick<ResourceProfile, 'indicators'>): ProfileIndicator[] {
	return profile.indicators.map((entry) => (typeof entry === 'string' ? { text: entry } : entry));
}

/** The mission of an example action or indicator, null when it is still « à rattacher ». */
export function missionOf(entry: { mission?: unknown }): Mission | null {
	return isMission(entry.mission) ? entry.mission : null;
}

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_RESOURCE = 12;
