/**
 * Editing a CPTS territory: adding a commune found by search, a whole EPCI or a pasted list of
 * codes, removing a unit. Every change is the whole new list given to replaceTerritory, so a
 * refused submission saves nothing; the permission is canEditTerritory's.
 */
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { regions } from '../db/schema';
import { writeAudit } from '../audit';
import { canEditTerritory, type Viewer } from '../cpts/permissions';
import { forbidden } from '../shared/errors';
import { getLogger } from '../logger';
import { loadedReferential } from '../geo/referential';
import { searchEpci, searchUnits, splitCodes, unitsOfEpci, type CodeProblem } from '../geo/units';
import { snapshotCoverage } from './coverage';
import {
	getTerritoryUnits,
	replaceTerritory,
	summarizeTerritory,
	territoryOverlaps,
	TerritoryRejected,
	type TerritoryOverlap,
	type TerritorySummary,
	type TerritoryUnit
} from './territory';

/** At most this many values in one pasted list (a large CPTS holds about 150 communes). */
export const MAX_PASTED_CODES = 1_000;

/** A change asked from the territory page. */
export type TerritoryChange =
	| { kind: 'add'; code: string }
	| { kind: 'remove'; code: string }
	| { kind: 'epci'; epciCode: string }
	| { kind: 'paste'; text: string; replace: boolean };

/** A problem of a submission as the page shows it: `already` is a value the territory holds. */
export type TerritoryProblem = CodeProblem | { value: string; reason: 'already' } | { value: string; reason: 'tooMany'; count: number; max: number };

export interface TerritoryChangeResult {
	summary: TerritorySummary;
	added: string[];
	removed: string[];
}

/** Refused as a whole with these problems; nothing was saved. */
export class TerritoryChangeRejected extends TerritoryRejected {
	constructor(readonly reasons: TerritoryProblem[]) {
		super(reasons as CodeProblem[]);
	}
}

/** The problems of a rejected change, for its page (anything else propagates). */
export function rejectionProblems(caught: unknown): { problems: TerritoryProblem[] } {
	if (caught instanceof TerritoryChangeRejected) return { problems: caught.reasons };
	throw caught;
}

/**
 * Applies one change to a CPTS territory for this actor: checks the permission, builds the
 * whole new list, saves it (or refuses it whole), audits it, then snapshots coverage.
 */
export async function changeTerritory(db: DbOrTx, actor: Viewer, cptsId: string, change: TerritoryChange): Promise<TerritoryChangeResult> {
	if (!(await canEditTerritory(db, actor, cptsId))) throw forbidden();
	const current = (await getTerritoryUnits(db, cptsId)).map((unit) => unit.code);
	const next = await nextCodes(db, current, change);
	const result = await db.transaction(async (tx) => {
		let summary: TerritorySummary;
		try {
			summary = await replaceTerritory(tx, cptsId, next);
		} catch (caught) {
			if (caught instanceof TerritoryRejected && !(caught instanceof TerritoryChangeRejected)) {
				throw new TerritoryChangeRejected(markAlreadyThere(caught.problems, current, change));
			}
			throw caught;
		}
		const before = new Set(current);
		const after = new Set(next.map((code) => code.toUpperCase()));
		const added = [...after].filter((code) => !before.has(code));
		const removed = current.filter((code) => !after.has(code));
		await writeAudit(tx, {
			actorId: actor!.id,
			action: 'cpts.territoryChanged',
			targetType: 'cpts',
			targetId: cptsId,
			details: { how: change.kind, added, removed, population: summary.population, units: summary.unitCount }
		});
		return { summary, added, removed };
	});
	snapshotAfterChange(db);
	return result;
}

