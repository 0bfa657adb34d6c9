/**
 * Who may read and change the ACI contract of a CPTS, its yearly indicators and its
 * dialogues de gestion: the CPTS's own active coordinators, facilitators (the accompanying one
 * among them) and admins change them; partners (ARS, CPAM, URPS) whose scope covers the CPTS
 * read them; everybody else, members included, is refused. The one place for that rule.
 */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { cpts } from '../db/schema';
import type { SessionUser } from '../auth/session';
import { canManageCpts, getMembership } from '../cpts/permissions';
import { AppError, forbidden, notFound } from '../shared/errors';
import { cptsPlace } from '../steering/follow-up';
import { scopeCovers, steeringScopeOf } from '../territories/scope';

export type Actor = SessionUser | null | undefined;
export type CptsRow = typeof cpts.$inferSelect;

export interface ContractAccess {
	reads: boolean;
	edits: boolean;
}

const NONE: ContractAccess = { reads: false, edits: false };

/** Rule: what the viewer may do with this CPTS's contract. */
export async function contractAccess(db: DbOrTx, viewer: Actor, row: Pick<CptsRow, 'id' | 'regionCode' | 'department' | 'facilitatorId'>): Promise<ContractAccess> {
	if (!viewer) return NONE;
	if (canManageCpts(viewer) || row.facilitatorId === viewer.id) return { reads: true, edits: true };
	const membership = await getMembership(db, viewer.id, row.id);
	if (membership?.status === 'active' && membership.role === 'coordinator') return { reads: true, edits: true };
	if (scopeCovers(await steeringScopeOf(db, viewer), cptsPlace(row))) return { reads: true, edits: false };
	return NONE;
}

/** The CPTS row and the viewer's access, refusing those without `need`. */
export async function requireContractAccess(db: DbOrTx, viewer: Actor, cptsId: string, need: keyof ContractAccess) {
	if (!viewer) throw new AppError('unauthenticated', 'error.unauthenticated');
	const [row] = await db.select().from(cpts).where(eq(cpts.id, cptsId));
	if (!row) throw notFound('cpts.notFound');
	const access = await contractAccess(db, viewer, row);
	if (!access[need]) throw forbidden();
	return { row, access };
}
