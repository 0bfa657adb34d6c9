/**
 * Plans d'action for the zones blanches: a plan covers uncovered communes of one département;
 * a commune is in one plan at most (the unique index coverage_plan_communes_commune_key
 * guarantees it, the check here names the commune). Facilitators, admins and the partners
 * whose scope covers the département read them and add to them.
 */
import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../db';
import { coveragePlanCommunes, coveragePlanLog, coveragePlans, geoCommunes, geoDepartements, geoEpci, userRoles, users } from '../db/schema';
import type { SessionUser } from '../auth/session';
import { writeAudit } from '../audit';
import { AppError, isUniqueViolation, notFound } from '../shared/errors';
import { generateId } from '../shared/ids';
import { uncoveredUnits, type UncoveredUnit } from '../territories/coverage';
import { requireSteeringAccess, type SteeringPlace, type SteeringScope } from '../territories/scope';
import { PLAN_STATUSES, type PlanStatus } from '../../domain/geography';
import { logEntrySchema, optionalDay, type LogEntryInput } from './dates';

type Actor = SessionUser | null | undefined;

/** A département of the referential, as a steering place; unknown codes are a 404. */
export async function departementPlace(db: DbOrTx, code: string): Promise<{ code: string; name: string; place: SteeringPlace }> {
	const [row] = await db.select().from(geoDepartements).where(eq(geoDepartements.code, code.toUpperCase()));
	if (!row) throw notFound('plans.departementNotFound');
	return { code: row.code, name: row.name, place: { level: 'departement', regionCode: row.regionCode, departementCode: row.code } };
}

/** The actor's scope if she may read and add to the plans of this département (refusal otherwise). */
export async function requireDepartementPlans(db: DbOrTx, actor: Actor, code: string) {
	const departement = await departementPlace(db, code);
	const scope = await requireSteeringAccess(db, actor, departement.place);
	return { ...departement, scope };
}

const text = (max: number) => z.string().trim().max(max, 'form.tooLong').optional().transform((value) => value ?? '');

/** The plan form; communes are a repeated field (parseForm's arrayFields: ['communes']). */
export const planFormSchema = z.object({
	name: z.string({ error: 'form.required' }).trim().min(1, 'form.required').max(200, 'form.tooLong'),
	communes: z.array(z.string().trim().regex(/^(?:\d{5}|2[AB]\d{3})$/i, 'form.invalid')).min(1, 'plans.form.noCommune').max(500, 'form.tooLong'),
	status: z.enum(PLAN_STATUSES, { error: 'form.choice' }),
	porteur: z
		.string()
		.trim()
		.max(300, 'form.tooLong')
		.optional()
		.transform((value) => (value ? value : null)),
	facilitatorId: z
		.string()
		.trim()
		.max(64, 'form.invalid')
		.optional()
		.transform((value) => (value ? value : null)),
	arsContact: text(500),
	cpamContact: text(500),
	targetDate: optionalDay,
	nextStep: text(1000)
});
export type PlanInput = z.infer<typeof planFormSchema>;
export const PLAN_ARRAY_FIELDS = ['communes'];

export { logEntrySchema };

/** Users who may accompany a plan or a CPTS: facilitators (and admins, who hold every role). */
export async function listFacilitators(db: DbOrTx): Promise<{ id: string; name: string }[]> {
	const rows = await db
		.selectDistinct({ id: users.id, name: users.name })
		.from(users)
		.innerJoin(userRoles, eq(userRoles.userId, users.id))
		.where(inArray(userRoles.role, ['facilitator', 'admin']))
		.orderBy(asc(users.name));
	return rows;
}

/** Refuses a facilitatorId that is not a facilitator's (field error on facilitatorId). */
export async function assertFacilitator(db: DbOrTx, userId: string | null): Promise<void> {
	if (!userId) return;
	if (!(await listFacilitators(db)).some((facilitator) => facilitator.id === userId)) {
		throw new AppError('invalid', 'plans.form.notFacilitator', { field: 'facilitatorId' });
	}
}

export interface PlanCommune {
	code: string;
	name: string;
	population: number;
}

export interface PlanSummary {
	id: string;
	name: string;
	status: PlanStatus;
	porteur: string | null;
	facilitatorId: string | null;
	facilitatorName: string | null;
	arsContact: string;
	cpamContact: string;
	targetDate: string | null;
	nextStep: string;
	updatedAt: Date;
	communes: PlanCommune[];
	population: number;
}

