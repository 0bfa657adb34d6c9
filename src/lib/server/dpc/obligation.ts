/**
 * "Mon obligation DPC": the current triennial period, the actions that count in it (sessions
 * attended here, actions declared from elsewhere), and the verdict of the one rule
 * (domain/dpc-obligation.ts). Periods and their orientations prioritaires are a referential
 * with their source, kept by admins as the texts are published.
 */
import { and, asc, desc, eq, gte, lte } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../db';
import { dpcDeclaredActions, dpcObligationPeriods, dpcPriorityOrientations } from '../db/schema';
import { HAS_METHODS, type HasMethod } from '../../domain/dpc';
import { assessObligation, countsForCertificationPeriodique, type ObligationVerdict, type PriorityAnswer } from '../../domain/dpc-obligation';
import { AppError, forbidden, notFound } from '../shared/errors';
import { fields, parseForm, type FormResult } from '../shared/forms';
import { generateId } from '../shared/ids';
import { getMyTraining } from './mine';
import type { MaybeDpcViewer } from './permissions';

/** Years are read on the Paris calendar (the periods are national). */
const PERIOD_ZONE = 'Europe/Paris';

export type ObligationPeriod = typeof dpcObligationPeriods.$inferSelect;
export type PriorityOrientation = typeof dpcPriorityOrientations.$inferSelect;
export type DeclaredAction = typeof dpcDeclaredActions.$inferSelect;

/** The calendar year of an instant in Paris. */
export function yearOf(instant: Date): number {
	return Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: PERIOD_ZONE }).format(instant));
}

/** An instant's date in Paris, "2026-12-07". */
export function parisDay(now: Date): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: PERIOD_ZONE }).format(now);
}

/** The period holding a year, if the referential has it. */
export async function findPeriodOfYear(db: DbOrTx, year: number): Promise<ObligationPeriod | null> {
	const [period] = await db
		.select()
		.from(dpcObligationPeriods)
		.where(and(lte(dpcObligationPeriods.startYear, year), gte(dpcObligationPeriods.endYear, year)));
	return period ?? null;
}

/** A period's orientations prioritaires, by number then title. */
export async function listOrientations(db: DbOrTx, periodId: string): Promise<PriorityOrientation[]> {
	return db
		.select()
		.from(dpcPriorityOrientations)
		.where(eq(dpcPriorityOrientations.periodId, periodId))
		.orderBy(asc(dpcPriorityOrientations.number), asc(dpcPriorityOrientations.title));
}

/** Case, accents and spacing set aside: an action's free-text orientation against the referential's titles. */
function normalise(text: string): string {
	return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').replace(/[’']/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * Whether a session attended here answered an orientation prioritaire: yes when its action's
 * orientation is one of the period's titles; otherwise unknown (the orientation is free text
 * the trainer typed, and the period may have no published list yet), never a guessed no.
 */
export function sessionPriority(orientation: string, orientations: readonly { title: string }[]): PriorityAnswer {
	const wanted = normalise(orientation);
	return orientations.some((entry) => normalise(entry.title) === wanted) ? 'yes' : 'unknown';
}

export interface CountedSession {
	sessionId: string;
	label: string;
	/** The Paris date it ended, "2026-10-28". */
	endedOn: string;
	method: HasMethod;
	orientation: string;
	priority: PriorityAnswer;
}

export interface MyObligation {
	period: ObligationPeriod | null;
	orientations: PriorityOrientation[];
	sessions: CountedSession[];
	declared: (DeclaredAction & { orientationTitle: string | null })[];
	verdict: ObligationVerdict | null;
	/** Her profession has an ordre: these actions also count toward the certification périodique. */
	certificationPeriodique: boolean;
}

