/**
 * Who may read and add to the steering pages, and where: facilitators and admins everywhere;
 * a partner account (ARS, CPAM, URPS) within its scope only. The one place for that rule:
 * pages, CSV exports, plans and follow-up logs all ask it.
 */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { partnerAccounts } from '../db/schema';
import { hasRole } from '../auth/guards';
import type { SessionUser } from '../auth/session';
import { forbidden, AppError } from '../shared/errors';
import type { PartnerOrganisation } from '../../domain/geography';

export type SteeringScope =
	| { kind: 'network' }
	| { kind: 'region'; organisation: PartnerOrganisation; label: string; regionCode: string }
	| { kind: 'departement'; organisation: PartnerOrganisation; label: string; regionCode: string; departementCode: string };

/** The steering scope of a user, or null when she has none (members, trainers, visitors). */
export async function steeringScopeOf(db: DbOrTx, user: SessionUser | null | undefined): Promise<SteeringScope | null> {
	if (!user) return null;
	if (hasRole(user, 'facilitator')) return { kind: 'network' };
	const [partner] = await db.select().from(partnerAccounts).where(eq(partnerAccounts.userId, user.id));
	return steeringScopeFrom(user, partner ?? null);
}

/** The same rule from the user's partner account already read (the request's session query). */
export function steeringScopeFrom(user: SessionUser | null | undefined, partner: PartnerAccount | null): SteeringScope | null {
	if (!user) return null;
	if (hasRole(user, 'facilitator')) return { kind: 'network' };
	if (!partner) return null;
	const organisation = partner.organisation as PartnerOrganisation;
	return partner.departementCode
		? { kind: 'departement', organisation, label: partner.label, regionCode: partner.regionCode, departementCode: partner.departementCode }
		: { kind: 'region', organisation, label: partner.label, regionCode: partner.regionCode };
}

type PartnerAccount = typeof partnerAccounts.$inferSelect;

/** A place of the steering pages: the nation, a région, or a département (with its région). */
export type SteeringPlace = { level: 'france' } | { level: 'region'; regionCode: string } | { level: 'departement'; regionCode: string; departementCode: string };

/** Rule: may this scope read (and add to plans and logs of) this place? */
export function scopeCovers(scope: SteeringScope | null, place: SteeringPlace): boolean {
	if (!scope) return false;
	if (scope.kind === 'network') return true;
	if (place.level === 'france') return false;
	if (scope.kind === 'region') return place.regionCode === scope.regionCode;
	return place.level === 'departement' && place.departementCode === scope.departementCode;
}

/**
 * The scope of a signed-in user allowed to see `place`; refuses the others (not signed in:
 * unauthenticated, so pages redirect to sign in; signed in elsewhere: forbidden).
 */
export async function requireSteeringAccess(db: DbOrTx, user: SessionUser | null | undefined, place: SteeringPlace): Promise<SteeringScope> {
	if (!user) throw new AppError('unauthenticated', 'error.unauthenticated');
	const scope = await steeringScopeOf(db, user);
	if (!scope || !scopeCovers(scope, place)) throw forbidden();
	return scope;
}

/** Where a scope's steering starts: /reseau for the network, the région or département page for a partner. */
export function steeringHome(scope: SteeringScope): string {
	if (scope.kind === 'network') return '/reseau';
	if (scope.kind === 'region') return `/reseau/regions/${scope.regionCode}`;
	return `/reseau/departements/${scope.departementCode}`;
}
