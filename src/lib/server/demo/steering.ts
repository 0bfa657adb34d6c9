/**
 * The steering side of the demo (issue 14): each demo CPTS's dated stage history, the demo
 * animatrice as the accompanying facilitator of the Grand Est and La Réunion CPTS, two CPTS
 * in « accompagnement rapproché » with their follow-up log, two plans d'action for zones
 * blanches (Meurthe-et-Moselle and La Réunion), and the coverage trend: one snapshot on the
 * first day of each of the last six months, computed from the stage history (what each
 * CPTS had reached on that day), then one of today.
 *
 * Runs once, on the network's first seed (the stage history is the marker): a facilitator
 * who later edits these rows is never overridden by a restart.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { coveragePlanCommunes, coveragePlanLog, coveragePlans, cpts, cptsFollowUps, cptsStageEvents, geoCommunes } from '../db/schema';
import { generateId } from '../shared/ids';
import { snapshotCoverage, uncoveredUnits } from '../territories/coverage';
import { CPTS_STAGES, type CptsStage } from '../../domain/professions';
import { DEMO_CPTS } from './network';

/** Months of back-dated coverage snapshots (each is one coverage computation). */
const TREND_MONTHS = 6;

/** Régions whose CPTS the demo animatrice accompanies: Grand Est and La Réunion. */
const FACILITATED_REGIONS = ['44', '04'];

const CLOSE_SUPPORT: { slug: string; reason: string; partnerContacts: string; followUps: { on: string; body: string }[] }[] = [
	{
		slug: 'lunevillois',
		reason: 'Projet de santé déposé sans coordinatrice : elle est partie pendant la rédaction et le bureau s’essouffle.',
		partnerContacts: 'ARS Grand Est — délégation territoriale de Meurthe-et-Moselle, référente CPTS\nCPAM de Meurthe-et-Moselle, conseiller CPTS',
		followUps: [
			{ on: '2026-09-15', body: 'Réunion avec le bureau : le président accepte d’assurer l’intérim ; fiche de poste de coordinateur à diffuser avant fin octobre.' },
			{ on: '2026-11-17', body: 'Deux candidatures reçues pour le poste de coordinateur. L’ARS attend la réponse de la CPTS aux questions sur le volet santé mentale.' }
		]
	},
	{
		slug: 'est-reunion',
		reason: 'Projet validé, mais peu de professionnels des Hauts (Salazie) mobilisés ; ACI à préparer.',
		partnerContacts: 'ARS La Réunion — direction de l’offre de soins, référente CPTS\nCPAM de La Réunion, conseillère CPTS',
		followUps: [{ on: '2026-10-20', body: 'Visite à Salazie avec la coordinatrice : trois infirmiers libéraux intéressés, réunion d’information prévue avec la mairie.' }]
	}
];

interface DemoPlan {
	departementCode: string;
	name: string;
	status: 'a_lancer' | 'contacts_pris' | 'porteur_identifie';
	porteur: string | null;
	arsContact: string;
	cpamContact: string;
	targetDate: string;
	nextStep: string;
	/** The zone: communes of this EPCI, or these codes; only those in no CPTS are kept. */
	epciCode?: string;
	codes?: string[];
	log: { on: string; body: string }[];
}

const PLANS: DemoPlan[] = [
	{
		departementCode: '54',
		name: 'Pays du Saintois',
		status: 'porteur_identifie',
		porteur: 'Maison de santé pluriprofessionnelle de Vézelise',
		arsContact: 'ARS Grand Est — délégation territoriale de Meurthe-et-Moselle, référente CPTS',
		cpamContact: 'CPAM de Meurthe-et-Moselle, conseiller CPTS',
		targetDate: '2027-06-30',
		nextStep: 'Réunion publique des professionnels du Saintois pour rédiger la lettre d’intention.',
		epciCode: '200035772',
		log: [
			{ on: '2026-05-12', body: 'Premier échange avec la communauté de communes : aucune CPTS ne couvre le Saintois.' },
			{ on: '2026-09-08', body: 'La maison de santé de Vézelise accepte de porter le projet ; rendez-vous pris avec l’ARS et la CPAM.' }
		]
	},
	{
		departementCode: '974',
		name: 'Sud sauvage (Saint-Joseph, Saint-Philippe)',
		status: 'contacts_pris',
		porteur: null,
		arsContact: 'ARS La Réunion — direction de l’offre de soins, référente CPTS',
		cpamContact: 'CPAM de La Réunion, conseillère CPTS',
		targetDate: '2027-09-30',
		nextStep: 'Proposer à la CPTS Sud Réunion d’étendre son territoire, ou identifier un porteur à Saint-Joseph.',
		codes: ['97412', '97417'],
		log: [{ on: '2026-10-06', body: 'Contacts pris avec les pharmaciens et les infirmiers de Saint-Joseph ; la CPTS Sud Réunion réfléchit à une extension.' }]
	}
];

/** Each demo CPTS's stage on a day: the last one reached by then (null before its initiative). */
export function demoStageOn(entry: (typeof DEMO_CPTS)[number], day: string): CptsStage | null {
	let reached: CptsStage | null = null;
	entry.stageDates.forEach((date, index) => {
		if (date <= day) reached = CPTS_STAGES[index];
	});
	return reached;
}

