/**
 * Reference lists shared by the browser and the server (no secrets here).
 * Codes are stored in the database; labels come from the message catalogue.
 */
export const PROFESSIONS = [
	'medecin_generaliste',
	'medecin_specialiste',
	'infirmier',
	'pharmacien',
	'masseur_kinesitherapeute',
	'chirurgien_dentiste',
	'sage_femme',
	'orthophoniste',
	'pedicure_podologue',
	'orthoptiste',
	'psychologue',
	'dieteticien',
	'ergotherapeute',
	'psychomotricien',
	'biologiste',
	'coordinateur_autre'
] as const;
export type Profession = (typeof PROFESSIONS)[number];

/**
 * How a person's profession is written beside her name, as she chose on her profile: the
 * feminine or masculine form (« infirmière », « infirmier »). Never guessed (from a first name
 * or anything else); without a choice the name of the field is written (« soins infirmiers »).
 * Lists and filters of professions keep the epicene label 'profession.<code>'.
 */
export const PROFESSION_FORMS = ['feminine', 'masculine'] as const;
export type ProfessionForm = (typeof PROFESSION_FORMS)[number];

/** The message key of a person's profession in her own form ('profession.feminine.infirmier'…). */
export function personProfessionKey(profession: string, form: string | null | undefined): `profession.${'feminine' | 'masculine' | 'unstated'}.${Profession}` {
	const chosen = form === 'feminine' || form === 'masculine' ? form : 'unstated';
	return `profession.${chosen}.${profession as Profession}`;
}

/** Roles beyond the default "member" that an admin grants. */
export const GRANTED_ROLES = ['facilitator', 'trainer', 'admin'] as const;
export type GrantedRole = (typeof GRANTED_ROLES)[number];

export const TERRITORY_NATURES = ['rural', 'periurbain', 'urbain_dense', 'outre_mer'] as const;
export type TerritoryNature = (typeof TERRITORY_NATURES)[number];

/**
 * Life cycle of a CPTS, in order: initiative → lettre d'intention validée par l'ARS → projet de
 * santé déposé → validé → contrat ACI signé → en fonctionnement.
 */
export const CPTS_STAGES = [
	'initiative',
	'lettre_intention',
	'projet_depose',
	'projet_valide',
	'aci_signe',
	'en_fonctionnement'
] as const;
export type CptsStage = (typeof CPTS_STAGES)[number];

export const SIZE_BANDS = [1, 2, 3, 4] as const;
export type SizeBand = (typeof SIZE_BANDS)[number];

/**
 * ACI size band from the population (national agreement ACI CPTS):
 * 1 < 40,000; 2 40,000 to 80,000; 3 80,000 to 175,000; 4 > 175,000.
 * The database computes the same rule in a generated column (cpts.size_band).
 */
export function sizeBandFor(population: number): SizeBand {
	if (population < 40_000) return 1;
	if (population < 80_000) return 2;
	if (population <= 175_000) return 3;
	return 4;
}