/** The whole list a change leads to; a value refused before reaching the referential throws. */
async function nextCodes(db: DbOrTx, current: string[], change: TerritoryChange): Promise<string[]> {
	switch (change.kind) {
		case 'add':
			return [...current, change.code.trim()];
		case 'remove': {
			const code = change.code.trim().toUpperCase();
			return current.filter((unit) => unit !== code);
		}
		case 'epci': {
			// A whole EPCI adds the communes the territory does not hold yet: adding one twice is no error.
			const held = new Set(current);
			const units = await unitsOfEpci(db, change.epciCode.trim());
			if (!units.length) throw new TerritoryChangeRejected([{ value: change.epciCode, reason: 'unknown' }]);
			return [...current, ...units.map((unit) => unit.code).filter((code) => !held.has(code))];
		}
		case 'paste': {
			const values = splitCodes(change.text);
			if (values.length > MAX_PASTED_CODES) throw new TerritoryChangeRejected([{ value: String(values.length), reason: 'tooMany', count: values.length, max: MAX_PASTED_CODES }]);
			if (!values.length) throw new TerritoryChangeRejected([]);
			return change.replace ? values : [...current, ...values];
		}
	}
}

/** A duplicate of a code the territory already held reads « already in the territory ». */
function markAlreadyThere(problems: CodeProblem[], current: string[], change: TerritoryChange): TerritoryProblem[] {
	const held = new Set(current);
	const replacing = change.kind === 'paste' && change.replace;
	return problems.map((problem) =>
		problem.reason === 'duplicate' && !replacing && held.has(problem.value.toUpperCase()) ? { value: problem.value, reason: 'already' } : problem
	);
}

/**
 * Coverage is snapshotted on every territory change (trend charts). Computing it reads every
 * commune (~35,000 rows: about 0.5 s on PGlite), so it runs after the response, and a burst of
 * edits shares one snapshot: while one is waiting to start, another change adds nothing. A
 * failure is logged and never undoes the saved territory.
 */
let queued: Promise<void> | null = null;
let running: Promise<void> = Promise.resolve();

function snapshotAfterChange(db: DbOrTx): void {
	if (queued) return;
	queued = running.then(async () => {
		queued = null;
		try {
			await snapshotCoverage(db, 'territory');
		} catch (caught) {
			getLogger().error({ err: caught, reason: 'territory' }, 'coverage snapshot after a territory change failed');
		}
	});
	running = queued;
}

/** Resolves when the coverage snapshots asked so far are written (tests, shutdown). */
export async function territorySnapshotsSettled(): Promise<void> {
	while (queued) await queued;
	await running;
}

/** What the CPTS page and the territory page show of a territory. */
export interface TerritoryView {
	units: TerritoryUnit[];
	summary: TerritorySummary;
	regions: { code: string; name: string }[];
	overlaps: TerritoryOverlap[];
	/** The COG vintage the figures come from, e.g. "2026"; null before the referential is loaded. */
	vintage: string | null;
}

/** A CPTS territory with its computed figures and its overlaps with other CPTS. */
export async function getTerritoryView(db: DbOrTx, cptsId: string): Promise<TerritoryView> {
	const [units, overlaps, referential] = await Promise.all([getTerritoryUnits(db, cptsId), territoryOverlaps(db, cptsId), loadedReferential(db)]);
	const summary = summarizeTerritory(units);
	const regionRows = summary.regionCodes.length
		? await db.select({ code: regions.code, name: regions.name }).from(regions).where(inArray(regions.code, summary.regionCodes))
		: [];
	return { units, summary, regions: regionRows, overlaps, vintage: referential?.vintage ?? null };
}

/** The search results of the territory page: communes (marked when the territory holds them) or EPCI. */
export async function searchForTerritory(db: DbOrTx, territory: Pick<TerritoryView, 'units'>, query: { q?: string; epci?: string }) {
	const held = new Set(territory.units.map((unit) => unit.code));
	const [units, epci] = await Promise.all([query.q ? searchUnits(db, query.q) : [], query.epci ? searchEpci(db, query.epci) : []]);
	return {
		units: units.map((unit) => ({ ...unit, held: held.has(unit.code) })),
		epci
	};
}
