import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { dpcDeclaredActions } from '../../src/lib/server/db/schema';
import {
	addOrientation,
	addPeriod,
	declareAction,
	deleteDeclaredAction,
	getMyObligation,
	listParticipants,
	parseDeclaredActionForm,
	parseOrientationForm,
	recordAttendance,
	register,
	updateDeclaredAction,
	type DeclaredActionInput
} from '../../src/lib/server/dpc';
import { refusal, viewerOf } from '../helpers/dpc';
import { useTestDatabase } from '../helpers/db';
import { makeAction, makeBody, makeSession, makeTrainer, makeUser } from '../helpers/factories';

const testDb = useTestDatabase();
const NOW = new Date('2026-12-07T10:00:00Z');
const ORIENTATION = 'Coordination des parcours de santé et exercice coordonné';

function form(entries: Record<string, string>): FormData {
	const data = new FormData();
	for (const [key, value] of Object.entries(entries)) data.append(key, value);
	return data;
}

const valid = { title: 'Prévention des chutes de la personne âgée', method: 'evaluation_pratiques', completedOn: '2026-03-12', priority: 'yes', bodyName: 'ODPC Grand Est Santé' };

/** A nurse who attended, whole, a 3-hour formation continue session here in November 2026. */
async function nurseWithSession() {
	const body = await makeBody(testDb.db);
	const trainer = await viewerOf(testDb.db, await makeTrainer(testDb.db, body.id));
	const action = await makeAction(testDb.db, body.id, { method: 'formation_continue', orientation: ORIENTATION });
	const start = new Date('2026-11-16T08:00:00Z');
	const session = await makeSession(testDb.db, action.id, {
		trainerIds: [trainer.id],
		parts: [{ startsAt: start, endsAt: new Date(start.getTime() + 3 * 3_600_000), timeZone: 'Europe/Paris' }],
		registrationDeadline: new Date('2026-11-10T00:00:00Z')
	});
	const nurse = await makeUser(testDb.db, { profession: 'infirmier' });
	await register(testDb.db, await viewerOf(testDb.db, nurse), session.id, new Date('2026-11-01T00:00:00Z'));
	const [person] = (await listParticipants(testDb.db, trainer, session.id)).registered;
	await recordAttendance(testDb.db, trainer, session.id, [{ registrationId: person.registrationId, partId: session.parts[0].id, status: 'present' }], NOW);
	return nurse;
}

describe('Mon obligation DPC: declared actions', () => {
	it('refuses bad input with a message per field, keeping what was typed', () => {
		const empty = parseDeclaredActionForm(form({ title: ' ', method: 'atelier', completedOn: '2026-02-30', priority: '', bodyName: '' }), NOW);
		expect(empty.ok).toBe(false);
		if (empty.ok) return;
		expect(empty.errors).toEqual({
			title: 'form.required',
			method: 'form.choice',
			completedOn: 'obligation.form.date',
			priority: 'obligation.form.priorityRequired',
			bodyName: 'form.required'
		});
		expect(empty.values.completedOn).toBe('2026-02-30');
		const future = parseDeclaredActionForm(form({ ...valid, completedOn: '2026-12-08' }), NOW);
		expect(future.ok ? null : future.errors).toEqual({ completedOn: 'obligation.form.future' });
		const parsed = parseDeclaredActionForm(form(valid), NOW);
		expect(parsed.ok && parsed.data).toMatchObject({ answersPriority: true, orientationId: null, completedOn: '2026-03-12' });
	});

	it('refuses a date in no recorded period and an orientation of another period; saves nothing', async () => {
		const nurse = await makeUser(testDb.db, { profession: 'infirmier' });
		const admin = await viewerOf(testDb.db, await makeUser(testDb.db, { roles: ['admin'] }));
		const input = (overrides: Partial<DeclaredActionInput>): DeclaredActionInput => ({ ...valid, method: 'evaluation_pratiques', answersPriority: true, orientationId: null, ...overrides });
		const old = await refusal(declareAction(testDb.db, nurse.id, input({ completedOn: '2019-05-02' })));
		expect([old.messageKey, old.details.field]).toEqual(['obligation.form.noPeriod', 'completedOn']);
		const earlier = await addOrientation(testDb.db, admin, { periodId: 'dpc-period-2023', number: 1, title: 'Orientation de la période 2023–2025', source: 'Arrêté du 7 septembre 2022' });
		const other = await refusal(declareAction(testDb.db, nurse.id, input({ orientationId: earlier.id })));
		expect([other.messageKey, other.details.field]).toEqual(['obligation.form.orientationOtherPeriod', 'priority']);
		expect(await testDb.db.select().from(dpcDeclaredActions).where(eq(dpcDeclaredActions.userId, nurse.id))).toHaveLength(0);
	});

	it('edits and deletes her own declarations only', async () => {
		const nurse = await makeUser(testDb.db, { profession: 'infirmier' });
		const other = await makeUser(testDb.db, { profession: 'pharmacien' });
		const input: DeclaredActionInput = { ...valid, method: 'gestion_risques', answersPriority: false, orientationId: null };
		const declared = await declareAction(testDb.db, nurse.id, input);
		expect((await refusal(updateDeclaredAction(testDb.db, other.id, declared.id, { ...input, title: 'Pris' }))).code).toBe('not_found');
		expect((await refusal(deleteDeclaredAction(testDb.db, other.id, declared.id))).code).toBe('not_found');
		const updated = await updateDeclaredAction(testDb.db, nurse.id, declared.id, { ...input, title: 'Revue de morbi-mortalité', answersPriority: true });
		expect([updated.title, updated.answersPriority]).toEqual(['Revue de morbi-mortalité', true]);
		await deleteDeclaredAction(testDb.db, nurse.id, declared.id);
		expect(await testDb.db.select().from(dpcDeclaredActions).where(eq(dpcDeclaredActions.id, declared.id))).toHaveLength(0);
	});
});

