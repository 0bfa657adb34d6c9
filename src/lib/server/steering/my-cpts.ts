/**
 * « Mes CPTS » on Mon espace: the CPTS a person belongs to (or asked to join), and those a
 * facilitator accompanies, each with its stage, the next step of the life cycle and what is
 * late by the portfolio's rules. One query, whatever the number of CPTS.
 *
 * The close-support flag and the follow-up log are the network's working notes (see
 * follow-up.ts): only the accompanying facilitator and the partners of the territory see the
 * lateness they cause. Lateness is shown to those who act on it (coordinators, facilitator,
 * partners), not to every member.
 *
 * A partner account (ARS, CPAM, URPS) gets the CPTS of its territory not yet in operation: the
 * emergence the 2023 instruction asks them to support.
 */
import { and, eq, ne, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { cpts, cptsFollowUps, cptsMemberships, cptsStageEvents } from '../db/schema';
import type { CptsStage } from '../../domain/professions';
import type { SteeringScope } from '../territories/scope';
import { todayIso } from './dates';
import { latenessOf, type Lateness } from './portfolio';

/** How the person is tied to the CPTS. */
export type MyCptsTie = 'coordinator' | 'member' | 'pending' | 'facilitator' | 'partner';

export interface MyCptsStep {
	id: string;
	slug: string;
	name: string;
	tie: MyCptsTie;
	stage: CptsStage;
	/** The day the current stage was reached, when recorded. */
	stageSince: string | null;
	/** The step that follows the current stage (null once the CPTS is in operation: its yearly cycle). */
	nextStage: CptsStage | null;
	/** Join requests waiting for an answer (counted for coordinators only, else 0). */
	pendingRequests: number;
	late: Lateness[];
}

/**
 * The life cycle of a CPTS project (DOMAIN.md): initiative → lettre d'intention validated by
 * the ARS → projet de santé déposé → validé → ACI contract signed → in operation.
 */
const NEXT_STAGE: Record<CptsStage, CptsStage | null> = {
	initiative: 'lettre_intention',
	lettre_intention: 'projet_depose',
	projet_depose: 'projet_valide',
	projet_valide: 'aci_signe',
	aci_signe: 'en_fonctionnement',
	en_fonctionnement: null
};

const TIE_ORDER: Record<MyCptsTie, number> = { coordinator: 0, facilitator: 1, partner: 2, member: 3, pending: 4 };

/** The CPTS of a partner's territory still emerging (none for the network scope: facilitators have their portfolio). */
function emergingInScope(scope: SteeringScope | null | undefined): SQL | undefined {
	if (!scope || scope.kind === 'network') return undefined;
	const place = scope.kind === 'region' ? eq(cpts.regionCode, scope.regionCode) : eq(cpts.department, scope.departementCode);
	return and(place, ne(cpts.stage, 'en_fonctionnement'));
}

/** The user's CPTS (active and pending memberships, and those she accompanies as facilitator), with their next steps. */
export async function listMyCptsSteps(
	db: DbOrTx,
	userId: string,
	{ today = todayIso(), scope = null }: { today?: string; scope?: SteeringScope | null } = {}
): Promise<MyCptsStep[]> {
	const rows = await db
		.select({
			id: cpts.id,
			slug: cpts.slug,
			name: cpts.name,
			stage: cpts.stage,
			closeSupport: cpts.closeSupport,
			facilitatorId: cpts.facilitatorId,
			role: cptsMemberships.role,
			status: cptsMemberships.status,
			stageSince: sql<string | null>`(select max(${cptsStageEvents.reachedOn})::text from ${cptsStageEvents}
				where ${cptsStageEvents.cptsId} = ${cpts.id} and ${cptsStageEvents.stage} = ${cpts.stage})`,
			lastFollowUp: sql<string | null>`(select max(${cptsFollowUps.happenedOn})::text from ${cptsFollowUps}
				where ${cptsFollowUps.cptsId} = ${cpts.id})`,
			pendingRequests: sql<number>`(case when ${cptsMemberships.role} = 'coordinator' and ${cptsMemberships.status} = 'active'
				then (select count(*) from ${cptsMemberships} pending
					where pending.cpts_id = ${cpts.id} and pending.status = 'pending') else 0 end)::int`
		})
		.from(cpts)
		.leftJoin(cptsMemberships, and(eq(cptsMemberships.cptsId, cpts.id), eq(cptsMemberships.userId, userId), ne(cptsMemberships.status, 'refused')))
		.where(or(sql`${cptsMemberships.userId} is not null`, eq(cpts.facilitatorId, userId), emergingInScope(scope)))
		.limit(100);
	return rows
		.map((row) => {
			const stage = row.stage as CptsStage;
			const facilitates = row.facilitatorId === userId;
			const membership: MyCptsTie | null =
				row.status === 'active' ? (row.role === 'coordinator' ? 'coordinator' : 'member') : row.status === 'pending' ? 'pending' : null;
			const tie: MyCptsTie = membership === 'coordinator' ? 'coordinator' : facilitates ? 'facilitator' : (membership ?? 'partner');
			const acts = tie === 'coordinator' || tie === 'facilitator' || tie === 'partner';
			const readsSupport = facilitates || tie === 'partner';
			return {
				id: row.id,
				slug: row.slug,
				name: row.name,
				tie,
				stage,
				stageSince: row.stageSince,
				nextStage: NEXT_STAGE[stage],
				pendingRequests: Number(row.pendingRequests),
				late: acts ? latenessOf({ stage, stageSince: row.stageSince, closeSupport: readsSupport && row.closeSupport, lastFollowUp: row.lastFollowUp }, today) : []
			};
		})
		.sort((a, b) => TIE_ORDER[a.tie] - TIE_ORDER[b.tie] || a.name.localeCompare(b.name, 'fr'));
}
