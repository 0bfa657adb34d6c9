/**
 * Reference lists of the territories and steering features, shared by the browser and the
 * server. Labels come from the message catalogue.
 */
import type { CptsStage } from './professions';

/**
 * Kinds of current units of the Code officiel géographique. `commune_a_arrondissements` is
 * Paris, Lyon or Marseille as a whole: their arrondissements are counted instead.
 */
export const GEO_UNIT_KINDS = ['commune', 'arrondissement', 'commune_a_arrondissements'] as const;
export type GeoUnitKind = (typeof GEO_UNIT_KINDS)[number];

/** Communes déléguées and associées: not selectable, they point to their commune nouvelle. */
export const FORMER_COMMUNE_KINDS = ['deleguee', 'associee'] as const;
export type FormerCommuneKind = (typeof FORMER_COMMUNE_KINDS)[number];

/** The kinds a CPTS territory is made of (and that coverage counts). */
export const SELECTABLE_KINDS: readonly GeoUnitKind[] = ['commune', 'arrondissement'];

/** Stages where the ACI is signed: the CPTS is « en fonctionnement » for coverage. */
export const OPERATING_STAGES: readonly CptsStage[] = ['aci_signe', 'en_fonctionnement'];
/** Stages of a CPTS project: from the validated lettre d'intention to the ACI. */
export const PROJECT_STAGES: readonly CptsStage[] = ['lettre_intention', 'projet_depose', 'projet_valide'];

/** Statuses of a zone blanche's plan d'action, in the order a plan usually goes. */
export const PLAN_STATUSES = [
	'a_lancer',
	'contacts_pris',
	'porteur_identifie',
	'lettre_intention_en_preparation',
	'rattachement_cpts_voisine'
] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** Partner organisations that read the steering pages of their scope. */
export const PARTNER_ORGANISATIONS = ['ars', 'cpam', 'urps'] as const;
export type PartnerOrganisation = (typeof PARTNER_ORGANISATIONS)[number];

/** Why a coverage snapshot was taken. */
export const SNAPSHOT_REASONS = ['monthly', 'stage', 'territory', 'referential'] as const;
export type SnapshotReason = (typeof SNAPSHOT_REASONS)[number];
