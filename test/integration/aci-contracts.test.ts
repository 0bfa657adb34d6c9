/**
 * The ACI contract (issue 15, items 2–4): the contract and its stage event, the signed PDF,
 * yearly missions and indicators, the dialogue de gestion (snapshot, DOCX), its reminder, the
 * network evaluation and the list of CPTS with no crises sanitaires plan; who may do what.
 * PGlite and PostgreSQL (the integration-postgres project runs this same file).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { aciContracts, aciIndicators, cpts, cptsStageEvents, mailOutbox, notifications, partnerAccounts } from '../../src/lib/server/db/schema';
import type { SessionUser } from '../../src/lib/server/auth/session';
import {
	attachContractDocument,
	contractFormSchema,
	cptsWithoutCrisisPlan,
	dialogueDocx,
	evaluationCsv,
	getContract,
	getContractYear,
	getDialogue,
	networkEvaluation,
	openContractDocument,
	parseMissionYearForm,
	saveContract,
	listDialoguesDue,
	saveDialogue,
	saveMissionYear,
	sendDialogueReminders,
	type ContractInput,
	type MissionYearInput
} from '../../src/lib/server/aci';
import { achievementBand, contractEndsOn } from '../../src/lib/domain/aci';
import { parseForm } from '../../src/lib/server/shared/forms';
import { DiskStore } from '../../src/lib/server/storage/disk';
import { useTestDatabase } from '../helpers/db';
import { makeCpts, makeMembership, makeUser } from '../helpers/factories';
import { expectAppError, refusal } from '../helpers/refusal';
import { asSessionUser } from '../helpers/routes';

const testDb = useTestDatabase({ referential: true });

type Made = Awaited<ReturnType<typeof makeUser>>;
const session = (user: Made): SessionUser => asSessionUser(user);

let root: string;
let store: DiskStore;
beforeAll(async () => {
	root = await mkdtemp(path.join(tmpdir(), 'cpts-aci-'));
	store = new DiskStore(root);
});
afterAll(async () => {
	await rm(root, { recursive: true, force: true });
});

async function partner(scope: { organisation: 'ars' | 'cpam' | 'urps'; regionCode: string; departementCode?: string | null }) {
	const user = await makeUser(testDb.db, { profession: 'coordinateur_autre' });
	await testDb.db.insert(partnerAccounts).values({ userId: user.id, label: `${scope.organisation} test`, departementCode: null, ...scope });
	return user;
}

/** A CPTS at « projet validé » with its history, its coordinator, a member and its facilitator. */
async function cptsWithTeam(overrides: Partial<typeof cpts.$inferInsert> = {}) {
	const facilitator = await makeUser(testDb.db, { roles: ['facilitator'] });
	const row = await makeCpts(testDb.db, { stage: 'projet_valide', facilitatorId: facilitator.id, ...overrides });
	await testDb.db.insert(cptsStageEvents).values([
		{ id: `${row.id}a`, cptsId: row.id, stage: 'lettre_intention', reachedOn: '2023-03-01' },
		{ id: `${row.id}b`, cptsId: row.id, stage: 'projet_valide', reachedOn: '2024-01-15' }
	]);
	const coordinator = await makeUser(testDb.db);
	await makeMembership(testDb.db, row.id, coordinator.id, { role: 'coordinator' });
	const member = await makeUser(testDb.db);
	await makeMembership(testDb.db, row.id, member.id);
	return { row, facilitator, coordinator, member };
}

const contractInput = (overrides: Partial<ContractInput> = {}): ContractInput => ({
	signedOn: '2024-06-20',
	signatoryCpts: 'Dr Jeanne Martin, présidente',
	signatoryCpam: 'Paul Durand, directeur de la CPAM des Vosges',
	signatoryArs: 'Claire Petit, directrice de la délégation territoriale',
	optionalMissions: ['qualite_pertinence'],
	operatingEnvelope: null,
	...overrides
});

const missionInput = (overrides: Partial<MissionYearInput> = {}): MissionYearInput => ({
	actions: 'Plan de continuité des cabinets\nAnnuaire de crise',
	status: 'en_cours',
	comments: '',
	fixedPart: null,
	variablePart: null,
	indicators: [],
	...overrides
});

