/** Helpers shared by the DPC tests. */
import type { Db } from '../../src/lib/server/db';
import { dpcViewer, type DpcViewer } from '../../src/lib/server/dpc';
import type { GrantedRole } from '../../src/lib/domain/professions';
import type { makeUser } from './factories';

/** The rule-facing view of a factory user (with the body they train for). */
export async function viewerOf(db: Db, user: Awaited<ReturnType<typeof makeUser>>): Promise<DpcViewer> {
	return (await dpcViewer(db, { ...user, emailVerified: user.emailVerifiedAt !== null, locale: 'fr', roles: user.roles as GrantedRole[] }))!;
}

export { refusal } from './refusal';