async function plansWhere(db: DbOrTx, where: ReturnType<typeof eq>): Promise<PlanSummary[]> {
	const plans = await db
		.select({ plan: coveragePlans, facilitatorName: users.name })
		.from(coveragePlans)
		.leftJoin(users, eq(users.id, coveragePlans.facilitatorId))
		.where(where)
		.orderBy(asc(coveragePlans.targetDate), asc(coveragePlans.name));
	if (plans.length === 0) return [];
	const communes = await db
		.select({ planId: coveragePlanCommunes.planId, code: geoCommunes.code, name: geoCommunes.name, population: geoCommunes.population })
		.from(coveragePlanCommunes)
		.innerJoin(geoCommunes, eq(geoCommunes.code, coveragePlanCommunes.communeCode))
		.where(inArray(coveragePlanCommunes.planId, plans.map((row) => row.plan.id)))
		.orderBy(desc(geoCommunes.population), asc(geoCommunes.code));
	return plans.map(({ plan, facilitatorName }) => {
		const own = communes.filter((commune) => commune.planId === plan.id).map(({ code, name, population }) => ({ code, name, population }));
		return {
			id: plan.id,
			name: plan.name,
			status: plan.status as PlanStatus,
			porteur: plan.porteur,
			facilitatorId: plan.facilitatorId,
			facilitatorName,
			arsContact: plan.arsContact,
			cpamContact: plan.cpamContact,
			targetDate: plan.targetDate,
			nextStep: plan.nextStep,
			updatedAt: plan.updatedAt,
			communes: own,
			population: own.reduce((total, commune) => total + commune.population, 0)
		};
	});
}

/** The plans of a département with their communes and population (no permission check: callers check). */
export async function plansOfDepartement(db: DbOrTx, code: string): Promise<PlanSummary[]> {
	return plansWhere(db, eq(coveragePlans.departementCode, code));
}

/** The plans a facilitator accompanies, every département (for her portfolio). */
export async function plansOfFacilitator(db: DbOrTx, userId: string): Promise<(PlanSummary & { departementCode: string })[]> {
	const plans = await plansWhere(db, eq(coveragePlans.facilitatorId, userId));
	const departements = await db
		.select({ id: coveragePlans.id, departementCode: coveragePlans.departementCode })
		.from(coveragePlans)
		.where(eq(coveragePlans.facilitatorId, userId));
	return plans.map((plan) => ({ ...plan, departementCode: departements.find((row) => row.id === plan.id)!.departementCode }));
}

export interface ZoneGroup {
	epciCode: string | null;
	epciName: string | null;
	population: number;
	communes: (UncoveredUnit & { plan: { id: string; name: string } | null })[];
}

/** Uncovered units grouped by EPCI (largest group first), each with the plan it is in, if any. */
export async function uncoveredByEpci(db: DbOrTx, code: string): Promise<ZoneGroup[]> {
	const units = await uncoveredUnits(db, code);
	if (units.length === 0) return [];
	const epciCodes = [...new Set(units.map((unit) => unit.epciCode).filter((value): value is string => value !== null))];
	const epcis = epciCodes.length ? await db.select({ code: geoEpci.code, name: geoEpci.name }).from(geoEpci).where(inArray(geoEpci.code, epciCodes)) : [];
	const planned = await db
		.select({ communeCode: coveragePlanCommunes.communeCode, id: coveragePlans.id, name: coveragePlans.name })
		.from(coveragePlanCommunes)
		.innerJoin(coveragePlans, eq(coveragePlans.id, coveragePlanCommunes.planId))
		.where(eq(coveragePlans.departementCode, code));
	const groups = new Map<string, ZoneGroup>();
	for (const unit of units) {
		const key = unit.epciCode ?? '';
		let group = groups.get(key);
		if (!group) {
			group = { epciCode: unit.epciCode, epciName: epcis.find((epci) => epci.code === unit.epciCode)?.name ?? null, population: 0, communes: [] };
			groups.set(key, group);
		}
		const plan = planned.find((row) => row.communeCode === unit.code);
		group.communes.push({ ...unit, plan: plan ? { id: plan.id, name: plan.name } : null });
		group.population += unit.population;
	}
	return [...groups.values()].sort((a, b) => b.population - a.population || (a.epciName ?? '').localeCompare(b.epciName ?? ''));
}