const form = (entries: Record<string, string>) => {
	const body = new FormData();
	for (const [key, value] of Object.entries(entries)) body.append(key, value);
	return body;
};

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe('the contract', () => {
	it('ends five years less a day after its signature, in the database and in the domain rule', async () => {
		const { row, coordinator } = await cptsWithTeam();
		await saveContract(testDb.db, session(coordinator), row.id, contractInput({ signedOn: '2024-02-29' }));
		const [saved] = await testDb.db.select().from(aciContracts).where(eq(aciContracts.cptsId, row.id));
		expect(saved.endsOn).toBe('2029-02-27');
		expect(contractEndsOn('2024-02-29')).toBe(saved.endsOn);
		expect(contractEndsOn('2022-10-03')).toBe('2027-10-02');
	});

	it('moves an earlier CPTS to « ACI signé » through its stage history, dated on the signature', async () => {
		const { row, coordinator } = await cptsWithTeam();
		const { stageChanged } = await saveContract(testDb.db, session(coordinator), row.id, contractInput());
		expect(stageChanged).toBe(true);
		const [after] = await testDb.db.select({ stage: cpts.stage }).from(cpts).where(eq(cpts.id, row.id));
		expect(after.stage).toBe('aci_signe');
		const events = await testDb.db.select().from(cptsStageEvents).where(and(eq(cptsStageEvents.cptsId, row.id), eq(cptsStageEvents.stage, 'aci_signe')));
		expect(events.map((event) => event.reachedOn)).toEqual(['2024-06-20']);
		// Correcting the contract does not record the stage twice.
		await saveContract(testDb.db, session(coordinator), row.id, contractInput({ signatoryArs: 'Autre signataire' }));
		expect(await testDb.db.select().from(cptsStageEvents).where(and(eq(cptsStageEvents.cptsId, row.id), eq(cptsStageEvents.stage, 'aci_signe')))).toHaveLength(1);
	});

	it('refuses a signature dated before the project validation, on the signature field, and saves nothing', async () => {
		const { row, coordinator } = await cptsWithTeam();
		const caught = await refusal(saveContract(testDb.db, session(coordinator), row.id, contractInput({ signedOn: '2023-12-01' })));
		expect(caught.messageKey).toBe('aci.contract.stageContradicts');
		expect(caught.details.field).toBe('signedOn');
		expect(await testDb.db.select().from(aciContracts).where(eq(aciContracts.cptsId, row.id))).toEqual([]);
		const [after] = await testDb.db.select({ stage: cpts.stage }).from(cpts).where(eq(cpts.id, row.id));
		expect(after.stage).toBe('projet_valide');
	});

	it('validates the form: missing signatories, a future date, a socle mission offered as optional, an amount in words', () => {
		const parsed = parseForm(
			contractFormSchema,
			form({ signedOn: '2099-01-01', signatoryCpts: '', signatoryCpam: 'CPAM', signatoryArs: 'ARS', optionalMissions: 'prevention', operatingEnvelope: 'beaucoup' }),
			['optionalMissions']
		);
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(parsed.errors).toMatchObject({ signedOn: 'plans.form.future', signatoryCpts: 'form.required', optionalMissions: 'form.choice', operatingEnvelope: 'aci.form.amount' });
		expect(parsed.values.signatoryCpam).toBe('CPAM');
		const amounts = parseForm(contractFormSchema, form({ signedOn: '2024-01-01', signatoryCpts: 'a', signatoryCpam: 'b', signatoryArs: 'c', operatingEnvelope: '52 500,50' }), ['optionalMissions']);
		expect(amounts.ok && amounts.data.operatingEnvelope).toBe(5_250_050);
	});

	it('is changed by its coordinators and facilitators, read by partners of its scope, refused to everyone else', async () => {
		const { row, coordinator, member, facilitator } = await cptsWithTeam({ regionCode: '44', department: '88' });
		await saveContract(testDb.db, session(facilitator), row.id, contractInput());
		const arsGrandEst = await partner({ organisation: 'ars', regionCode: '44' });
		const cpamVosges = await partner({ organisation: 'cpam', regionCode: '44', departementCode: '88' });
		const cpamMeuse = await partner({ organisation: 'cpam', regionCode: '44', departementCode: '55' });
		const urpsAra = await partner({ organisation: 'urps', regionCode: '84' });
		const otherCoordinator = await makeUser(testDb.db);
		const elsewhere = await makeCpts(testDb.db);
		await makeMembership(testDb.db, elsewhere.id, otherCoordinator.id, { role: 'coordinator' });

		expect((await getContract(testDb.db, session(coordinator), row.id)).access).toEqual({ reads: true, edits: true });
		expect((await getContract(testDb.db, session(arsGrandEst), row.id)).access).toEqual({ reads: true, edits: false });
		expect((await getContract(testDb.db, session(cpamVosges), row.id)).contract?.signatoryCpam).toContain('CPAM');
		for (const outsider of [member, cpamMeuse, urpsAra, otherCoordinator]) {
			await expectAppError(getContract(testDb.db, session(outsider), row.id), 'forbidden');
		}
		await expectAppError(getContract(testDb.db, null, row.id), 'unauthenticated');
		for (const reader of [arsGrandEst, member]) {
			await expectAppError(saveContract(testDb.db, session(reader), row.id, contractInput()), 'forbidden');
			await expectAppError(saveMissionYear(testDb.db, session(reader), row.id, 2025, 'prevention', missionInput()), 'forbidden');
			await expectAppError(saveDialogue(testDb.db, session(reader), row.id, 2025, { heldOn: '2025-06-20', participantsCpts: 'a', participantsCpam: 'b', participantsArs: 'c', conclusions: '', nextObjectives: '', refreshReview: false }), 'forbidden');
		}
	});

	it('keeps the signed contract as a PDF and refuses anything else with a clear reason', async () => {
		const { row, coordinator, member } = await cptsWithTeam();
		await saveContract(testDb.db, session(coordinator), row.id, contractInput());
		const notPdf = await refusal(attachContractDocument(testDb.db, store, session(coordinator), row.id, { name: 'contrat.pdf', bytes: new TextEncoder().encode('just some text') }));
		expect(notPdf.messageKey).toBe('aci.document.notPdf');
		const big = new Uint8Array(10 * 1024 * 1024 + 1);
		big.set(PDF);
		expect((await refusal(attachContractDocument(testDb.db, store, session(coordinator), row.id, { name: 'contrat.pdf', bytes: big }))).messageKey).toBe('aci.document.tooLarge');
		expect((await refusal(attachContractDocument(testDb.db, store, session(coordinator), row.id, { name: 'contrat.docx', bytes: PDF }))).messageKey).toBe('aci.document.notPdf');
		await expectAppError(attachContractDocument(testDb.db, store, session(member), row.id, { name: 'contrat.pdf', bytes: PDF }), 'forbidden');
		await expectAppError(openContractDocument(testDb.db, store, session(coordinator), row.id), 'not_found');

		await attachContractDocument(testDb.db, store, session(coordinator), row.id, { name: 'Contrat ACI signé.pdf', bytes: PDF });
		const download = await openContractDocument(testDb.db, store, session(coordinator), row.id);
		expect(download.fileName).toBe('Contrat ACI signé.pdf');
		expect(download.object.size).toBe(PDF.byteLength);
		await download.object.body.cancel();
		await expectAppError(openContractDocument(testDb.db, store, session(member), row.id), 'forbidden');
	});
});

