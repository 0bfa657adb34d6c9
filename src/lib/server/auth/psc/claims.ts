/**
 * What the app keeps of a Pro Santé Connect user info: the one place where PSC's claims are
 * read and its profession codes mapped to the app's professions.
 *
 * Sources (checked 2026-12):
 * - Claims: ANS, « Pro Santé Connect — documentation technique »
 *   (https://industriels.esante.gouv.fr/produits-et-services/pro-sante-connect/documentation-technique):
 *   user info carries `SubjectNameID` (the national identifier), `SubjectRefPro` with
 *   `exercices[]` (`codeProfession`, `codeSavoirFaire`…), `given_name`, `family_name`. In the
 *   test environment (« bac à sable », identities made with EDIT) SubjectNameID may be
 *   non-numeric: it is kept as an opaque identifier and never validated as an RPPS number.
 * - Profession codes: nomenclature TRE_G15-ProfessionSante (ANS, NOS,
 *   https://interop.esante.gouv.fr/ig/nos/CodeSystem-TRE-G15-ProfessionSante.html):
 *   10 Médecin, 21 Pharmacien, 40 Chirurgien-Dentiste, 50 Sage-Femme, 60 Infirmier,
 *   70 Masseur-Kinésithérapeute, 80 Pédicure-Podologue, 91 Orthophoniste, 92 Orthoptiste,
 *   94 Ergothérapeute, 95 Diététicien, 96 Psychomotricien. Psychologists are not a
 *   profession of this table (TRE_R95-UsagerTitre 93) and are mapped from it too.
 * - General medicine: a doctor's `codeSavoirFaire` from TRE_R38-SpecialiteOrdinale; SM54
 *   « Médecine générale », SM53 « Spécialiste en médecine générale » and SM26 « Qualifié en
 *   médecine générale » make a médecin généraliste. NOT re-verified against the published
 *   table in this session: kept in GENERAL_MEDICINE_SAVOIR_FAIRE so that it is fixed in one
 *   place. A doctor without a savoir-faire is taken as a généraliste (the first-line
 *   profession of a CPTS); one with another savoir-faire as a spécialiste. She can change it
 *   on her account page.
 * - RPPS number: where PSC states it (an identifier whose origin is RPPS in
 *   `SubjectRefPro.otherIds` or the top-level `otherIds`, or `SubjectRefPro.rpps`); else, when
 *   SubjectNameID is the national identifier of an RPPS professional ("8" followed by the 11
 *   digits of the RPPS number, ANS convention for idNatPS), those 11 digits. Nothing else.
 */
import type { Profession } from '../../../domain/professions';

/** TRE_G15-ProfessionSante (and TRE_R95 for psychologists) → the app's professions. */
export const PSC_PROFESSION_CODES: Readonly<Record<string, Profession>> = {
	'10': 'medecin_generaliste', // refined by the savoir-faire, see professionFromExercise
	'21': 'pharmacien',
	'40': 'chirurgien_dentiste',
	'50': 'sage_femme',
	'60': 'infirmier',
	'70': 'masseur_kinesitherapeute',
	'80': 'pedicure_podologue',
	'91': 'orthophoniste',
	'92': 'orthoptiste',
	'93': 'psychologue',
	'94': 'ergotherapeute',
	'95': 'dieteticien',
	'96': 'psychomotricien'
};

/** Doctor's savoir-faire codes (TRE_R38) that mean general medicine. */
export const GENERAL_MEDICINE_SAVOIR_FAIRE: readonly string[] = ['SM26', 'SM53', 'SM54'];

const DOCTOR = '10';

/** One professional exercise as PSC describes it (only what the app reads). */
export interface PscExercise {
	codeProfession?: unknown;
	codeSavoirFaire?: unknown;
}

/** What the app keeps of a PSC user: the identity it links and the profile it fills. */
export interface PscIdentity {
	/** The ID token's `sub`: the stable key of the link. */
	subject: string;
	/** SubjectNameID, opaque. */
	nationalId: string | null;
	/** 11 digits, as PSC gave them (the check digit is not verified: test identities fail it). */
	rpps: string | null;
	/** TRE_G15 code of the first exercise that has one. */
	professionCode: string | null;
	/** The app's profession for that code, or null when the app has none for it. */
	profession: Profession | null;
	name: string;
	/** Lower-cased; null when PSC gave none, or said it is not verified. */
	email: string | null;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim() : null);

const record = (value: unknown): Record<string, unknown> =>
	value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** The app's profession for one exercise (null: none of the app's professions). */
export function professionFromExercise(exercise: PscExercise): Profession | null {
	const code = text(exercise.codeProfession);
	if (!code) return null;
	const profession = PSC_PROFESSION_CODES[code] ?? null;
	if (code !== DOCTOR) return profession;
	const savoirFaire = text(exercise.codeSavoirFaire);
	return !savoirFaire || GENERAL_MEDICINE_SAVOIR_FAIRE.includes(savoirFaire) ? 'medecin_generaliste' : 'medecin_specialiste';
}

function rppsFrom(userInfo: Record<string, unknown>, refPro: Record<string, unknown>, nationalId: string | null): string | null {
	const stated = text(refPro.rpps);
	if (stated && /^\d{11}$/.test(stated)) return stated;
	for (const entry of [...list(refPro.otherIds), ...list(userInfo.otherIds)]) {
		const { identifiant, origine } = record(entry);
		const value = text(identifiant);
		if (text(origine)?.toUpperCase() === 'RPPS' && value && /^\d{11}$/.test(value)) return value;
	}
	const national = nationalId?.match(/^8(\d{11})$/);
	return national ? national[1] : null;
}

/** Maps a (signature-checked) user info to what the app keeps; null without a subject. */
export function identityFromUserInfo(userInfo: Record<string, unknown>): PscIdentity | null {
	const subject = text(userInfo.sub);
	if (!subject) return null;
	const refPro = record(userInfo.SubjectRefPro);
	const nationalId = text(userInfo.SubjectNameID);
	const exercises = list(refPro.exercices).map(record);
	const exercise = exercises.find((candidate) => text(candidate.codeProfession)) ?? {};
	const given = text(userInfo.given_name) ?? text(exercise.prenomDExercice);
	const family = text(userInfo.family_name) ?? text(exercise.nomDExercice);
	const email = userInfo.email_verified === false ? null : text(userInfo.email)?.toLowerCase() ?? null;
	return {
		subject,
		nationalId,
		rpps: rppsFrom(userInfo, refPro, nationalId),
		professionCode: text(exercise.codeProfession),
		profession: professionFromExercise(exercise),
		name: [given, family].filter(Boolean).join(' ').slice(0, 120) || subject.slice(0, 120),
		email
	};
}
