/**
 * Steering (issue 14, items 4–6): plans d'action for the zones blanches, the stage history and
 * close support of a CPTS, the portfolio's lateness, and who may do what (the role × scope
 * matrix with its refusals). Real INSEE referential, PGlite and PostgreSQL.
 */
import { fieldErrorKey } from '../../src/lib/i18n/field-error';
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, coveragePlanCommunes, coverageSnapshots, cpts, partnerAccounts } from '../../src/lib/server/db/schema';
import type { SessionUser } from '../../src/lib/server/auth/session';
import { uncoveredUnits } from '../../src/lib/server/territories/coverage';
import { replaceTerritory } from '../../src/lib/server/territories/territory';
import {
	addFollowUp,
	addPlanLog,
	createPlan,
	getPlan,
	getSuivi,
	latenessOf,
	planFormSchema,
	plansOfDepartement,
	portfolio,
	recordStage,
	removePartnerAccount,
	setPartnerAccount,
	shiftIso,
	stageHistory,
	todayIso,
	updatePlan,
	updateSupport,
	zonesWithoutPlan,
	type PlanInput
} from '../../src/lib/server/steering';
import { LATENESS_THRESHOLDS } from '../../src/lib/server/steering/thresholds';
import { draftAccessLevel } from '../../src/lib/server/drafts/permissions';
import { canReadCategory } from '../../src/lib/server/forum/permissions';
import { load as loadPlans, actions as planListActions } from '../../src/routes/reseau/departements/[code]/plans/+page.server';
import { parseForm } from '../../src/lib/server/shared/forms';
import { useTestDatabase } from '../helpers/db';
import { makeCpts, makeMembership, makeUser } from '../helpers/factories';
import { forumViewerOf } from '../helpers/forum';
import { refusal } from '../helpers/refusal';
import { asSessionUser, routeOutcome } from '../helpers/routes';

const testDb = useTestDatabase({ referential: true });

type Made = Awaited<ReturnType<typeof makeUser>>;
const session = (user: Made): SessionUser => asSessionUser(user);

async function partner(scope: { organisation: 'ars' | 'cpam' | 'urps'; regionCode: string; departementCode?: string | null }) {
	const user = await makeUser(testDb.db, { profession: 'coordinateur_autre' });
	await testDb.db.insert(partnerAccounts).values({ userId: user.id, label: `${scope.organisation} test`, departementCode: null, ...scope });
	return user;
}

const planInput = (communes: string[], overrides: Partial<PlanInput> = {}): PlanInput => ({
	name: 'Secteur test',
	communes,
	status: 'a_lancer',
	porteur: null,
	facilitatorId: null,
	arsContact: '',
	cpamContact: '',
	targetDate: null,
	nextStep: '',
	...overrides
});

/** Uncovered communes of a département not yet in a plan (the file's tests share one database). */
async function freeCommunes(departement: string, count: number): Promise<{ code: string; name: string; population: number }[]> {
	const free = (await zonesWithoutPlan(testDb.db, departement)).flatMap((group) => group.communes);
	return free.slice(-count);
}

function planEvent(code: string, user: SessionUser | null, form?: Record<string, string | string[]>) {
	const body = new FormData();
	for (const [key, value] of Object.entries(form ?? {})) for (const one of [value].flat()) body.append(key, one);
	return {
		params: { code },
		url: new URL(`http://localhost/reseau/departements/${code}/plans`),
		locals: { user, locale: 'fr' },
		request: new Request(`http://localhost/reseau/departements/${code}/plans`, { method: 'POST', body })
	} as never;
}

