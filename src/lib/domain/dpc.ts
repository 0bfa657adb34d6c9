/**
 * Reference lists of DPC training (développement professionnel continu), shared by the
 * browser and the server. Codes are stored (with check constraints built from these lists);
 * labels come from the message catalogue (messages/dpc.ts).
 */

/** The HAS methods a DPC action follows. */
export const HAS_METHODS = ['formation_continue', 'evaluation_pratiques', 'gestion_risques', 'programme_integre'] as const;
export type HasMethod = (typeof HAS_METHODS)[number];

/** In person, remote ("classe virtuelle") or mixed. */
export const DPC_FORMATS = ['presentiel', 'non_presentiel', 'mixte'] as const;
export type DpcFormat = (typeof DPC_FORMATS)[number];

/**
 * draft → published ⇄ full → completed, or cancelled from any of the first three.
 * "full" is kept by the registration transaction: every seat taken.
 */
export const SESSION_STATUSES = ['draft', 'published', 'full', 'cancelled', 'completed'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** A place on the list, or on the waiting list; cancelled rows are kept for the history. */
export const REGISTRATION_STATUSES = ['registered', 'waitlisted', 'cancelled'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** Émargement: per part of a session. */
export const ATTENDANCE_STATUSES = ['present', 'absent', 'excuse', 'retard'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/** Attended, for the "fully attended" rule: late still counts as having attended the part. */
export const ATTENDED_STATUSES: readonly AttendanceStatus[] = ['present', 'retard'];

/** An ANDPC action reference: 11 digits. */
export const ACTION_REFERENCE_PATTERN = /^\d{11}$/;
/** An ODPC registration number at ANDPC (4 digits in practice; up to 6 accepted). */
export const BODY_NUMBER_PATTERN = /^\d{4,6}$/;

/** The most parts a session may have, and the largest capacity accepted. */
export const MAX_SESSION_PARTS = 12;
export const MAX_SESSION_CAPACITY = 500;

/** Priority orientations often answered by interprofessional CPTS sessions (suggestions; free text is kept). */
export const ORIENTATION_SUGGESTIONS = [
	'Coordination des parcours de santé et exercice coordonné',
	'Soins non programmés et accès aux soins',
	'Prévention et promotion de la santé',
	'Parcours de la personne âgée et maintien à domicile',
	'Santé mentale et psychiatrie en soins primaires',
	'Pertinence des prescriptions et bon usage des médicaments',
	'Numérique en santé : DMP, messagerie sécurisée, télésanté',
	'Gestion des crises sanitaires'
] as const;