/** The zones blanches of a département that no plan covers yet, grouped by EPCI. */
export async function zonesWithoutPlan(db: DbOrTx, code: string): Promise<ZoneGroup[]> {
	return (await uncoveredByEpci(db, code))
		.map((group) => {
			const communes = group.communes.filter((commune) => commune.plan === null);
			return { ...group, communes, population: communes.reduce((total, commune) => total + commune.population, 0) };
		})
		.filter((group) => group.communes.length > 0)
		.sort((a, b) => b.population - a.population);
}

/**
 * Refuses communes that are not zones blanches of the département or already in another plan
 * (the message names the commune and the plan). Communes already in `planId` stay allowed even
 * if a CPTS has covered them since.
 */
async function checkPlanCommunes(db: DbOrTx, departementCode: string, codes: string[], planId: string | null): Promise<string[]> {
	const unique = [...new Set(codes.map((code) => code.toUpperCase()))];
	const kept = planId
		? (await db.select({ code: coveragePlanCommunes.communeCode }).from(coveragePlanCommunes).where(eq(coveragePlanCommunes.planId, planId))).map((row) => row.code)
		: [];
	const uncovered = new Set((await uncoveredUnits(db, departementCode)).map((unit) => unit.code));
	const taken = await db
		.select({ code: geoCommunes.code, name: geoCommunes.name, planName: coveragePlans.name })
		.from(coveragePlanCommunes)
		.innerJoin(coveragePlans, eq(coveragePlans.id, coveragePlanCommunes.planId))
		.innerJoin(geoCommunes, eq(geoCommunes.code, coveragePlanCommunes.communeCode))
		.where(and(inArray(coveragePlanCommunes.communeCode, unique), planId ? ne(coveragePlanCommunes.planId, planId) : undefined));
	if (taken.length) throw new AppError('conflict', 'plans.communeInOtherPlan', { field: 'communes', commune: `${taken[0].name} (${taken[0].code})`, plan: taken[0].planName });
	const notUncovered = unique.filter((code) => !uncovered.has(code) && !kept.includes(code));
	if (notUncovered.length) {
		const [named] = await db.select({ name: geoCommunes.name }).from(geoCommunes).where(eq(geoCommunes.code, notUncovered[0]));
		throw new AppError('invalid', 'plans.communeNotUncovered', { field: 'communes', commune: named ? `${named.name} (${notUncovered[0]})` : notUncovered[0] });
	}
	return unique;
}

/** The same refusal whether our check or the unique index caught the overlap (two plans saved at once). */
async function withOverlapGuard<T>(db: DbOrTx, codes: string[], run: () => Promise<T>): Promise<T> {
	try {
		return await run();
	} catch (caught) {
		if (!isUniqueViolation(caught, 'coverage_plan_communes_commune_key')) throw caught;
		const taken = await db
			.select({ code: geoCommunes.code, name: geoCommunes.name, planName: coveragePlans.name })
			.from(coveragePlanCommunes)
			.innerJoin(coveragePlans, eq(coveragePlans.id, coveragePlanCommunes.planId))
			.innerJoin(geoCommunes, eq(geoCommunes.code, coveragePlanCommunes.communeCode))
			.where(inArray(coveragePlanCommunes.communeCode, codes))
			.limit(1);
		throw new AppError('conflict', 'plans.communeInOtherPlan', {
			field: 'communes',
			commune: taken[0] ? `${taken[0].name} (${taken[0].code})` : codes.join(', '),
			plan: taken[0]?.planName ?? ''
		});
	}
}

function planColumns(input: PlanInput) {
	return {
		name: input.name,
		status: input.status,
		porteur: input.porteur,
		facilitatorId: input.facilitatorId,
		arsContact: input.arsContact,
		cpamContact: input.cpamContact,
		targetDate: input.targetDate,
		nextStep: input.nextStep
	};
}

/** Creates a plan for uncovered communes of a département; returns its id. */
export async function createPlan(db: DbOrTx, actor: Actor, departementCode: string, input: PlanInput): Promise<string> {
	const { code } = await requireDepartementPlans(db, actor, departementCode);
	await assertFacilitator(db, input.facilitatorId);
	const codes = await checkPlanCommunes(db, code, input.communes, null);
	const id = generateId();
	await withOverlapGuard(db, codes, () =>
		db.transaction(async (tx) => {
			await tx.insert(coveragePlans).values({ id, departementCode: code, createdBy: actor!.id, ...planColumns(input) });
			await tx.insert(coveragePlanCommunes).values(codes.map((communeCode) => ({ planId: id, communeCode })));
			await writeAudit(tx, { actorId: actor!.id, action: 'plan.create', targetType: 'coverage_plan', targetId: id, details: { departementCode: code, communes: codes } });
		})
	);
	return id;
}