describe('plans d’action', () => {
	it('creates a plan for zones blanches, lists it with its population, and leaves them out of « zones sans plan »', async () => {
		const facilitator = await makeUser(testDb.db, { roles: ['facilitator'] });
		const [a, b] = await freeCommunes('54', 2);
		const id = await createPlan(testDb.db, session(facilitator), '54', planInput([a.code, b.code], { name: 'Secteur A', porteur: 'Maison de santé de Test', facilitatorId: facilitator.id, targetDate: '2027-06-30' }));
		const plans = await plansOfDepartement(testDb.db, '54');
		const plan = plans.find((row) => row.id === id)!;
		expect(plan.communes.map((commune) => commune.code).sort()).toEqual([a.code, b.code].sort());
		expect(plan.population).toBe(a.population + b.population);
		expect(plan.facilitatorName).toBe(facilitator.name);
		const stillOpen = (await zonesWithoutPlan(testDb.db, '54')).flatMap((group) => group.communes.map((commune) => commune.code));
		expect(stillOpen).not.toContain(a.code);
		expect(stillOpen.length).toBe((await uncoveredUnits(testDb.db, '54')).length - (await plansOfDepartement(testDb.db, '54')).reduce((n, row) => n + row.communes.length, 0));
		const [audit] = await testDb.db.select().from(auditLog).where(and(eq(auditLog.action, 'plan.create'), eq(auditLog.targetId, id)));
		expect(audit.actorId).toBe(facilitator.id);
	});

	it('refuses a commune already in another plan, naming it and the plan, and saves nothing', async () => {
		const facilitator = await makeUser(testDb.db, { roles: ['facilitator'] });
		const [a, b, c] = await freeCommunes('54', 3);
		await createPlan(testDb.db, session(facilitator), '54', planInput([a.code], { name: 'Premier plan' }));
		const before = (await plansOfDepartement(testDb.db, '54')).length;
		const caught = await refusal(createPlan(testDb.db, session(facilitator), '54', planInput([b.code, a.code, c.code], { name: 'Second plan' })));
		expect(caught.code).toBe('conflict');
		expect(caught.messageKey).toBe('plans.communeInOtherPlan');
		expect(caught.details).toMatchObject({ field: 'communes', commune: `${a.name} (${a.code})`, plan: 'Premier plan' });
		expect((await plansOfDepartement(testDb.db, '54')).length).toBe(before);
		expect(await testDb.db.select().from(coveragePlanCommunes).where(eq(coveragePlanCommunes.communeCode, b.code))).toHaveLength(0);
		// The unique index is the guarantee: a direct second insert fails.
		const [row] = await testDb.db.select().from(coveragePlanCommunes).where(eq(coveragePlanCommunes.communeCode, a.code));
		const other = (await plansOfDepartement(testDb.db, '54')).find((plan) => plan.id !== row.planId)!;
		await expect(testDb.db.insert(coveragePlanCommunes).values({ planId: other.id, communeCode: a.code })).rejects.toThrow();
	});

	it('two plans saved at once with the same commune: one wins, the other is refused naming it', async () => {
		const facilitator = await makeUser(testDb.db, { roles: ['facilitator'] });
		const [a, b, c] = await freeCommunes('54', 3);
		const outcomes = await Promise.allSettled([
			createPlan(testDb.db, session(facilitator), '54', planInput([a.code, b.code], { name: 'Course 1' })),
			createPlan(testDb.db, session(facilitator), '54', planInput([c.code, a.code], { name: 'Course 2' }))
		]);
		expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
		const [lost] = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
		expect(lost.reason).toMatchObject({ code: 'conflict', messageKey: 'plans.communeInOtherPlan' });
		expect(lost.reason.details.commune).toBe(`${a.name} (${a.code})`);
		expect(await testDb.db.select().from(coveragePlanCommunes).where(eq(coveragePlanCommunes.communeCode, a.code))).toHaveLength(1);
	});

	it('refuses a commune of another département or a covered one', async () => {
		const facilitator = await makeUser(testDb.db, { roles: ['facilitator'] });
		const [vosges] = await freeCommunes('88', 1);
		const caught = await refusal(createPlan(testDb.db, session(facilitator), '54', planInput([vosges.code])));
		expect(caught.messageKey).toBe('plans.communeNotUncovered');
		expect(caught.details.commune).toBe(`${vosges.name} (${vosges.code})`);
		// A commune in a CPTS (here at the ACI stage) is no zone blanche.
		const [covered] = await freeCommunes('54', 1);
		const inCpts = await makeCpts(testDb.db, { department: '54', regionCode: '44', stage: 'aci_signe' });
		await replaceTerritory(testDb.db, inCpts.id, [covered.code]);
		expect((await refusal(createPlan(testDb.db, session(facilitator), '54', planInput([covered.code])))).messageKey).toBe('plans.communeNotUncovered');
	});

	it('edits a plan (status, communes) and keeps a dated log, newest first; no entry in the future', async () => {
		const facilitator = await makeUser(testDb.db, { roles: ['facilitator'] });
		const [a, b] = await freeCommunes('54', 2);
		const id = await createPlan(testDb.db, session(facilitator), '54', planInput([a.code]));
		await updatePlan(testDb.db, session(facilitator), '54', id, planInput([a.code, b.code], { name: 'Secteur élargi', status: 'porteur_identifie', porteur: 'Dr Test' }));
		await addPlanLog(testDb.db, session(facilitator), '54', id, { happenedOn: '2026-03-02', body: 'Réunion avec les élus.' });
		await addPlanLog(testDb.db, session(facilitator), '54', id, { happenedOn: '2026-05-10', body: 'Appel de la DD ARS.' });
		const { plan, log } = await getPlan(testDb.db, session(facilitator), '54', id);
		expect(plan).toMatchObject({ name: 'Secteur élargi', status: 'porteur_identifie', porteur: 'Dr Test' });
		expect(plan.communes).toHaveLength(2);
		expect(log.map((entry) => entry.body)).toEqual(['Appel de la DD ARS.', 'Réunion avec les élus.']);
		expect(log[0].authorName).toBe(facilitator.name);
		// The plan of another département is not found through this one.
		expect((await refusal(getPlan(testDb.db, session(facilitator), '88', id))).code).toBe('not_found');
	});

	it('validates the form with French field errors (zod)', () => {
		const form = new FormData();
		form.set('name', '');
		form.set('status', 'termine');
		form.set('targetDate', '2026-02-30');
		const parsed = parseForm(planFormSchema, form, ['communes']);
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(parsed.errors).toMatchObject({ name: 'form.required', communes: 'plans.form.noCommune', status: 'form.choice', targetDate: 'plans.form.date' });
	});

	it('through the route: keeps what was typed on error, names the commune of the overlap, redirects on success', async () => {
		const facilitator = await makeUser(testDb.db, { roles: ['facilitator'] });
		const [a, b] = await freeCommunes('54', 2);
		const created = await routeOutcome(() => planListActions.create(planEvent('54', session(facilitator), { name: 'Par la route', status: 'a_lancer', communes: [a.code] })));
		expect(created.status).toBe(303);
		expect(created.redirect).toMatch(/^\/reseau\/departements\/54\/plans\/\w+\?cree$/);
		const refused = await routeOutcome(() => planListActions.create(planEvent('54', session(facilitator), { name: 'Doublon', status: 'a_lancer', communes: [b.code, a.code], porteur: 'Mme X' })));
		const failure = refused.data as unknown as { status: number; data: { errors: Record<string, string>; messageParams: Record<string, string>; values: Record<string, string> } };
		expect(failure.status).toBe(409);
		// The field error carries its parameters (field-error.ts), so the form shows it in full.
		expect(fieldErrorKey(failure.data.errors.communes)).toBe('plans.communeInOtherPlan');
		expect(failure.data.messageParams.commune).toBe(`${a.name} (${a.code})`);
		expect(failure.data.values).toMatchObject({ name: 'Doublon', porteur: 'Mme X', communes: `${b.code},${a.code}` });
	});
});

