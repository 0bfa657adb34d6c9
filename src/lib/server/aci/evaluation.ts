/**
 * Network evaluation of the ACI missions (IGAS rec. 8): for a région (or the viewer's
 * département) and a contract year, among the CPTS whose contract runs that year, the share
 * that deployed each mission (at least one action written for the year) and how their
 * indicators stand (reached, partly, barely, not measured). Facilitators and admins see every
 * région; a partner only her scope. Also: the CPTS whose crises sanitaires mission has no
 * action for a year.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { aciContracts, aciIndicators, aciMissionYears, cpts, regions } from '../db/schema';
import type { SessionUser } from '../auth/session';
import { AppError, forbidden, notFound } from '../shared/errors';
import { csvDocument } from '../shared/csv';
import { todayIso } from '../steering/dates';
import { steeringScopeOf, type SteeringScope } from '../territories/scope';
import { ACHIEVEMENT_BANDS, type AchievementBand } from '../../domain/aci';
import { MISSION_DEFINITIONS, type Mission } from '../../domain/missions';
import { contractMissions } from './contracts';
import { indicatorBand } from './years';

type Actor = SessionUser | null | undefined;

/** Where the evaluation looks: one région, or one département for a partner scoped to it. */
export interface EvaluationPlace {
	regionCode: string;
	regionName: string;
	departementCode: string | null;
}

export interface MissionEvaluation {
	mission: Mission;
	/** CPTS whose contract holds the mission (all of them for a socle mission). */
	concerned: number;
	/** Those with at least one action written for the year. */
	deployed: number;
	/** deployed / concerned, 0 when none is concerned. */
	share: number;
	bands: Record<AchievementBand, number>;
}

export interface Evaluation {
	place: EvaluationPlace;
	year: number;
	/** CPTS of the place whose contract runs during the year. */
	contracts: number;
	missions: MissionEvaluation[];
	/** The régions the viewer may choose (one for a partner). */
	regionChoices: { code: string; name: string }[];
}

/** The viewer's scope (facilitators, admins, partners); others are refused. */
async function requireScope(db: DbOrTx, viewer: Actor): Promise<SteeringScope> {
	if (!viewer) throw new AppError('unauthenticated', 'error.unauthenticated');
	const scope = await steeringScopeOf(db, viewer);
	if (!scope) throw forbidden();
	return scope;
}

/**
 * The place of the evaluation: a partner's own (whatever the URL asks), the région asked for
 * the network (Grand Est, the demo's, until one is chosen: the first région with a contract).
 */
async function evaluationPlace(db: DbOrTx, scope: SteeringScope, askedRegion: string | null): Promise<{ place: EvaluationPlace; choices: { code: string; name: string }[] }> {
	const allRegions = await db.select({ code: regions.code, name: regions.name }).from(regions).orderBy(asc(regions.name));
	if (scope.kind !== 'network') {
		const region = allRegions.find((entry) => entry.code === scope.regionCode)!;
		if (askedRegion && askedRegion !== scope.regionCode) throw forbidden();
		return { place: { regionCode: region.code, regionName: region.name, departementCode: scope.kind === 'departement' ? scope.departementCode : null }, choices: [region] };
	}
	let code = askedRegion;
	if (!code) {
		const [first] = await db
			.select({ code: cpts.regionCode })
			.from(aciContracts)
			.innerJoin(cpts, eq(cpts.id, aciContracts.cptsId))
			.groupBy(cpts.regionCode)
			.orderBy(sql`count(*) desc`, asc(cpts.regionCode))
			.limit(1);
		code = first?.code ?? allRegions[0].code;
	}
	const region = allRegions.find((entry) => entry.code === code);
	if (!region) throw notFound('aci.evaluation.unknownRegion');
	return { place: { regionCode: region.code, regionName: region.name, departementCode: null }, choices: allRegions };
}

/** Contracts running during `year` in the place, with their CPTS. */
async function runningContracts(db: DbOrTx, place: EvaluationPlace, year: number) {
	return db
		.select({ contractId: aciContracts.id, optionalMissions: aciContracts.optionalMissions, cptsId: cpts.id, slug: cpts.slug, name: cpts.name, department: cpts.department, signedOn: aciContracts.signedOn })
		.from(aciContracts)
		.innerJoin(cpts, eq(cpts.id, aciContracts.cptsId))
		.where(
			and(
				eq(cpts.regionCode, place.regionCode),
				place.departementCode ? eq(cpts.department, place.departementCode) : undefined,
				sql`extract(year from ${aciContracts.signedOn}) <= ${year}`,
				sql`extract(year from ${aciContracts.endsOn}) >= ${year}`
			)
		)
		.orderBy(asc(cpts.name));
}

