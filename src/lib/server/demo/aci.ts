/**
 * The ACI side of the demo: every demo CPTS that reached « ACI signé » has its contract,
 * signed on the day its stage history says (demo/network.ts stageDates), with the missions of
 * each contract year up to last year written, a dialogue de gestion after each anniversary
 * already passed, and this year partly written. The CPTS du Sud-Toulois has this year's access
 * to care and crisis response written and the rest left for its coordinatrice (and no
 * dialogue this year: the reminder is due); two Grand Est CPTS (Nancy-Sud, Strasbourg-Sud)
 * have no crisis response action this year, which the evaluation page lists. Signatories are
 * offices, not people; the only amounts are labelled as demo figures.
 *
 * Runs once: when any demo CPTS has a contract, nothing is written (a coordinatrice's edits are
 * never overridden by a restart).
 */
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { aciContracts, aciDialogues, aciIndicators, aciMissionYears, cpts, geoDepartements, regions } from '../db/schema';
import { generateId } from '../shared/ids';
import { shiftIso, todayIso } from '../steering/dates';
import { DEMO_CPTS } from './network';
import { CPTS_STAGES } from '../../domain/professions';
import { contractEndsOn, contractYears, type IndicatorKind } from '../../domain/aci';
import { OPTIONAL_MISSIONS, type Mission } from '../../domain/missions';
import { contractMissions } from '../aci/contracts';
import { assembleMissionYears, indicatorRows } from '../aci/years';

/** CPTS whose crisis response mission has no action this year (the evaluation's « sans plan » list). */
export const DEMO_WITHOUT_CRISIS_PLAN = ['nancy-sud', 'strasbourg-sud'];
/** The CPTS whose coordinatrice completes this year's indicators in the demo. */
export const DEMO_PARTLY_WRITTEN = 'sud-toulois';

interface DemoIndicator {
	label: string;
	kind: IndicatorKind;
	unit?: string;
	target?: number;
}

const MISSION_CONTENT: Record<Mission, { actions: string; indicators: DemoIndicator[] }> = {
	acces_soins: {
		actions: 'Cellule d’orientation des patients sans médecin traitant\nCréneaux de soins non programmés en journée, régulés avec le SAS\nTéléconsultations accompagnées par un infirmier en EHPAD',
		indicators: [
			{ label: 'Patients sans médecin traitant orientés vers un médecin', kind: 'nombre', unit: 'patients', target: 300 },
			{ label: 'Créneaux de soins non programmés ouverts par semaine', kind: 'nombre', unit: 'créneaux', target: 40 }
		]
	},
	parcours: {
		actions: 'Parcours insuffisance cardiaque : sortie d’hospitalisation et suivi infirmier\nRéunions de concertation pluriprofessionnelles mensuelles',
		indicators: [
			{ label: 'Parcours pluriprofessionnel formalisé et diffusé', kind: 'realise' },
			{ label: 'Patients inclus dans le parcours', kind: 'nombre', unit: 'patients', target: 80 }
		]
	},
	prevention: {
		actions: 'Journées de dépistage (diabète, cancer colorectal) avec les pharmacies\nAteliers d’éducation à la santé pour les personnes âgées',
		indicators: [{ label: 'Actions de dépistage organisées', kind: 'nombre', unit: 'actions', target: 6 }]
	},
	crises_sanitaires: {
		actions: 'Plan de réponse aux crises sanitaires graves rédigé avec l’ARS\nAnnuaire de crise des professionnels tenu à jour',
		indicators: [
			{ label: 'Plan de réponse aux crises sanitaires graves validé', kind: 'realise' },
			{ label: 'Exercice de crise réalisé', kind: 'realise' }
		]
	},
	qualite_pertinence: {
		actions: 'Groupes qualité pluriprofessionnels sur le bon usage des antibiotiques',
		indicators: [{ label: 'Groupes qualité réunis', kind: 'nombre', unit: 'réunions', target: 4 }]
	},
	accompagnement_professionnels: {
		actions: 'Accueil des étudiants en santé en stage et journée d’accueil des nouveaux installés',
		indicators: [{ label: 'Étudiants en santé accueillis en stage', kind: 'nombre', unit: 'étudiants', target: 10 }]
	}
};

/** Achievement cycles through these shares of the target so that every band appears (null: not measured). */
const ACHIEVED_SHARES = [1.1, 1, 0.8, 0.4, null, 1.2, 0.6];

/** Optional missions chosen, by the CPTS's place in the list: none, one, the other, both. */
function optionalChoice(index: number): Mission[] {
	return [[], [OPTIONAL_MISSIONS[0]], [OPTIONAL_MISSIONS[1]], [...OPTIONAL_MISSIONS]][index % 4];
}

