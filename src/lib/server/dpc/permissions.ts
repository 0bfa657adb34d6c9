/**
 * Who may do what with DPC training. Pages, actions, the CSV and certificate routes and the
 * feature functions all ask these; each rule lives here only.
 *
 * - Trainers publish: a trainer works for one training body (ODPC) and manages that body's
 *   actions and sessions, their participants and attendance. Admins manage every body.
 * - Members (any signed-in professional) read the catalogue and register to sessions that
 *   target their profession.
 * - A certificate is the participant's own: nobody else downloads it.
 */
import type { GrantedRole } from '../../domain/professions';
import type { SessionStatus } from '../../domain/dpc';

/** What the rules need to know of a user: roles, profession and the body they train for. */
export interface DpcViewer {
	id: string;
	roles: readonly GrantedRole[];
	profession: string;
	/** Registering needs a verified address (requireVerifiedEmail). */
	emailVerified: boolean;
	/** The training body of a trainer; null for everyone else. */
	bodyId: string | null;
}
export type MaybeDpcViewer = DpcViewer | null | undefined;

const isAdmin = (viewer: MaybeDpcViewer) => Boolean(viewer?.roles.includes('admin'));

/** A trainer attached to a body (admins count as trainers of every body). */
export function isBodyTrainer(viewer: MaybeDpcViewer, bodyId: string): boolean {
	if (!viewer) return false;
	return isAdmin(viewer) || (viewer.roles.includes('trainer') && viewer.bodyId === bodyId);
}

/** Creating actions needs the trainer role and a body to create them for. */
export function canCreateAction(viewer: MaybeDpcViewer): boolean {
	return Boolean(viewer && viewer.roles.includes('trainer') && viewer.bodyId);
}

/** The trainer space (/formations/animer) is for trainers and admins. */
export function canUseTrainerSpace(viewer: MaybeDpcViewer): boolean {
	return Boolean(viewer && (viewer.roles.includes('trainer') || isAdmin(viewer)));
}

export function canEditAction(viewer: MaybeDpcViewer, action: { bodyId: string }): boolean {
	return isBodyTrainer(viewer, action.bodyId);
}

/** Edit, publish, cancel, complete: trainers of the action's body. */
export function canManageSession(viewer: MaybeDpcViewer, session: { bodyId: string }): boolean {
	return isBodyTrainer(viewer, session.bodyId);
}

/** The participant list, its CSV and the attendance sheet. */
export function canReadParticipants(viewer: MaybeDpcViewer, session: { bodyId: string }): boolean {
	return isBodyTrainer(viewer, session.bodyId);
}

/** Drafts are seen by their body's trainers only; the rest by everyone. */
export function canReadSession(viewer: MaybeDpcViewer, session: { bodyId: string; status: SessionStatus }): boolean {
	return session.status !== 'draft' || isBodyTrainer(viewer, session.bodyId);
}

/** The certificate of a registration: its participant only, once every part is attended. */
export function canDownloadCertificate(viewer: MaybeDpcViewer, registration: { userId: string; fullyAttended: boolean }): boolean {
	return Boolean(viewer && viewer.id === registration.userId && registration.fullyAttended);
}