describe('missions and indicators of a year', () => {
	it('saves a mission with its indicators and bands them', async () => {
		const { row, coordinator } = await cptsWithTeam();
		await saveContract(testDb.db, session(coordinator), row.id, contractInput());
		const parsed = parseMissionYearForm(
			form({
				actions: 'Soins non programmés le samedi matin',
				status: 'en_cours',
				comments: '',
				fixedPart: '15 000',
				variablePart: '',
				label_0: 'Patients sans médecin traitant orientés',
				kind_0: 'nombre',
				unit_0: 'patients',
				target_0: '400',
				achieved_0: '250',
				label_1: 'Protocole signé avec le centre 15',
				kind_1: 'realise',
				done_1: 'oui',
				label_2: '',
				kind_2: 'nombre'
			})
		);
		expect(parsed.ok).toBe(true);
		if (!parsed.ok) return;
		await saveMissionYear(testDb.db, session(coordinator), row.id, 2025, 'acces_soins', parsed.data);
		const year = await getContractYear(testDb.db, session(coordinator), row.id, 2025);
		const access = year.missions.find((mission) => mission.mission === 'acces_soins')!;
		expect(access.fixedCents).toBe(1_500_000);
		expect(access.indicators.map((indicator) => [indicator.label, indicator.band])).toEqual([
			['Patients sans médecin traitant orientés', 'partiel'],
			['Protocole signé avec le centre 15', 'atteint']
		]);
		// Socle missions always, the optional one chosen, not the other.
		expect(year.missions.map((mission) => mission.mission)).toEqual(['acces_soins', 'parcours', 'prevention', 'crises_sanitaires', 'qualite_pertinence']);
		await expectAppError(saveMissionYear(testDb.db, session(coordinator), row.id, 2025, 'accompagnement_professionnels', missionInput()), 'not_found', 'aci.mission.notInContract');
		await expectAppError(getContractYear(testDb.db, session(coordinator), row.id, 2031), 'not_found', 'aci.year.outside');
	});

	it('refuses bad rows by their field and keeps what was typed', () => {
		const parsed = parseMissionYearForm(form({ actions: 'x', status: 'en_cours', fixedPart: '12 abc', label_0: '', kind_0: 'nombre', target_0: '12', label_1: 'Réunions', kind_1: 'nombre', target_1: '', achieved_1: '-3' }));
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(parsed.errors).toEqual({ fixedPart: 'aci.form.amount', label_0: 'aci.indicator.labelRequired', achieved_1: 'aci.form.number', target_1: 'aci.indicator.targetRequired' });
		expect(parsed.values.label_1).toBe('Réunions');
	});

	it('bands achievement: ≥ 100 %, 50–99 %, < 50 %, not measured', () => {
		expect(achievementBand({ kind: 'nombre', target: 10, achieved: 12 })).toBe('atteint');
		expect(achievementBand({ kind: 'nombre', target: 10, achieved: 5 })).toBe('partiel');
		expect(achievementBand({ kind: 'nombre', target: 10, achieved: 4.9 })).toBe('faible');
		expect(achievementBand({ kind: 'nombre', target: 10, achieved: null })).toBe('non_mesure');
		expect(achievementBand({ kind: 'nombre', target: 0, achieved: 3 })).toBe('non_mesure');
		expect(achievementBand({ kind: 'realise', target: null, achieved: 0 })).toBe('faible');
	});
});