describe('who reads and adds to the plans (role × scope)', () => {
	it('ARS Grand Est (région 44) in 54 and 88, not in 69; ARS DT 54 only 54; CPAM 974 only 974; URPS 84 in 69 not 54', async () => {
		const arsRegion = await partner({ organisation: 'ars', regionCode: '44' });
		const arsDt = await partner({ organisation: 'ars', regionCode: '44', departementCode: '54' });
		const cpam = await partner({ organisation: 'cpam', regionCode: '04', departementCode: '974' });
		const urps = await partner({ organisation: 'urps', regionCode: '84' });
		const matrix: [Made, string, boolean][] = [
			[arsRegion, '54', true],
			[arsRegion, '88', true],
			[arsRegion, '69', false],
			[arsDt, '54', true],
			[arsDt, '88', false],
			[cpam, '974', true],
			[cpam, '54', false],
			[urps, '69', true],
			[urps, '54', false]
		];
		for (const [user, departement, allowed] of matrix) {
			const outcome = await routeOutcome(() => loadPlans(planEvent(departement, session(user))));
			expect({ departement, label: user.id, status: outcome.status ?? 200 }).toEqual({ departement, label: user.id, status: allowed ? 200 : 403 });
			const [commune] = await freeCommunes(departement, 1);
			const created = createPlan(testDb.db, session(user), departement, planInput([commune.code], { name: `Plan ${departement} ${user.id}` }));
			if (allowed) await expect(created).resolves.toBeTypeOf('string');
			else expect((await refusal(created)).code).toBe('forbidden');
		}
	});

	it('a partner adds to the log of a plan in scope, not outside it', async () => {
		const facilitator = await makeUser(testDb.db, { roles: ['facilitator'] });
		const arsDt = await partner({ organisation: 'ars', regionCode: '44', departementCode: '54' });
		const urps = await partner({ organisation: 'urps', regionCode: '84' });
		const [a] = await freeCommunes('54', 1);
		const id = await createPlan(testDb.db, session(facilitator), '54', planInput([a.code]));
		await addPlanLog(testDb.db, session(arsDt), '54', id, { happenedOn: todayIso(), body: 'La DD a rencontré le porteur.' });
		expect((await refusal(addPlanLog(testDb.db, session(urps), '54', id, { happenedOn: todayIso(), body: 'x' }))).code).toBe('forbidden');
		expect((await getPlan(testDb.db, session(facilitator), '54', id)).log[0].authorName).toBe(arsDt.name);
	});

	it('refuses members and trainers (403) and sends visitors to sign in', async () => {
		const member = await makeUser(testDb.db);
		const trainer = await makeUser(testDb.db, { roles: ['trainer'] });
		expect(await routeOutcome(() => loadPlans(planEvent('54', session(member))))).toEqual({ status: 403 });
		expect(await routeOutcome(() => loadPlans(planEvent('54', session(trainer))))).toEqual({ status: 403 });
		const visitor = await routeOutcome(() => loadPlans(planEvent('54', null)));
		expect(visitor.status).toBe(303);
		expect(visitor.redirect).toBe('/connexion?redirectTo=%2Freseau%2Fdepartements%2F54%2Fplans');
		const [a] = await freeCommunes('54', 1);
		expect((await refusal(createPlan(testDb.db, session(member), '54', planInput([a.code])))).code).toBe('forbidden');
		expect((await refusal(createPlan(testDb.db, null, '54', planInput([a.code])))).code).toBe('unauthenticated');
	});

	it('only admins create partner accounts; the scope must hold together; audited', async () => {
		const admin = await makeUser(testDb.db, { roles: ['admin'] });
		const facilitator = await makeUser(testDb.db, { roles: ['facilitator'] });
		const ars = await partner({ organisation: 'ars', regionCode: '44' });
		const target = await makeUser(testDb.db);
		const input = { email: target.email, organisation: 'cpam' as const, regionCode: '44', departementCode: '54', label: 'CPAM de Meurthe-et-Moselle' };
		expect((await refusal(setPartnerAccount(testDb.db, session(ars), input))).code).toBe('forbidden');
		expect((await refusal(setPartnerAccount(testDb.db, session(facilitator), input))).code).toBe('forbidden');
		expect((await refusal(setPartnerAccount(testDb.db, session(admin), { ...input, departementCode: '69' }))).messageKey).toBe('plans.partner.departementOutsideRegion');
		await setPartnerAccount(testDb.db, session(admin), input);
		const [row] = await testDb.db.select().from(partnerAccounts).where(eq(partnerAccounts.userId, target.id));
		expect(row).toMatchObject({ organisation: 'cpam', departementCode: '54' });
		expect((await testDb.db.select().from(auditLog).where(and(eq(auditLog.action, 'partner.set'), eq(auditLog.targetId, target.id)))).length).toBe(1);
		expect((await refusal(removePartnerAccount(testDb.db, session(ars), target.id))).code).toBe('forbidden');
		expect(await removePartnerAccount(testDb.db, session(admin), target.id)).toBe(true);
	});

	it('a partner account grants nothing else: no private forum space, no draft, unless a CPTS invites them', async () => {
		const ars = await partner({ organisation: 'ars', regionCode: '44' });
		const inGrandEst = await makeCpts(testDb.db, { regionCode: '44', department: '54' });
		const space = { kind: 'cpts', cptsId: inGrandEst.id };
		expect(canReadCategory(await forumViewerOf(testDb.db, ars), space)).toBe(false);
		expect(draftAccessLevel(session(ars), null, false)).toBe('none');
		expect(session(ars).roles).toEqual([]);
		await makeMembership(testDb.db, inGrandEst.id, ars.id, { status: 'active' });
		expect(canReadCategory(await forumViewerOf(testDb.db, ars), space)).toBe(true);
	});
});