describe('Mon obligation DPC: where she stands', () => {
	it('counts sessions attended here and declared actions of the current period, and says honestly when orientations are not published', async () => {
		const nurse = await nurseWithSession();
		let mine = await getMyObligation(testDb.db, nurse, 'fr-FR', NOW);
		expect([mine.period?.startYear, mine.period?.endYear]).toEqual([2026, 2028]);
		expect(mine.certificationPeriodique).toBe(true);
		expect(mine.orientations).toEqual([]);
		expect(mine.sessions.map((session) => [session.method, session.priority, session.endedOn])).toEqual([['formation_continue', 'unknown', '2026-11-16']]);
		// One type only: unmet, whatever the orientations.
		expect(mine.verdict).toMatchObject({ status: 'unmet', typesMetBy: null, priority: 'unknown' });

		// A declaration outside the period does not count; one in it, of another type, does.
		await declareAction(testDb.db, nurse.id, { ...valid, completedOn: '2025-06-01', method: 'gestion_risques', answersPriority: true, orientationId: null });
		await declareAction(testDb.db, nurse.id, { ...valid, method: 'evaluation_pratiques', answersPriority: false, orientationId: null });
		mine = await getMyObligation(testDb.db, nurse, 'fr-FR', NOW);
		expect(mine.declared.map((action) => action.completedOn)).toEqual(['2026-03-12']);
		expect(mine.verdict).toMatchObject({ status: 'undetermined', typesMetBy: 'two_types', priority: 'unknown' });

		// Once the admin enters the period's orientations, the session's own orientation is recognised.
		const admin = await viewerOf(testDb.db, await makeUser(testDb.db, { roles: ['admin'] }));
		const parsed = parseOrientationForm(form({ periodId: 'dpc-period-2026', number: '', title: ORIENTATION.toUpperCase(), source: 'Arrêté (exemple de test)' }));
		expect(parsed.ok).toBe(true);
		if (!parsed.ok) return;
		await addOrientation(testDb.db, admin, parsed.data);
		mine = await getMyObligation(testDb.db, nurse, 'fr-FR', NOW);
		expect(mine.sessions[0].priority).toBe('yes');
		expect(mine.verdict?.status).toBe('met');

		// An orthophoniste has no ordre: nothing about the certification périodique.
		expect((await getMyObligation(testDb.db, await makeUser(testDb.db, { profession: 'orthophoniste' }), 'fr-FR', NOW)).certificationPeriodique).toBe(false);
	});

	it('lets only admins keep the referential, without duplicates or overlapping periods', async () => {
		const member = await viewerOf(testDb.db, await makeUser(testDb.db));
		const admin = await viewerOf(testDb.db, await makeUser(testDb.db, { roles: ['admin'] }));
		const orientation = { periodId: 'dpc-period-2026', number: 3, title: 'Soins palliatifs', source: 'Arrêté (exemple de test)' };
		expect((await refusal(addOrientation(testDb.db, member, orientation))).code).toBe('forbidden');
		expect((await refusal(addPeriod(testDb.db, member, { startYear: 2029, source: 'CSP art. L4021-1' }))).code).toBe('forbidden');
		await addOrientation(testDb.db, admin, orientation);
		expect((await refusal(addOrientation(testDb.db, admin, orientation))).messageKey).toBe('obligation.admin.duplicate');
		expect((await refusal(addOrientation(testDb.db, admin, { ...orientation, periodId: 'nope' }))).messageKey).toBe('obligation.admin.unknownPeriod');
		expect((await refusal(addPeriod(testDb.db, admin, { startYear: 2027, source: 'CSP art. L4021-1' }))).messageKey).toBe('obligation.admin.periodOverlaps');
		const next = await addPeriod(testDb.db, admin, { startYear: 2029, source: 'CSP art. L4021-1' });
		expect(next.endYear).toBe(2031);
	});
});