/** The first day of each of the `count` months before `now`, oldest first (UTC dates). */
function firstDaysOfPastMonths(now: Date, count: number): Date[] {
	return Array.from({ length: count }, (_, index) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (count - 1 - index), 1, 9)));
}

export async function seedSteeringDemo(db: DbOrTx, options: { facilitatorId: string | null }) {
	const slugs = DEMO_CPTS.map((entry) => entry.slug);
	return db.transaction(async (tx) => {
		const rows = await tx.select({ id: cpts.id, slug: cpts.slug, stage: cpts.stage, regionCode: cpts.regionCode }).from(cpts).where(inArray(cpts.slug, slugs));
		if (!rows.length) return { stageEvents: 0 };
		const [{ done }] = await tx
			.select({ done: sql<boolean>`exists (select 1 from ${cptsStageEvents} where ${inArray(cptsStageEvents.cptsId, rows.map((row) => row.id))})` })
			.from(sql`(select 1) as one`);
		if (done) return { stageEvents: 0 };

		const bySlug = new Map(rows.map((row) => [row.slug, row]));
		const entries = DEMO_CPTS.filter((entry) => bySlug.get(entry.slug)?.stage === entry.stage);
		const events = entries.flatMap((entry) =>
			entry.stageDates.map((reachedOn, index) => ({ id: generateId(), cptsId: bySlug.get(entry.slug)!.id, stage: CPTS_STAGES[index], reachedOn, recordedBy: options.facilitatorId }))
		);
		if (events.length) await tx.insert(cptsStageEvents).values(events);

		let followUps = 0;
		if (options.facilitatorId) {
			const facilitated = rows.filter((row) => FACILITATED_REGIONS.includes(row.regionCode)).map((row) => row.id);
			if (facilitated.length) await tx.update(cpts).set({ facilitatorId: options.facilitatorId }).where(inArray(cpts.id, facilitated));
		}
		for (const support of CLOSE_SUPPORT) {
			const row = bySlug.get(support.slug);
			if (!row) continue;
			await tx
				.update(cpts)
				.set({ closeSupport: true, closeSupportReason: support.reason, partnerContacts: support.partnerContacts, facilitatorId: options.facilitatorId })
				.where(eq(cpts.id, row.id));
			await tx.insert(cptsFollowUps).values(
				support.followUps.map((entry) => ({ id: generateId(), cptsId: row.id, authorId: options.facilitatorId, happenedOn: entry.on, body: entry.body }))
			);
			followUps += support.followUps.length;
		}

		let plans = 0;
		for (const plan of PLANS) {
			const uncovered = new Set((await uncoveredUnits(tx, plan.departementCode)).map((unit) => unit.code));
			const zone = plan.epciCode
				? (await tx.select({ code: geoCommunes.code }).from(geoCommunes).where(and(eq(geoCommunes.epciCode, plan.epciCode), eq(geoCommunes.departementCode, plan.departementCode)))).map((row) => row.code)
				: (plan.codes ?? []);
			const communes = zone.filter((code) => uncovered.has(code));
			if (!communes.length) continue;
			const id = generateId();
			await tx.insert(coveragePlans).values({
				id,
				departementCode: plan.departementCode,
				name: plan.name,
				status: plan.status,
				porteur: plan.porteur,
				facilitatorId: options.facilitatorId,
				arsContact: plan.arsContact,
				cpamContact: plan.cpamContact,
				targetDate: plan.targetDate,
				nextStep: plan.nextStep,
				createdBy: options.facilitatorId
			});
			await tx.insert(coveragePlanCommunes).values(communes.map((communeCode) => ({ planId: id, communeCode })));
			await tx.insert(coveragePlanLog).values(plan.log.map((entry) => ({ id: generateId(), planId: id, authorId: options.facilitatorId, happenedOn: entry.on, body: entry.body })));
			plans++;
		}

		// The trend: coverage as it was on the first of each past month, from the stage history.
		// Coverage reads cpts.stage, so each CPTS is set to the stage it had then ('initiative',
		// which covers nobody, before it existed), and back to today's stage at the end.
		const now = new Date();
		let snapshots = 0;
		const setStages = async (stageOf: (entry: (typeof entries)[number]) => CptsStage) => {
			if (!entries.length) return;
			const cases = sql.join(entries.map((entry) => sql`when ${bySlug.get(entry.slug)!.id} then ${stageOf(entry)}`), sql` `);
			await tx.execute(sql`update ${cpts} set stage = case id ${cases} end where ${inArray(cpts.id, entries.map((entry) => bySlug.get(entry.slug)!.id))}`);
		};
		for (const takenAt of firstDaysOfPastMonths(now, TREND_MONTHS)) {
			const day = takenAt.toISOString().slice(0, 10);
			await setStages((entry) => demoStageOn(entry, day) ?? 'initiative');
			await snapshotCoverage(tx, 'monthly', takenAt);
			snapshots++;
		}
		await setStages((entry) => entry.stage);
		await snapshotCoverage(tx, 'territory', now);
		snapshots++;

		return { stageEvents: events.length, followUps, plans, snapshots };
	});
}