describe('stage history and close support', () => {
	it('orders the history, moves the current stage forward and snapshots coverage; refuses future and contradicting dates', async () => {
		const facilitator = await makeUser(testDb.db, { roles: ['facilitator'] });
		const row = await makeCpts(testDb.db, { stage: 'initiative', department: '54', regionCode: '44' });
		const snapshotsBefore = (await testDb.db.select().from(coverageSnapshots)).length;
		expect(await recordStage(testDb.db, session(facilitator), row.id, { stage: 'projet_depose', reachedOn: '2025-09-15', note: '' })).toEqual({ stageChanged: true });
		expect(await recordStage(testDb.db, session(facilitator), row.id, { stage: 'lettre_intention', reachedOn: '2024-11-04', note: 'Validée par la DD.' })).toEqual({ stageChanged: false });
		const history = await stageHistory(testDb.db, row.id);
		expect(history.map((event) => [event.stage, event.reachedOn])).toEqual([
			['lettre_intention', '2024-11-04'],
			['projet_depose', '2025-09-15']
		]);
		const [updated] = await testDb.db.select().from(cpts).where(eq(cpts.id, row.id));
		expect(updated.stage).toBe('projet_depose');
		expect((await testDb.db.select().from(coverageSnapshots)).length).toBeGreaterThan(snapshotsBefore);
		expect((await testDb.db.select().from(coverageSnapshots).where(eq(coverageSnapshots.reason, 'stage'))).length).toBeGreaterThan(0);

		const contradicting = await refusal(recordStage(testDb.db, session(facilitator), row.id, { stage: 'projet_valide', reachedOn: '2025-01-01', note: '' }));
		expect(contradicting.messageKey).toBe('plans.stage.contradicts');
		expect(contradicting.details).toMatchObject({ stage: 'projet_depose', date: '2025-09-15' });
	});

	it('refuses a date in the future at the form', async () => {
		const { stageEventSchema } = await import('../../src/lib/server/steering');
		const form = new FormData();
		form.set('stage', 'aci_signe');
		form.set('reachedOn', shiftIso(todayIso(), { days: -3 }));
		const parsed = parseForm(stageEventSchema, form);
		expect(parsed.ok ? null : parsed.errors.reachedOn).toBe('plans.form.future');
	});

	it('coordinators read their own CPTS’s history but not the close-support notes; partners in scope add; others refused', async () => {
		const facilitator = await makeUser(testDb.db, { roles: ['facilitator'] });
		const coordinator = await makeUser(testDb.db);
		const member = await makeUser(testDb.db);
		const arsRegion = await partner({ organisation: 'ars', regionCode: '44' });
		const urps = await partner({ organisation: 'urps', regionCode: '84' });
		const row = await makeCpts(testDb.db, { department: '88', regionCode: '44' });
		await makeMembership(testDb.db, row.id, coordinator.id, { role: 'coordinator' });
		await makeMembership(testDb.db, row.id, member.id);
		await updateSupport(testDb.db, session(facilitator), row.id, { facilitatorId: facilitator.id, partnerContacts: 'DD ARS 88 : M. Test', closeSupport: true, closeSupportReason: 'Départ de la coordinatrice' });
		await addFollowUp(testDb.db, session(arsRegion), row.id, { happenedOn: todayIso(), body: 'Point avec le bureau.' });

		const full = await getSuivi(testDb.db, session(facilitator), row.id);
		expect(full.support?.followUps.map((entry) => entry.body)).toEqual(['Point avec le bureau.']);
		const asCoordinator = await getSuivi(testDb.db, session(coordinator), row.id);
		expect(asCoordinator.facilitator?.name).toBe(facilitator.name);
		expect(asCoordinator.support).toBeNull();
		expect(asCoordinator.access).toMatchObject({ readsHistory: true, adds: false, manages: false });
		expect((await refusal(addFollowUp(testDb.db, session(coordinator), row.id, { happenedOn: todayIso(), body: 'x' }))).code).toBe('forbidden');
		expect((await refusal(getSuivi(testDb.db, session(member), row.id))).code).toBe('forbidden');
		expect((await refusal(getSuivi(testDb.db, session(urps), row.id))).code).toBe('forbidden');
		// Partners add, but only facilitators change the accompaniment.
		expect((await refusal(updateSupport(testDb.db, session(arsRegion), row.id, { facilitatorId: null, partnerContacts: '', closeSupport: false, closeSupportReason: '' }))).code).toBe('forbidden');
	});
});