describe('the dialogue de gestion', () => {
	it('keeps the review as it was written, takes it again on request, and exports a DOCX', async () => {
		const { row, coordinator } = await cptsWithTeam();
		await saveContract(testDb.db, session(coordinator), row.id, contractInput());
		const indicator = { label: 'Exercice de crise', kind: 'realise' as const, unit: '', target: null, achieved: null, done: false };
		await saveMissionYear(testDb.db, session(coordinator), row.id, 2025, 'crises_sanitaires', missionInput({ indicators: [indicator] }));
		const input = { heldOn: '2025-06-25', participantsCpts: 'Dr Martin', participantsCpam: 'M. Durand', participantsArs: 'Mme Petit', conclusions: 'Objectifs tenus.', nextObjectives: 'Exercice en 2026.', refreshReview: false };
		await saveDialogue(testDb.db, session(coordinator), row.id, 2025, input);
		await saveMissionYear(testDb.db, session(coordinator), row.id, 2025, 'crises_sanitaires', missionInput({ indicators: [{ ...indicator, done: true }] }));

		const kept = await getDialogue(testDb.db, session(coordinator), row.id, 2025);
		const reviewed = (view: typeof kept) => view.dialogue!.review.missions.find((mission) => mission.mission === 'crises_sanitaires')!.indicators[0].band;
		expect(reviewed(kept)).toBe('faible');
		await saveDialogue(testDb.db, session(coordinator), row.id, 2025, { ...input, conclusions: 'Corrigé.' });
		expect(reviewed(await getDialogue(testDb.db, session(coordinator), row.id, 2025))).toBe('faible');
		await saveDialogue(testDb.db, session(coordinator), row.id, 2025, { ...input, refreshReview: true });
		const refreshed = await getDialogue(testDb.db, session(coordinator), row.id, 2025);
		expect(reviewed(refreshed)).toBe('atteint');

		const docx = await dialogueDocx('fr', row.name, refreshed.dialogue!);
		expect(docx.subarray(0, 2).toString()).toBe('PK');
		const xml = strFromU8(unzipSync(new Uint8Array(docx))['word/document.xml']);
		expect(xml).toContain('Dialogue de gestion 2025');
		expect(xml).toContain('Exercice de crise');
		expect(xml).toContain('Réponse aux crises sanitaires graves');

		await expectAppError(saveDialogue(testDb.db, session(coordinator), row.id, 2025, { ...input, heldOn: '2024-01-01' }), 'invalid', 'aci.dialogue.beforeSignature');
	});

	it('reminds the coordinators and the facilitator once a month when none was held in twelve months', async () => {
		const { row, coordinator, facilitator, member } = await cptsWithTeam();
		await saveContract(testDb.db, session(coordinator), row.id, contractInput({ signedOn: '2024-06-20' }));
		const recent = await cptsWithTeam();
		await saveContract(testDb.db, session(recent.coordinator), recent.row.id, contractInput({ signedOn: '2024-06-20' }));
		await saveDialogue(testDb.db, session(recent.coordinator), recent.row.id, 2025, { heldOn: '2025-06-25', participantsCpts: 'a', participantsCpam: 'b', participantsArs: 'c', conclusions: '', nextObjectives: '', refreshReview: false });

		const now = new Date('2026-03-10T08:00:00Z');
		expect(await sendDialogueReminders(testDb.db, now)).toBeGreaterThanOrEqual(1);
		const remindedOf = async (userId: string) => testDb.db.select().from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.kind, 'aci.dialogue_due')));
		expect(await remindedOf(coordinator.id)).toHaveLength(1);
		expect(await remindedOf(facilitator.id)).toHaveLength(1);
		expect(await remindedOf(member.id)).toHaveLength(0);
		expect(await remindedOf(recent.coordinator.id)).toHaveLength(0);
		expect((await testDb.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, coordinator.email))).length).toBe(1);
		// Mon espace says the same to the same people, « Ce qui vous attend ».
		expect(await listDialoguesDue(testDb.db, coordinator.id, now)).toEqual([{ slug: row.slug, name: row.name }]);
		expect(await listDialoguesDue(testDb.db, facilitator.id, now)).toEqual([{ slug: row.slug, name: row.name }]);
		expect(await listDialoguesDue(testDb.db, member.id, now)).toEqual([]);
		expect(await listDialoguesDue(testDb.db, recent.coordinator.id, now)).toEqual([]);
		// Contract less than a year old: not due yet.
		expect(await listDialoguesDue(testDb.db, coordinator.id, new Date('2025-06-01T08:00:00Z'))).toEqual([]);
		// Same month: nothing more, even run twice at once; next month: one more.
		await Promise.all([sendDialogueReminders(testDb.db, new Date('2026-03-20T08:00:00Z')), sendDialogueReminders(testDb.db, new Date('2026-03-21T08:00:00Z'))]);
		expect(await remindedOf(coordinator.id)).toHaveLength(1);
		await sendDialogueReminders(testDb.db, new Date('2026-04-02T08:00:00Z'));
		expect(await remindedOf(coordinator.id)).toHaveLength(2);
	});
});

