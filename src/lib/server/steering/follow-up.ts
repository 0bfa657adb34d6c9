/**
 * The emergence and close support of each CPTS: dated stage history, accompanying
 * facilitator, partner contacts, the « accompagnement rapproché » flag and its follow-up log.
 *
 * Who reads what: facilitators, admins and the partners whose scope covers the CPTS's
 * département read everything and add stage events and follow-up entries; only facilitators
 * and admins change the accompaniment (facilitator, contacts, close-support flag). The CPTS's
 * own active coordinators read its stage history, facilitator and partner contacts, read-only:
 * the close-support flag, its reason and the follow-up log are the network's working notes
 * about the CPTS, not shown to it.
 */
import { asc, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../db';
import { cpts, cptsFollowUps, cptsStageEvents, users } from '../db/schema';
import type { SessionUser } from '../auth/session';
import { hasRole } from '../auth/guards';
import { writeAudit } from '../audit';
import { getMembership, type ViewerMembership } from '../cpts/permissions';
import { AppError, forbidden } from '../shared/errors';
import { generateId } from '../shared/ids';
import { snapshotCoverage } from '../territories/coverage';
import { scopeCovers, steeringScopeOf, type SteeringPlace, type SteeringScope } from '../territories/scope';
import { CPTS_STAGES, type CptsStage } from '../../domain/professions';
import { pastDay, type LogEntryInput } from './dates';
import { assertFacilitator, type LogEntry } from './plans';

type Actor = SessionUser | null | undefined;
type CptsRow = typeof cpts.$inferSelect;

/** What a viewer may do on a CPTS's suivi page. */
export interface SuiviAccess {
	/** Stage history, facilitator, partner contacts. */
	readsHistory: boolean;
	/** Close-support flag and reason, follow-up log. */
	readsSupport: boolean;
	/** Add stage events and follow-up entries. */
	adds: boolean;
	/** Change the facilitator, partner contacts and close-support flag. */
	manages: boolean;
}

const NONE: SuiviAccess = { readsHistory: false, readsSupport: false, adds: false, manages: false };

/** The steering place of a CPTS: its (main) département within its région. */
export function cptsPlace(row: Pick<CptsRow, 'regionCode' | 'department'>): SteeringPlace {
	return { level: 'departement', regionCode: row.regionCode, departementCode: row.department };
}

/** Rule: what the viewer may see and do on this CPTS's suivi. */
export async function suiviAccess(db: DbOrTx, viewer: Actor, row: Pick<CptsRow, 'id' | 'regionCode' | 'department'>): Promise<SuiviAccess> {
	if (!viewer) return NONE;
	const scope = await steeringScopeOf(db, viewer);
	if (scope && scopeCovers(scope, cptsPlace(row))) return suiviAccessFrom(viewer, scope, row, null);
	return suiviAccessFrom(viewer, scope, row, await getMembership(db, viewer.id, row.id));
}

/**
 * The same rule from what the caller already read (the viewer's steering scope and her
 * membership of this CPTS): for lists, such as the directory export, that ask it per row.
 */
export function suiviAccessFrom(
	viewer: Actor,
	scope: SteeringScope | null,
	row: Pick<CptsRow, 'regionCode' | 'department'>,
	membership: ViewerMembership | null
): SuiviAccess {
	if (!viewer) return NONE;
	if (scope && scopeCovers(scope, cptsPlace(row))) {
		const manages = hasRole(viewer, 'facilitator');
		return { readsHistory: true, readsSupport: true, adds: true, manages };
	}
	if (membership?.status === 'active' && membership.role === 'coordinator') return { ...NONE, readsHistory: true };
	return NONE;
}

async function requireSuivi(db: DbOrTx, viewer: Actor, cptsId: string, need: keyof SuiviAccess) {
	if (!viewer) throw new AppError('unauthenticated', 'error.unauthenticated');
	const [row] = await db.select().from(cpts).where(eq(cpts.id, cptsId));
	if (!row) throw new AppError('not_found', 'cpts.notFound');
	const access = await suiviAccess(db, viewer, row);
	if (!access[need]) throw forbidden();
	return { row, access };
}

export interface StageEvent {
	id: string;
	stage: CptsStage;
	reachedOn: string;
	note: string;
	recordedByName: string | null;
}

/** The stage history of a CPTS, oldest first (by date, then by stage order). */
export async function stageHistory(db: DbOrTx, cptsId: string): Promise<StageEvent[]> {
	const rows = await db
		.select({ id: cptsStageEvents.id, stage: cptsStageEvents.stage, reachedOn: cptsStageEvents.reachedOn, note: cptsStageEvents.note, recordedByName: users.name })
		.from(cptsStageEvents)
		.leftJoin(users, eq(users.id, cptsStageEvents.recordedBy))
		.where(eq(cptsStageEvents.cptsId, cptsId))
		.orderBy(asc(cptsStageEvents.reachedOn), asc(cptsStageEvents.createdAt));
	return rows
		.map((row) => ({ ...row, stage: row.stage as CptsStage }))
		.sort((a, b) => a.reachedOn.localeCompare(b.reachedOn) || CPTS_STAGES.indexOf(a.stage) - CPTS_STAGES.indexOf(b.stage));
}

export const stageEventSchema = z.object({
	stage: z.enum(CPTS_STAGES, { error: 'form.choice' }),
	reachedOn: pastDay,
	note: z.string().trim().max(2000, 'form.tooLong').optional().transform((value) => value ?? '')
});
export type StageEventInput = z.infer<typeof stageEventSchema>;

/**
 * Records a stage reached on a date (those who add to the suivi). A stage later than the
 * current one becomes the CPTS's stage and a coverage snapshot is taken. Refuses a date that
 * contradicts the history (a later stage dated before an earlier one). Returns whether
 * cpts.stage changed.
 */
export async function recordStage(db: DbOrTx, actor: Actor, cptsId: string, input: StageEventInput): Promise<{ stageChanged: boolean }> {
	const { row } = await requireSuivi(db, actor, cptsId, 'adds');
	return applyStageEvent(db, actor!.id, row, input);
}

/**
 * The one way a stage event is written, once the caller has checked who may write it (the
 * suivi page, or the signature of an ACI contract): checks the date against the history,
 * inserts the event, moves cpts.stage forward when later, snapshots coverage, audits.
 */
export async function applyStageEvent(
	db: DbOrTx,
	actorId: string,
	row: Pick<CptsRow, 'id' | 'stage'>,
	input: StageEventInput
): Promise<{ stageChanged: boolean }> {
	const rank = (stage: string) => CPTS_STAGES.indexOf(stage as CptsStage);
	const history = await stageHistory(db, row.id);
	const contradicting = history.find(
		(event) => (rank(event.stage) < rank(input.stage) && event.reachedOn > input.reachedOn) || (rank(event.stage) > rank(input.stage) && event.reachedOn < input.reachedOn)
	);
	if (contradicting) {
		throw new AppError('invalid', 'plans.stage.contradicts', { field: 'reachedOn', stage: contradicting.stage, date: contradicting.reachedOn });
	}
	const stageChanged = rank(input.stage) > rank(row.stage);
	await db.transaction(async (tx) => {
		await tx.insert(cptsStageEvents).values({ id: generateId(), cptsId: row.id, stage: input.stage, reachedOn: input.reachedOn, note: input.note, recordedBy: actorId });
		if (stageChanged) {
			await tx.update(cpts).set({ stage: input.stage, updatedAt: new Date() }).where(eq(cpts.id, row.id));
			await snapshotCoverage(tx, 'stage');
		}
		await writeAudit(tx, { actorId, action: 'cpts.stage', targetType: 'cpts', targetId: row.id, details: { stage: input.stage, reachedOn: input.reachedOn, stageChanged } });
	});
	return { stageChanged };
}

export const supportSchema = z
	.object({
		facilitatorId: z.string().trim().max(64, 'form.invalid').optional().transform((value) => (value ? value : null)),
		partnerContacts: z.string().trim().max(2000, 'form.tooLong').optional().transform((value) => value ?? ''),
		closeSupport: z.literal('on').optional().transform((value) => value === 'on'),
		closeSupportReason: z.string().trim().max(2000, 'form.tooLong').optional().transform((value) => value ?? '')
	})
	.refine((value) => !value.closeSupport || value.closeSupportReason.length > 0, { path: ['closeSupportReason'], message: 'plans.support.reasonRequired' });
export type SupportInput = z.infer<typeof supportSchema>;

/** Changes the accompaniment of a CPTS (facilitators and admins only). */
export async function updateSupport(db: DbOrTx, actor: Actor, cptsId: string, input: SupportInput): Promise<void> {
	const { row } = await requireSuivi(db, actor, cptsId, 'manages');
	await assertFacilitator(db, input.facilitatorId);
	await db.transaction(async (tx) => {
		await tx
			.update(cpts)
			.set({ facilitatorId: input.facilitatorId, partnerContacts: input.partnerContacts, closeSupport: input.closeSupport, closeSupportReason: input.closeSupport ? input.closeSupportReason : '', updatedAt: new Date() })
			.where(eq(cpts.id, row.id));
		await writeAudit(tx, { actorId: actor!.id, action: 'cpts.support', targetType: 'cpts', targetId: row.id, details: { facilitatorId: input.facilitatorId, closeSupport: input.closeSupport } });
	});
}

/** Adds a dated entry to a CPTS's follow-up log. */
export async function addFollowUp(db: DbOrTx, actor: Actor, cptsId: string, input: LogEntryInput): Promise<void> {
	const { row } = await requireSuivi(db, actor, cptsId, 'adds');
	await db.transaction(async (tx) => {
		const id = generateId();
		await tx.insert(cptsFollowUps).values({ id, cptsId: row.id, authorId: actor!.id, happenedOn: input.happenedOn, body: input.body });
		await writeAudit(tx, { actorId: actor!.id, action: 'cpts.followUp', targetType: 'cpts', targetId: row.id, details: { happenedOn: input.happenedOn } });
	});
}

/** The follow-up log of a CPTS, newest first. */
export async function followUps(db: DbOrTx, cptsId: string): Promise<LogEntry[]> {
	return db
		.select({ id: cptsFollowUps.id, happenedOn: cptsFollowUps.happenedOn, body: cptsFollowUps.body, authorName: users.name, createdAt: cptsFollowUps.createdAt })
		.from(cptsFollowUps)
		.leftJoin(users, eq(users.id, cptsFollowUps.authorId))
		.where(eq(cptsFollowUps.cptsId, cptsId))
		.orderBy(desc(cptsFollowUps.happenedOn), desc(cptsFollowUps.createdAt));
}

/** Everything the suivi page shows, trimmed to what the viewer may read (refusal otherwise). */
export async function getSuivi(db: DbOrTx, viewer: Actor, cptsId: string) {
	const { row, access } = await requireSuivi(db, viewer, cptsId, 'readsHistory');
	const [facilitator] = row.facilitatorId ? await db.select({ name: users.name }).from(users).where(eq(users.id, row.facilitatorId)) : [];
	return {
		access,
		stage: row.stage as CptsStage,
		history: await stageHistory(db, row.id),
		facilitator: row.facilitatorId ? { id: row.facilitatorId, name: facilitator?.name ?? '' } : null,
		partnerContacts: row.partnerContacts,
		support: access.readsSupport
			? { closeSupport: row.closeSupport, closeSupportReason: row.closeSupportReason, followUps: await followUps(db, row.id) }
			: null
	};
}
