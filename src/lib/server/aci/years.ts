/**
 * A contract year of a CPTS: per mission, the actions, status, comments, the fixed and
 * variable parts when recorded, and the indicators (a number with its unit and target, or
 * done / not done). One form per mission saves all of it at once.
 */
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../db';
import { aciIndicators, aciMissionYears } from '../db/schema';
import { writeAudit } from '../audit';
import { notFound } from '../shared/errors';
import type { FormResult } from '../shared/forms';
import { generateId } from '../shared/ids';
import { achievementBand, contractYears, INDICATOR_KINDS, MISSION_YEAR_STATUSES, type AchievementBand, type IndicatorKind, type MissionYearStatus } from '../../domain/aci';
import { isMission, missionDefinition, type Mission, type MissionKind } from '../../domain/missions';
import { contractMissions, requireContract, type Contract } from './contracts';
import { optionalDecimal, optionalEuros } from './forms';
import { requireContractAccess, type Actor, type ContractAccess } from './permissions';

/** At most this many indicators per mission and year (the form shows the saved ones and two blank rows). */
export const MAX_INDICATORS_PER_MISSION = 20;

export interface Indicator {
	label: string;
	kind: IndicatorKind;
	unit: string;
	target: number | null;
	achieved: number | null;
	done: boolean | null;
	band: AchievementBand;
}

export interface MissionYear {
	mission: Mission;
	kind: MissionKind;
	actions: string;
	status: MissionYearStatus;
	comments: string;
	fixedCents: number | null;
	variableCents: number | null;
	indicators: Indicator[];
}

const text = (max: number) => z.string().trim().max(max, 'form.tooLong').optional().transform((value) => value ?? '');

const missionFieldsSchema = z.object({
	actions: text(8000),
	status: z.enum(MISSION_YEAR_STATUSES, { error: 'form.choice' }),
	comments: text(4000),
	fixedPart: optionalEuros,
	variablePart: optionalEuros
});

const indicatorSchema = z
	.object({
		label: z.string().trim().min(1, 'aci.indicator.labelRequired').max(300, 'form.tooLong'),
		kind: z.enum(INDICATOR_KINDS, { error: 'form.choice' }),
		unit: text(40),
		target: optionalDecimal,
		achieved: optionalDecimal,
		done: z.enum(['', 'oui', 'non'], { error: 'form.choice' }).optional().transform((value) => (value === 'oui' ? true : value === 'non' ? false : null))
	})
	.refine((value) => value.kind !== 'nombre' || value.target !== null, { path: ['target'], message: 'aci.indicator.targetRequired' });

export type MissionYearInput = z.infer<typeof missionFieldsSchema> & { indicators: z.infer<typeof indicatorSchema>[] };

const INDICATOR_FIELDS = ['label', 'kind', 'unit', 'target', 'achieved', 'done'] as const;

/**
 * Reads a mission's form: its own fields, then indicator rows named `label_0`, `kind_0`…
 * (a row left blank is dropped). Errors are keyed by the field's name (`target_1`).
 */
export function parseMissionYearForm(formData: FormData): FormResult<MissionYearInput> {
	const values: Record<string, string> = {};
	for (const [key, value] of formData) if (typeof value === 'string') values[key] = value;
	const errors: Record<string, string> = {};
	const own = missionFieldsSchema.safeParse(values);
	if (!own.success) for (const issue of own.error.issues) errors[String(issue.path[0])] ??= issue.message;

	const indicators: z.infer<typeof indicatorSchema>[] = [];
	for (let index = 0; index < MAX_INDICATORS_PER_MISSION + 2; index++) {
		const row = Object.fromEntries(INDICATOR_FIELDS.map((field) => [field, values[`${field}_${index}`]]));
		const typed = ['label', 'unit', 'target', 'achieved', 'done'].some((field) => (row[field] ?? '').trim() !== '');
		if (!typed) continue;
		const parsed = indicatorSchema.safeParse(row);
		if (parsed.success) indicators.push(parsed.data);
		else for (const issue of parsed.error.issues) errors[`${String(issue.path[0])}_${index}`] ??= issue.message;
	}
	if (indicators.length > MAX_INDICATORS_PER_MISSION) errors._form ??= 'aci.indicator.tooMany';
	if (Object.keys(errors).length || !own.success) return { ok: false, errors, values };
	return { ok: true, data: { ...own.data, indicators }, values };
}

/** The achievement band of a stored indicator (a done / not done one counts as 1 / 0 against « done »). */
export function indicatorBand(row: Pick<typeof aciIndicators.$inferSelect, 'kind' | 'target' | 'achieved' | 'done'>): AchievementBand {
	const kind = row.kind as IndicatorKind;
	const achieved = kind === 'realise' ? (row.done === null ? null : row.done ? 1 : 0) : row.achieved;
	return achievementBand({ kind, target: row.target, achieved });
}