describe('portfolio lateness', () => {
	it('applies the thresholds of thresholds.ts to the dated stage history', () => {
		const today = '2026-12-07';
		const months = (n: number) => shiftIso(today, { months: n });
		const kinds = (row: Parameters<typeof latenessOf>[0]) => latenessOf(row, today).map((late) => late.kind);
		const base = { closeSupport: false, lastFollowUp: null };
		expect(kinds({ ...base, stage: 'lettre_intention', stageSince: months(LATENESS_THRESHOLDS.lettreIntentionWithoutProjetMonths + 1) })).toEqual(['lettreSansProjet']);
		expect(kinds({ ...base, stage: 'lettre_intention', stageSince: months(LATENESS_THRESHOLDS.lettreIntentionWithoutProjetMonths - 1) })).toEqual([]);
		expect(kinds({ ...base, stage: 'projet_depose', stageSince: months(7) })).toEqual(['projetNonValide']);
		expect(kinds({ ...base, stage: 'projet_valide', stageSince: months(7) })).toEqual(['projetSansAci']);
		expect(kinds({ ...base, stage: 'aci_signe', stageSince: months(40) })).toEqual([]);
		expect(kinds({ stage: 'aci_signe', stageSince: null, closeSupport: true, lastFollowUp: null })).toEqual(['suiviRapproche']);
		expect(kinds({ stage: 'aci_signe', stageSince: null, closeSupport: true, lastFollowUp: shiftIso(today, { days: 61 }) })).toEqual(['suiviRapproche']);
		expect(kinds({ stage: 'aci_signe', stageSince: null, closeSupport: true, lastFollowUp: shiftIso(today, { days: 59 }) })).toEqual([]);
	});

	it('lists a facilitator’s CPTS and plans with what is late; admins may see all; others refused', async () => {
		const facilitator = await makeUser(testDb.db, { roles: ['facilitator'] });
		const admin = await makeUser(testDb.db, { roles: ['admin'] });
		const late = await makeCpts(testDb.db, { stage: 'initiative', department: '54', regionCode: '44', facilitatorId: facilitator.id });
		const onTime = await makeCpts(testDb.db, { stage: 'initiative', department: '54', regionCode: '44', facilitatorId: facilitator.id });
		await makeCpts(testDb.db, { department: '54', regionCode: '44' });
		await recordStage(testDb.db, session(facilitator), late.id, { stage: 'lettre_intention', reachedOn: '2025-01-10', note: '' });
		await recordStage(testDb.db, session(facilitator), onTime.id, { stage: 'lettre_intention', reachedOn: '2026-10-01', note: '' });
		const [a] = await freeCommunes('54', 1);
		await createPlan(testDb.db, session(facilitator), '54', planInput([a.code], { name: 'Plan échu', facilitatorId: facilitator.id, targetDate: '2026-06-30' }));

		const mine = await portfolio(testDb.db, session(facilitator), { today: '2026-12-07' });
		expect(mine.cpts.map((row) => row.id).sort()).toEqual([late.id, onTime.id].sort());
		expect(mine.cpts.find((row) => row.id === late.id)?.late).toEqual([{ kind: 'lettreSansProjet', since: '2025-01-10' }]);
		expect(mine.cpts.find((row) => row.id === onTime.id)?.late).toEqual([]);
		expect(mine.plans.find((plan) => plan.name === 'Plan échu')?.late).toEqual([{ kind: 'planEchu', since: '2026-06-30' }]);
		// A facilitator asking for all still gets hers; an admin gets the network.
		expect((await portfolio(testDb.db, session(facilitator), { all: true })).all).toBe(false);
		expect((await portfolio(testDb.db, session(admin), { all: true })).cpts.length).toBeGreaterThan(2);
		const ars = await partner({ organisation: 'ars', regionCode: '44' });
		expect((await refusal(portfolio(testDb.db, session(ars)))).code).toBe('forbidden');
		expect((await refusal(portfolio(testDb.db, session(await makeUser(testDb.db))))).code).toBe('forbidden');
	});
});