/** The viewer's current period, what counts in it and the verdict; a period missing from the referential is said so (period null). */
export async function getMyObligation(
	db: DbOrTx,
	user: { id: string; profession: string | null },
	locale: string,
	now: Date = new Date()
): Promise<MyObligation> {
	const certificationPeriodique = countsForCertificationPeriodique(user.profession);
	const period = await findPeriodOfYear(db, yearOf(now));
	if (!period) return { period: null, orientations: [], sessions: [], declared: [], verdict: null, certificationPeriodique };
	const inPeriod = (year: number) => year >= period.startYear && year <= period.endYear;
	const [orientations, training, declaredRows] = await Promise.all([
		listOrientations(db, period.id),
		getMyTraining(db, user.id, PERIOD_ZONE, locale, now),
		db
			.select({ action: dpcDeclaredActions, orientationTitle: dpcPriorityOrientations.title })
			.from(dpcDeclaredActions)
			.leftJoin(dpcPriorityOrientations, eq(dpcPriorityOrientations.id, dpcDeclaredActions.orientationId))
			.where(eq(dpcDeclaredActions.userId, user.id))
			.orderBy(desc(dpcDeclaredActions.completedOn))
	]);
	// A session counts once it is over and every part was attended (its certificate is issued).
	const sessions = training.past
		.filter((session) => session.fullyAttended && inPeriod(yearOf(session.endsAt)))
		.map((session) => ({
			sessionId: session.sessionId,
			label: session.label,
			endedOn: parisDay(session.endsAt),
			method: session.method,
			orientation: session.orientation,
			priority: sessionPriority(session.orientation, orientations)
		}));
	const declared = declaredRows
		.filter((row) => inPeriod(Number(row.action.completedOn.slice(0, 4))))
		.map((row) => ({ ...row.action, orientationTitle: row.orientationTitle }));
	const verdict = assessObligation([
		...sessions.map((session) => ({ method: session.method, priority: session.priority })),
		...declared.map((action) => ({ method: action.method, priority: (action.answersPriority ? 'yes' : 'no') as PriorityAnswer }))
	]);
	return { period, orientations, sessions, declared, verdict, certificationPeriodique };
}

const isoDate = z
	.string({ error: 'form.required' })
	.trim()
	.min(1, 'form.required')
	.refine((value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), 'obligation.form.date');

const declaredActionSchema = z.object({
	title: fields.requiredText(200),
	method: z.enum(HAS_METHODS, { error: 'form.choice' }),
	completedOn: isoDate,
	/** "no", "yes" (an orientation the referential does not list), or "o:" and an orientation's id. */
	priority: z
		.string({ error: 'obligation.form.priorityRequired' })
		.regex(/^(no|yes|o:[a-z0-9-]{1,40})$/, 'obligation.form.priorityRequired'),
	bodyName: fields.requiredText(200)
});

export interface DeclaredActionInput {
	title: string;
	method: HasMethod;
	completedOn: string;
	answersPriority: boolean;
	orientationId: string | null;
	bodyName: string;
}

/** Reads the declared-action form; a date after today is refused (an action is declared once followed). */
export function parseDeclaredActionForm(formData: FormData, now: Date = new Date()): FormResult<DeclaredActionInput> {
	const result = parseForm(declaredActionSchema, formData);
	if (!result.ok) return result;
	if (result.data.completedOn > parisDay(now)) return { ok: false, errors: { completedOn: 'obligation.form.future' }, values: result.values };
	const { priority, ...rest } = result.data;
	return {
		ok: true,
		values: result.values,
		data: { ...rest, answersPriority: priority !== 'no', orientationId: priority.startsWith('o:') ? priority.slice(2) : null }
	};
}

/** The date must fall in a period of the referential, and a chosen orientation must belong to that period. */
async function checkDeclaredAction(db: DbOrTx, input: DeclaredActionInput): Promise<void> {
	const period = await findPeriodOfYear(db, Number(input.completedOn.slice(0, 4)));
	if (!period) throw new AppError('invalid', 'obligation.form.noPeriod', { field: 'completedOn' });
	if (input.orientationId) {
		const [orientation] = await db.select().from(dpcPriorityOrientations).where(eq(dpcPriorityOrientations.id, input.orientationId));
		if (orientation?.periodId !== period.id) throw new AppError('invalid', 'obligation.form.orientationOtherPeriod', { field: 'priority' });
	}
}

/** Declares an action followed elsewhere. */
export async function declareAction(db: DbOrTx, userId: string, input: DeclaredActionInput): Promise<DeclaredAction> {
	await checkDeclaredAction(db, input);
	const [row] = await db.insert(dpcDeclaredActions).values({ id: generateId(), userId, ...input }).returning();
	return row;
}

/** Changes one of her declared actions; anyone else's is "not found". */
export async function updateDeclaredAction(db: DbOrTx, userId: string, actionId: string, input: DeclaredActionInput): Promise<DeclaredAction> {
	await checkDeclaredAction(db, input);
	const [row] = await db
		.update(dpcDeclaredActions)
		.set({ ...input, updatedAt: new Date() })
		.where(and(eq(dpcDeclaredActions.id, actionId), eq(dpcDeclaredActions.userId, userId)))
		.returning();
	if (!row) throw notFound('obligation.declaredNotFound');
	return row;
}