/** Refuses a year outside the contract's term and a mission the contract does not hold (404s). */
function assertYearAndMission(contract: Contract, year: number, mission?: string): void {
	if (!contractYears(contract.signedOn, contract.endsOn).includes(year)) throw notFound('aci.year.outside');
	if (mission !== undefined && (!isMission(mission) || !contractMissions(contract).includes(mission))) throw notFound('aci.mission.notInContract');
}

/** Every mission of the contract in one year, with its indicators (missions not yet written come out empty). */
export async function missionYears(db: DbOrTx, contract: Contract, year: number): Promise<MissionYear[]> {
	const rows = await db.select().from(aciMissionYears).where(and(eq(aciMissionYears.contractId, contract.id), eq(aciMissionYears.year, year)));
	const indicatorRows = await db
		.select()
		.from(aciIndicators)
		.where(and(eq(aciIndicators.contractId, contract.id), eq(aciIndicators.year, year)))
		.orderBy(asc(aciIndicators.position));
	return assembleMissionYears(contract, rows, indicatorRows);
}

type MissionYearRow = Pick<typeof aciMissionYears.$inferInsert, 'mission' | 'actions' | 'status' | 'comments' | 'fixedCents' | 'variableCents'>;
type IndicatorRow = Pick<typeof aciIndicators.$inferSelect, 'mission' | 'label' | 'kind' | 'unit' | 'target' | 'achieved' | 'done'>;

/** Every mission of the contract from one year's rows (indicators in order); missions without a row come out empty. */
export function assembleMissionYears(contract: Pick<Contract, 'optionalMissions'>, rows: MissionYearRow[], indicatorRows: IndicatorRow[]): MissionYear[] {
	return contractMissions(contract).map((mission) => {
		const row = rows.find((entry) => entry.mission === mission);
		return {
			mission,
			kind: missionDefinition(mission).kind,
			actions: row?.actions ?? '',
			status: (row?.status ?? 'a_engager') as MissionYearStatus,
			comments: row?.comments ?? '',
			fixedCents: row?.fixedCents ?? null,
			variableCents: row?.variableCents ?? null,
			indicators: indicatorRows
				.filter((entry) => entry.mission === mission)
				.map((entry) => ({ label: entry.label, kind: entry.kind as IndicatorKind, unit: entry.unit, target: entry.target, achieved: entry.achieved, done: entry.done, band: indicatorBand(entry) }))
		};
	});
}

/** One contract year for a viewer who may read the contract. */
export async function getContractYear(db: DbOrTx, viewer: Actor, cptsId: string, year: number): Promise<{ access: ContractAccess; contract: Contract; missions: MissionYear[] }> {
	const { access } = await requireContractAccess(db, viewer, cptsId, 'reads');
	const contract = await requireContract(db, cptsId);
	assertYearAndMission(contract, year);
	return { access, contract, missions: await missionYears(db, contract, year) };
}

export type IndicatorInput = MissionYearInput['indicators'][number];

/** The rows of a mission's indicators, in order; only the values of each indicator's kind are kept. */
export function indicatorRows(contractId: string, mission: Mission, year: number, indicators: IndicatorInput[]): (typeof aciIndicators.$inferInsert & IndicatorRow)[] {
	return indicators.map((indicator, position) => ({
		id: generateId(),
		contractId,
		mission,
		year,
		position,
		label: indicator.label,
		kind: indicator.kind,
		unit: indicator.kind === 'nombre' ? indicator.unit : '',
		target: indicator.kind === 'nombre' ? indicator.target : null,
		achieved: indicator.kind === 'nombre' ? indicator.achieved : null,
		done: indicator.kind === 'realise' ? indicator.done : null
	}));
}

/** Saves one mission of one year: its fields, and its indicators replaced by those of the form. */
export async function saveMissionYear(db: DbOrTx, actor: Actor, cptsId: string, year: number, mission: string, input: MissionYearInput): Promise<void> {
	const { row } = await requireContractAccess(db, actor, cptsId, 'edits');
	const contract = await requireContract(db, row.id);
	assertYearAndMission(contract, year, mission);
	const columns = {
		actions: input.actions,
		status: input.status,
		comments: input.comments,
		fixedCents: input.fixedPart,
		variableCents: input.variablePart,
		updatedBy: actor!.id,
		updatedAt: new Date()
	};
	await db.transaction(async (tx) => {
		await tx
			.insert(aciMissionYears)
			.values({ contractId: contract.id, mission, year, ...columns })
			.onConflictDoUpdate({ target: [aciMissionYears.contractId, aciMissionYears.mission, aciMissionYears.year], set: columns });
		const scope = and(eq(aciIndicators.contractId, contract.id), eq(aciIndicators.year, year), eq(aciIndicators.mission, mission));
		await tx.delete(aciIndicators).where(scope);
		if (input.indicators.length) await tx.insert(aciIndicators).values(indicatorRows(contract.id, mission as Mission, year, input.indicators));
		await writeAudit(tx, { actorId: actor!.id, action: 'aci.missionYear', targetType: 'cpts', targetId: row.id, details: { mission, year, indicators: input.indicators.length } });
	});
}