/** A plan of this département (404 when it belongs to another one), with the actor's scope. */
async function requirePlan(db: DbOrTx, actor: Actor, departementCode: string, planId: string) {
	const access = await requireDepartementPlans(db, actor, departementCode);
	const [plan] = await db
		.select()
		.from(coveragePlans)
		.where(and(eq(coveragePlans.id, planId), eq(coveragePlans.departementCode, access.code)));
	if (!plan) throw notFound('plans.notFound');
	return { plan, ...access };
}

/** Edits a plan (its communes included). */
export async function updatePlan(db: DbOrTx, actor: Actor, departementCode: string, planId: string, input: PlanInput): Promise<void> {
	const { plan, code } = await requirePlan(db, actor, departementCode, planId);
	await assertFacilitator(db, input.facilitatorId);
	const codes = await checkPlanCommunes(db, code, input.communes, plan.id);
	await withOverlapGuard(db, codes, () =>
		db.transaction(async (tx) => {
			await tx.update(coveragePlans).set({ ...planColumns(input), updatedAt: new Date() }).where(eq(coveragePlans.id, plan.id));
			await tx.delete(coveragePlanCommunes).where(eq(coveragePlanCommunes.planId, plan.id));
			await tx.insert(coveragePlanCommunes).values(codes.map((communeCode) => ({ planId: plan.id, communeCode })));
			await writeAudit(tx, { actorId: actor!.id, action: 'plan.update', targetType: 'coverage_plan', targetId: plan.id, details: { status: input.status, communes: codes } });
		})
	);
}

export interface LogEntry {
	id: string;
	happenedOn: string;
	body: string;
	authorName: string | null;
	createdAt: Date;
}

/** One plan with its communes and its dated log (newest first), for someone allowed to read it. */
export async function getPlan(db: DbOrTx, actor: Actor, departementCode: string, planId: string): Promise<{ plan: PlanSummary; log: LogEntry[]; scope: SteeringScope; departement: { code: string; name: string } }> {
	const { plan, scope, code, name } = await requirePlan(db, actor, departementCode, planId);
	const [summary] = await plansWhere(db, eq(coveragePlans.id, plan.id));
	const log = await db
		.select({ id: coveragePlanLog.id, happenedOn: coveragePlanLog.happenedOn, body: coveragePlanLog.body, authorName: users.name, createdAt: coveragePlanLog.createdAt })
		.from(coveragePlanLog)
		.leftJoin(users, eq(users.id, coveragePlanLog.authorId))
		.where(eq(coveragePlanLog.planId, plan.id))
		.orderBy(desc(coveragePlanLog.happenedOn), desc(coveragePlanLog.createdAt));
	return { plan: summary, log, scope, departement: { code, name } };
}

/** Adds a dated entry to a plan's log. */
export async function addPlanLog(db: DbOrTx, actor: Actor, departementCode: string, planId: string, input: LogEntryInput): Promise<void> {
	const { plan } = await requirePlan(db, actor, departementCode, planId);
	await db.transaction(async (tx) => {
		const id = generateId();
		await tx.insert(coveragePlanLog).values({ id, planId: plan.id, authorId: actor!.id, happenedOn: input.happenedOn, body: input.body });
		await tx.update(coveragePlans).set({ updatedAt: new Date() }).where(eq(coveragePlans.id, plan.id));
		await writeAudit(tx, { actorId: actor!.id, action: 'plan.log', targetType: 'coverage_plan', targetId: plan.id, details: { happenedOn: input.happenedOn } });
	});
}

/** The form values of a saved plan (to edit it). */
export function planFormValues(plan: PlanSummary): Record<string, string> {
	return {
		name: plan.name,
		communes: plan.communes.map((commune) => commune.code).join(','),
		status: plan.status,
		porteur: plan.porteur ?? '',
		facilitatorId: plan.facilitatorId ?? '',
		arsContact: plan.arsContact,
		cpamContact: plan.cpamContact,
		targetDate: plan.targetDate ?? '',
		nextStep: plan.nextStep
	};
}