/** Deletes one of her declared actions; anyone else's is "not found". */
export async function deleteDeclaredAction(db: DbOrTx, userId: string, actionId: string): Promise<void> {
	const deleted = await db
		.delete(dpcDeclaredActions)
		.where(and(eq(dpcDeclaredActions.id, actionId), eq(dpcDeclaredActions.userId, userId)))
		.returning({ id: dpcDeclaredActions.id });
	if (deleted.length === 0) throw notFound('obligation.declaredNotFound');
}

/** The referential of periods and orientations is kept by admins. */
export function canManageObligationReferential(viewer: MaybeDpcViewer): boolean {
	return Boolean(viewer?.roles.includes('admin'));
}

/** Every period with its orientations, latest first (the admin page). */
export async function listPeriodsWithOrientations(db: DbOrTx): Promise<(ObligationPeriod & { orientations: PriorityOrientation[] })[]> {
	const [periods, orientations] = await Promise.all([
		db.select().from(dpcObligationPeriods).orderBy(desc(dpcObligationPeriods.startYear)),
		db.select().from(dpcPriorityOrientations).orderBy(asc(dpcPriorityOrientations.number), asc(dpcPriorityOrientations.title))
	]);
	return periods.map((period) => ({ ...period, orientations: orientations.filter((entry) => entry.periodId === period.id) }));
}

const orientationSchema = z.object({
	periodId: z.string({ error: 'form.required' }).min(1, 'form.required').max(40),
	number: z
		.string()
		.trim()
		.optional()
		.refine((value) => !value || /^\d{1,4}$/.test(value), 'form.integer')
		.transform((value) => (value ? Number(value) : null)),
	title: fields.requiredText(300),
	source: fields.requiredText(500)
});
export type OrientationInput = z.infer<typeof orientationSchema>;

/** Reads the admin's orientation form. */
export function parseOrientationForm(formData: FormData): FormResult<OrientationInput> {
	return parseForm(orientationSchema, formData);
}

/** An admin adds an orientation prioritaire to a period, as its arrêté lists it, with the source. */
export async function addOrientation(db: DbOrTx, viewer: MaybeDpcViewer, input: OrientationInput): Promise<PriorityOrientation> {
	if (!canManageObligationReferential(viewer)) throw forbidden('obligation.admin.forbidden');
	const [period] = await db.select().from(dpcObligationPeriods).where(eq(dpcObligationPeriods.id, input.periodId));
	if (!period) throw new AppError('invalid', 'obligation.admin.unknownPeriod', { field: 'periodId' });
	const [duplicate] = await db
		.select({ id: dpcPriorityOrientations.id })
		.from(dpcPriorityOrientations)
		.where(and(eq(dpcPriorityOrientations.periodId, period.id), eq(dpcPriorityOrientations.title, input.title)));
	if (duplicate) throw new AppError('conflict', 'obligation.admin.duplicate', { field: 'title' });
	const [row] = await db.insert(dpcPriorityOrientations).values({ id: generateId(), ...input }).returning();
	return row;
}

const periodSchema = z.object({
	startYear: fields.integer(2013, 2100),
	source: fields.requiredText(500)
});
export type PeriodInput = z.infer<typeof periodSchema>;

/** Reads the admin's period form. */
export function parsePeriodForm(formData: FormData): FormResult<PeriodInput> {
	return parseForm(periodSchema, formData);
}

/** An admin enters a new triennial period (start year; it ends two years later) with its source. */
export async function addPeriod(db: DbOrTx, viewer: MaybeDpcViewer, input: PeriodInput): Promise<ObligationPeriod> {
	if (!canManageObligationReferential(viewer)) throw forbidden('obligation.admin.forbidden');
	const overlapping = await db
		.select({ id: dpcObligationPeriods.id })
		.from(dpcObligationPeriods)
		.where(and(lte(dpcObligationPeriods.startYear, input.startYear + 2), gte(dpcObligationPeriods.endYear, input.startYear)));
	if (overlapping.length > 0) throw new AppError('conflict', 'obligation.admin.periodOverlaps', { field: 'startYear' });
	const [row] = await db
		.insert(dpcObligationPeriods)
		.values({ id: generateId(), startYear: input.startYear, endYear: input.startYear + 2, source: input.source })
		.returning();
	return row;
}