describe('network evaluation', () => {
	it('counts deployed missions and indicator bands per région and year, lists CPTS with no crises plan, and exports CSV', async () => {
		// Région Bretagne (53) is used by no other test of this file.
		const a = await cptsWithTeam({ regionCode: '53', department: '29', name: 'CPTS Alpha' });
		const b = await cptsWithTeam({ regionCode: '53', department: '35', name: 'CPTS Bravo' });
		const facilitator = session(a.facilitator);
		await saveContract(testDb.db, facilitator, a.row.id, contractInput());
		await saveContract(testDb.db, facilitator, b.row.id, contractInput({ optionalMissions: [] }));
		await saveMissionYear(testDb.db, facilitator, a.row.id, 2025, 'crises_sanitaires', missionInput());
		await saveMissionYear(
			testDb.db,
			facilitator,
			a.row.id,
			2025,
			'prevention',
			missionInput({
				indicators: [
					{ label: 'Dépistage', kind: 'nombre', unit: 'patients', target: 100, achieved: 120, done: null },
					{ label: 'Vaccination', kind: 'nombre', unit: '%', target: 60, achieved: null, done: null }
				]
			})
		);
		await saveMissionYear(testDb.db, facilitator, b.row.id, 2025, 'prevention', missionInput({ indicators: [{ label: 'Ateliers', kind: 'nombre', unit: '', target: 10, achieved: 3, done: null }] }));
		await saveMissionYear(testDb.db, facilitator, b.row.id, 2025, 'crises_sanitaires', missionInput({ actions: '   ' }));

		const evaluation = await networkEvaluation(testDb.db, facilitator, { regionCode: '53', year: 2025 });
		expect(evaluation.contracts).toBe(2);
		const prevention = evaluation.missions.find((row) => row.mission === 'prevention')!;
		expect(prevention).toMatchObject({ concerned: 2, deployed: 2, share: 1, bands: { atteint: 1, partiel: 0, faible: 1, non_mesure: 1 } });
		expect(evaluation.missions.find((row) => row.mission === 'crises_sanitaires')).toMatchObject({ concerned: 2, deployed: 1, share: 0.5 });
		expect(evaluation.missions.find((row) => row.mission === 'qualite_pertinence')).toMatchObject({ concerned: 1, deployed: 0 });

		const crisis = await cptsWithoutCrisisPlan(testDb.db, facilitator, { regionCode: '53', year: 2025 });
		expect(crisis.rows.map((entry) => entry.name)).toEqual(['CPTS Bravo']);
		// Before the signature year nobody is under contract.
		expect((await networkEvaluation(testDb.db, facilitator, { regionCode: '53', year: 2023 })).contracts).toBe(0);

		const csv = evaluationCsv(evaluation);
		expect(csv.startsWith('\uFEFFregion;departement;annee;mission;')).toBe(true);
		expect(csv).toContain('\r\n53;;2025;prevention;2;2;1,000;1;0;1;1\r\n');

		// A CPAM of Finistère sees its département only, whatever région it asks for.
		const cpam29 = session(await partner({ organisation: 'cpam', regionCode: '53', departementCode: '29' }));
		const scoped = await networkEvaluation(testDb.db, cpam29, { regionCode: null, year: 2025 });
		expect(scoped.place).toMatchObject({ regionCode: '53', departementCode: '29' });
		expect(scoped.contracts).toBe(1);
		expect((await cptsWithoutCrisisPlan(testDb.db, cpam29, { regionCode: null, year: 2025 })).rows).toEqual([]);
		await expectAppError(networkEvaluation(testDb.db, cpam29, { regionCode: '44', year: 2025 }), 'forbidden');
		await expectAppError(networkEvaluation(testDb.db, session(a.coordinator), { regionCode: '53', year: 2025 }), 'forbidden');
		await expectAppError(networkEvaluation(testDb.db, null, { regionCode: '53', year: 2025 }), 'unauthenticated');
	});
});

describe('indicator rows', () => {
	it('are replaced by what the form holds', async () => {
		const { row, coordinator } = await cptsWithTeam();
		await saveContract(testDb.db, session(coordinator), row.id, contractInput());
		const one = { label: 'Réunions', kind: 'nombre' as const, unit: '', target: 4, achieved: 2, done: null };
		await saveMissionYear(testDb.db, session(coordinator), row.id, 2025, 'parcours', missionInput({ indicators: [one, { ...one, label: 'Protocoles' }] }));
		await saveMissionYear(testDb.db, session(coordinator), row.id, 2025, 'parcours', missionInput({ indicators: [one] }));
		const [contract] = await testDb.db.select().from(aciContracts).where(eq(aciContracts.cptsId, row.id));
		expect((await testDb.db.select().from(aciIndicators).where(eq(aciIndicators.contractId, contract.id))).map((entry) => entry.label)).toEqual(['Réunions']);
	});
});