export async function seedAciDemo(db: DbOrTx, options: { authorId: string | null }, now = new Date()) {
	const today = todayIso(now);
	const currentYear = Number(today.slice(0, 4));
	const slugs = DEMO_CPTS.map((entry) => entry.slug);
	return db.transaction(async (tx) => {
		const rows = await tx.select().from(cpts).where(inArray(cpts.slug, slugs));
		if (!rows.length) return { contracts: 0 };
		const existing = await tx.select({ id: aciContracts.id }).from(aciContracts).where(inArray(aciContracts.cptsId, rows.map((row) => row.id))).limit(1);
		if (existing.length) return { contracts: 0 };
		const departementNames = new Map((await tx.select({ code: geoDepartements.code, name: geoDepartements.name }).from(geoDepartements)).map((row) => [row.code, row.name]));
		const regionNames = new Map((await tx.select({ code: regions.code, name: regions.name }).from(regions)).map((row) => [row.code, row.name]));
		const bySlug = new Map(rows.map((row) => [row.slug, row]));
		const signedRank = CPTS_STAGES.indexOf('aci_signe');

		// Rows are gathered and written in three inserts at the end: the demo seeds at every
		// first start, and row-by-row inserts cost seconds on PGlite.
		let contracts = 0;
		const missionRows: (typeof aciMissionYears.$inferInsert)[] = [];
		const indicatorRowsAll: ReturnType<typeof indicatorRows> = [];
		const dialogueRows: (typeof aciDialogues.$inferInsert)[] = [];
		for (const [index, entry] of DEMO_CPTS.entries()) {
			const row = bySlug.get(entry.slug);
			if (!row || CPTS_STAGES.indexOf(row.stage as (typeof CPTS_STAGES)[number]) < signedRank || entry.stageDates.length <= signedRank) continue;
			// The contract is signed on the day the stage history says « ACI signé » was reached.
			const signedOn = entry.stageDates[signedRank];
			const optionalMissions = optionalChoice(index);
			const [contract] = await tx
				.insert(aciContracts)
				.values({
					id: generateId(),
					cptsId: row.id,
					signedOn,
					signatoryCpts: `Présidence de l’association ${row.name}`,
					signatoryCpam: `Direction de la CPAM — ${departementNames.get(row.department) ?? row.department} (${row.department})`,
					signatoryArs: `Direction générale de l’ARS ${regionNames.get(row.regionCode) ?? row.regionCode}`,
					optionalMissions,
					createdBy: options.authorId
				})
				.returning();
			contracts++;

			const missions = contractMissions(contract);
			const years = contractYears(signedOn, contractEndsOn(signedOn)).filter((year) => year <= currentYear);
			for (const year of years) {
				const thisYear = year === currentYear;
				const yearRows: typeof missionRows = [];
				const yearIndicators: typeof indicatorRowsAll = [];
				for (const [missionIndex, mission] of missions.entries()) {
					const content = MISSION_CONTENT[mission];
					// This year: Sud-Toulois has access to care and crisis response written; the two
					// « sans plan » CPTS have everything but crisis response; the others everything.
					const written = !thisYear
						? true
						: entry.slug === DEMO_PARTLY_WRITTEN
							? mission === 'acces_soins' || mission === 'crises_sanitaires'
							: !(DEMO_WITHOUT_CRISIS_PLAN.includes(entry.slug) && mission === 'crises_sanitaires');
					if (!written) continue;
					const demoAmounts = entry.slug === DEMO_PARTLY_WRITTEN && mission === 'acces_soins' && !thisYear;
					yearRows.push({
						contractId: contract.id,
						mission,
						year,
						actions: content.actions,
						status: thisYear ? 'en_cours' : 'realisee',
						comments: demoAmounts ? 'Montants fictifs de démonstration.' : '',
						// Demo figures, labelled as such in the comment: the app never computes an amount.
						fixedCents: demoAmounts ? 1_000_000 : null,
						variableCents: demoAmounts ? 750_000 : null,
						updatedBy: options.authorId
					});
					const indicators = content.indicators.map((indicator, position) => {
						const share = thisYear && position > 0 ? null : ACHIEVED_SHARES[(index + missionIndex + position + year) % ACHIEVED_SHARES.length];
						const target = indicator.target ?? null;
						return {
							label: indicator.label,
							kind: indicator.kind,
							unit: indicator.unit ?? '',
							target,
							achieved: target !== null && share !== null ? Math.round(target * share) : null,
							done: share === null ? null : share >= 1
						};
					});
					yearIndicators.push(...indicatorRows(contract.id, mission, year, indicators));
				}
				missionRows.push(...yearRows);
				indicatorRowsAll.push(...yearIndicators);
				// The dialogue of a year, ten days after that year's anniversary, once it has passed
				// (Sud-Toulois's of this year is left for its coordinatrice).
				const heldOn = shiftIso(`${year}${signedOn.slice(4)}`, { days: -10 });
				if (year === Number(signedOn.slice(0, 4)) || heldOn > today || (thisYear && entry.slug === DEMO_PARTLY_WRITTEN)) continue;
				dialogueRows.push({
					id: generateId(),
					contractId: contract.id,
					year,
					heldOn,
					participantsCpts: 'Présidence et coordination de la CPTS',
					participantsCpam: 'Conseiller CPTS de la CPAM',
					participantsArs: 'Référente CPTS de la délégation territoriale de l’ARS',
					review: { takenAt: new Date(`${heldOn}T10:00:00Z`).toISOString(), missions: assembleMissionYears(contract, yearRows, yearIndicators) },
					conclusions: 'Les missions socle avancent comme prévu ; les indicateurs non mesurés le seront d’ici la fin de l’année.',
					nextObjectives: 'Maintenir les créneaux de soins non programmés et étendre le parcours insuffisance cardiaque.',
					createdBy: options.authorId
				});
			}
		}
		// PostgreSQL takes at most 65,535 parameters a statement: the indicators go in slices.
		for (let start = 0; start < missionRows.length; start += 2_000) await tx.insert(aciMissionYears).values(missionRows.slice(start, start + 2_000));
		for (let start = 0; start < indicatorRowsAll.length; start += 2_000) await tx.insert(aciIndicators).values(indicatorRowsAll.slice(start, start + 2_000));
		if (dialogueRows.length) await tx.insert(aciDialogues).values(dialogueRows);
		return { contracts, dialogues: dialogueRows.length };
	});
}

