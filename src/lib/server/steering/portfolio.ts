/**
 * A facilitator's portfolio: the CPTS she accompanies and what is late, by the thresholds of
 * thresholds.ts, computed from the dated stage history (not from when things were typed).
 */
import { asc, eq, inArray, max } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { cpts, cptsFollowUps, cptsStageEvents, users } from '../db/schema';
import type { SessionUser } from '../auth/session';
import { hasRole } from '../auth/guards';
import { AppError, forbidden } from '../shared/errors';
import type { CptsStage } from '../../domain/professions';
import { shiftIso, todayIso } from './dates';
import { plansOfFacilitator } from './plans';
import { LATENESS_THRESHOLDS, type LatenessKind } from './thresholds';

export interface Lateness {
	kind: LatenessKind;
	/** The date the delay runs from (stage reached, last follow-up, target date); null: never followed up. */
	since: string | null;
}

export interface PortfolioCpts {
	id: string;
	slug: string;
	name: string;
	department: string;
	stage: CptsStage;
	stageSince: string | null;
	facilitatorName: string | null;
	closeSupport: boolean;
	lastFollowUp: string | null;
	late: Lateness[];
}

/** The stage whose delay is watched, with its threshold (months) and lateness kind. */
const STAGE_RULES: Partial<Record<CptsStage, { months: number; kind: LatenessKind }>> = {
	lettre_intention: { months: LATENESS_THRESHOLDS.lettreIntentionWithoutProjetMonths, kind: 'lettreSansProjet' },
	projet_depose: { months: LATENESS_THRESHOLDS.projetDeposeNotValidatedMonths, kind: 'projetNonValide' },
	projet_valide: { months: LATENESS_THRESHOLDS.projetValideWithoutAciMonths, kind: 'projetSansAci' }
};

/** Rule: what is late for one CPTS on `today`, from its current stage's date and last follow-up. */
export function latenessOf(
	row: { stage: CptsStage; stageSince: string | null; closeSupport: boolean; lastFollowUp: string | null },
	today: string
): Lateness[] {
	const late: Lateness[] = [];
	const rule = STAGE_RULES[row.stage];
	if (rule && row.stageSince && row.stageSince < shiftIso(today, { months: rule.months })) late.push({ kind: rule.kind, since: row.stageSince });
	if (row.closeSupport && (!row.lastFollowUp || row.lastFollowUp < shiftIso(today, { days: LATENESS_THRESHOLDS.closeSupportWithoutFollowUpDays }))) {
		late.push({ kind: 'suiviRapproche', since: row.lastFollowUp });
	}
	return late;
}

/**
 * The portfolio of a facilitator (the CPTS whose facilitatorId is hers) or, for an admin asking
 * for it, of the whole network; with her plans past their target date.
 */
export async function portfolio(db: DbOrTx, viewer: SessionUser | null | undefined, options: { all?: boolean; today?: string } = {}) {
	if (!viewer) throw new AppError('unauthenticated', 'error.unauthenticated');
	if (!hasRole(viewer, 'facilitator')) throw forbidden();
	const all = Boolean(options.all) && hasRole(viewer, 'admin');
	const today = options.today ?? todayIso();
	const rows = await db
		.select({
			id: cpts.id,
			slug: cpts.slug,
			name: cpts.name,
			department: cpts.department,
			stage: cpts.stage,
			closeSupport: cpts.closeSupport,
			facilitatorName: users.name
		})
		.from(cpts)
		.leftJoin(users, eq(users.id, cpts.facilitatorId))
		.where(all ? undefined : eq(cpts.facilitatorId, viewer.id))
		.orderBy(asc(cpts.name));
	const ids = rows.map((row) => row.id);
	const stageDates = ids.length
		? await db
				.select({ cptsId: cptsStageEvents.cptsId, stage: cptsStageEvents.stage, reachedOn: max(cptsStageEvents.reachedOn) })
				.from(cptsStageEvents)
				.where(inArray(cptsStageEvents.cptsId, ids))
				.groupBy(cptsStageEvents.cptsId, cptsStageEvents.stage)
		: [];
	const lastFollowUps = ids.length
		? await db
				.select({ cptsId: cptsFollowUps.cptsId, last: max(cptsFollowUps.happenedOn) })
				.from(cptsFollowUps)
				.where(inArray(cptsFollowUps.cptsId, ids))
				.groupBy(cptsFollowUps.cptsId)
		: [];
	const list: PortfolioCpts[] = rows.map((row) => {
		const stageSince = stageDates.find((event) => event.cptsId === row.id && event.stage === row.stage)?.reachedOn ?? null;
		const lastFollowUp = lastFollowUps.find((entry) => entry.cptsId === row.id)?.last ?? null;
		const stage = row.stage as CptsStage;
		return { ...row, stage, stageSince, lastFollowUp, late: latenessOf({ stage, stageSince, closeSupport: row.closeSupport, lastFollowUp }, today) };
	});
	const plans = (await plansOfFacilitator(db, viewer.id)).map((plan) => ({
		...plan,
		late: plan.targetDate !== null && plan.targetDate < today ? [{ kind: 'planEchu' as const, since: plan.targetDate }] : []
	}));
	return { all, today, cpts: list, plans, lateCount: list.filter((row) => row.late.length).length + plans.filter((plan) => plan.late.length).length };
}