/** Reads a year asked in a URL: a four-digit year, the current one when absent. */
export function evaluationYear(asked: string | null, now = new Date()): number {
	const current = Number(todayIso(now).slice(0, 4));
	if (!asked) return current;
	if (!/^\d{4}$/.test(asked)) throw new AppError('invalid', 'aci.evaluation.badYear');
	return Number(asked);
}

/** The evaluation of a place and year for a viewer with a steering scope. */
export async function networkEvaluation(db: DbOrTx, viewer: Actor, options: { regionCode: string | null; year: number }): Promise<Evaluation> {
	const scope = await requireScope(db, viewer);
	const { place, choices } = await evaluationPlace(db, scope, options.regionCode);
	const running = await runningContracts(db, place, options.year);
	const ids = running.map((entry) => entry.contractId);
	const years = ids.length
		? await db.select().from(aciMissionYears).where(and(inArray(aciMissionYears.contractId, ids), eq(aciMissionYears.year, options.year)))
		: [];
	const indicators = ids.length
		? await db.select().from(aciIndicators).where(and(inArray(aciIndicators.contractId, ids), eq(aciIndicators.year, options.year)))
		: [];
	const missions = MISSION_DEFINITIONS.map(({ code }) => {
		const concernedIds = new Set(running.filter((entry) => contractMissions(entry).includes(code)).map((entry) => entry.contractId));
		const deployed = years.filter((row) => row.mission === code && concernedIds.has(row.contractId) && row.actions.trim() !== '').length;
		const bands = Object.fromEntries(ACHIEVEMENT_BANDS.map((band) => [band, 0])) as Record<AchievementBand, number>;
		for (const row of indicators) {
			if (row.mission !== code || !concernedIds.has(row.contractId)) continue;
			bands[indicatorBand(row)]++;
		}
		return { mission: code, concerned: concernedIds.size, deployed, share: concernedIds.size ? deployed / concernedIds.size : 0, bands };
	});
	return { place, year: options.year, contracts: running.length, missions, regionChoices: choices };
}

export const EVALUATION_CSV_HEADER = ['region', 'departement', 'annee', 'mission', 'cpts_concernees', 'cpts_ayant_deploye', 'part_deploye', ...ACHIEVEMENT_BANDS.map((band) => `indicateurs_${band}`)];

/** evaluation.csv: one line per mission, same format as couverture.csv (UTF-8 BOM, `;`, CRLF). */
export function evaluationCsv(evaluation: Evaluation): string {
	return csvDocument(
		EVALUATION_CSV_HEADER,
		evaluation.missions.map((row) => [
			evaluation.place.regionCode,
			evaluation.place.departementCode ?? '',
			evaluation.year,
			row.mission,
			row.concerned,
			row.deployed,
			// A decimal comma, as French spreadsheets read it.
			row.share.toFixed(3).replace('.', ','),
			...ACHIEVEMENT_BANDS.map((band) => row.bands[band])
		])
	);
}

export interface CptsWithoutPlan {
	slug: string;
	name: string;
	department: string;
	signedOn: string;
}

/** CPTS of the place under contract in `year` whose crises sanitaires mission has no action for that year. */
export async function cptsWithoutCrisisPlan(db: DbOrTx, viewer: Actor, options: { regionCode: string | null; year: number }): Promise<{ place: EvaluationPlace; year: number; rows: CptsWithoutPlan[]; regionChoices: { code: string; name: string }[] }> {
	const scope = await requireScope(db, viewer);
	const { place, choices } = await evaluationPlace(db, scope, options.regionCode);
	const running = await runningContracts(db, place, options.year);
	const ids = running.map((entry) => entry.contractId);
	const written = ids.length
		? await db
				.select({ contractId: aciMissionYears.contractId })
				.from(aciMissionYears)
				.where(and(inArray(aciMissionYears.contractId, ids), eq(aciMissionYears.year, options.year), eq(aciMissionYears.mission, 'crises_sanitaires'), sql`btrim(${aciMissionYears.actions}) <> ''`))
		: [];
	const withPlan = new Set(written.map((row) => row.contractId));
	return {
		place,
		year: options.year,
		regionChoices: choices,
		rows: running.filter((entry) => !withPlan.has(entry.contractId)).map(({ slug, name, department, signedOn }) => ({ slug, name, department, signedOn }))
	};
}
