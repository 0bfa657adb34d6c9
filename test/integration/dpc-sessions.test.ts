import ICAL from 'ical.js';
import { PDFDocument } from 'pdf-lib';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { dpcSessions, forumThreads, notifications } from '../../src/lib/server/db/schema';
import {
	cancelSession,
	createAction,
	createSession,
	dpcFeedSource,
	getCertificate,
	listParticipants,
	parseActionForm,
	parseSessionForm,
	participantsCsv,
	publishSession,
	recordAttendance,
	register,
	sessionEvents,
	updateSession,
	type DpcViewer,
	type SessionInput
} from '../../src/lib/server/dpc';
import { renderCalendar } from '../../src/lib/server/calendar';
import { refusal, viewerOf } from '../helpers/dpc';
import { useTestDatabase } from '../helpers/db';
import { makeAction, makeBody, makeSession, makeTrainer, makeUser } from '../helpers/factories';

const testDb = useTestDatabase();
const NOW = new Date('2026-11-29T12:00:00Z');



function form(entries: [string, string][]): FormData {
	const data = new FormData();
	for (const [key, value] of entries) data.append(key, value);
	return data;
}

/** An action form, interprofessional, for nurses and pharmacists unless told. */
function actionForm(overrides: { reference: string; professions?: string[] }): FormData {
	return form([
		['reference', overrides.reference],
		['title', 'Diagnostic territorial partagé'],
		['orientation', 'Coordination des parcours'],
		['method', 'programme_integre'],
		['format', 'mixte'],
		...(overrides.professions ?? ['infirmier', 'pharmacien']).map((code): [string, string] => ['professions', code]),
		['interprofessional', 'on'],
		['objectives', 'Réaliser un diagnostic'],
		['programme', 'Deux demi-journées']
	]);
}

/** A valid session form: one morning in Réunion on 3 December 2026. */
function sessionForm(trainerIds: string[], overrides: Record<string, string | string[]> = {}): FormData {
	const fields: Record<string, string | string[]> = {
		number: '1',
		capacity: '12',
		place: 'Saint-Denis, salle du conseil de l’Ordre',
		regionCode: '04',
		partStart: ['2026-12-03T09:00'],
		partEnd: ['2026-12-03T12:30'],
		partZone: ['Indian/Reunion'],
		registrationDeadline: '2026-12-01T18:00',
		trainerIds,
		...overrides
	};
	return form(Object.entries(fields).flatMap(([key, value]) => (Array.isArray(value) ? value.map((item) => [key, item] as [string, string]) : [[key, value] as [string, string]])));
}

function parsed(data: FormData): SessionInput {
	const result = parseSessionForm(data, NOW);
	if (!result.ok) throw new Error(JSON.stringify(result.errors));
	return result.data;
}

describe('DPC session form: bad input gets clear field errors', () => {
	it('reads a valid form with the times of the place', () => {
		const input = parsed(sessionForm(['t1']));
		expect(input.parts).toEqual([
			{ startsAt: new Date('2026-12-03T05:00:00Z'), endsAt: new Date('2026-12-03T08:30:00Z'), timeZone: 'Indian/Reunion' }
		]);
		expect(input.registrationDeadline.toISOString()).toBe('2026-12-01T14:00:00.000Z');
	});

	it('refuses end before start, overlapping parts, unknown zones, negative capacity and past deadlines', () => {
		const result = parseSessionForm(
			sessionForm(['t1'], {
				capacity: '-4',
				partStart: ['2026-12-03T09:00', '2026-12-03T11:00', '2026-12-04T14:00', '2026-12-05T09:00'],
				partEnd: ['2026-12-03T12:30', '2026-12-03T13:00', '2026-12-04T13:00', '2026-12-05T12:00'],
				partZone: ['Indian/Reunion', 'Indian/Reunion', 'Indian/Reunion', 'Mars/Olympus'],
				registrationDeadline: '2026-11-20T18:00'
			}),
			NOW
		);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors).toMatchObject({
			capacity: 'dpc.form.capacityPositive',
			'parts.1.start': 'dpc.form.partsOverlap',
			'parts.2.end': 'dpc.form.endBeforeStart',
			'parts.3.zone': 'calendar.zone.unknown',
			registrationDeadline: 'dpc.form.deadlinePast'
		});
		// What was typed comes back, every part row included.
		expect(JSON.parse(result.values.partZone)).toEqual(['Indian/Reunion', 'Indian/Reunion', 'Indian/Reunion', 'Mars/Olympus']);
		expect(result.values.capacity).toBe('-4');
	});

	it('refuses a date more than three years ahead (a slip of the year), keeping what was typed', () => {
		const result = parseSessionForm(sessionForm(['t1'], { partStart: ['2062-12-03T09:00'], partEnd: ['2062-12-03T12:30'] }), NOW);
		expect(result.ok ? null : result.errors['parts.0.start']).toBe('dpc.form.tooFar');
		expect(result.ok ? null : JSON.parse(result.values.partStart)).toEqual(['2062-12-03T09:00']);
		expect(parseSessionForm(sessionForm(['t1'], { partStart: ['2029-06-04T09:00'], partEnd: ['2029-06-04T12:30'] }), NOW).ok).toBe(true);
	});

	it('wants a place or a link, trainers, and reserved seats within capacity', () => {
		const result = parseSessionForm(sessionForm([], { place: '', capacity: '3', reserved_infirmier: '2', reserved_pharmacien: '2' }), NOW);
		expect(result.ok ? null : result.errors).toMatchObject({
			place: 'dpc.form.placeOrVideo',
			trainerIds: 'dpc.form.trainersRequired',
			reserved: 'dpc.form.reservedOverCapacity'
		});
		const link = parseSessionForm(sessionForm(['t'], { place: '', videoUrl: 'javascript:alert(1)' }), NOW);
		expect(link.ok ? null : link.errors.videoUrl).toBe('dpc.form.videoUrl');
	});

	it('checks the action reference and the interprofessional rule', () => {
		const result = parseActionForm(actionForm({ reference: '1234' }));
		expect(result.ok ? null : result.errors.reference).toBe('dpc.form.reference');
		const single = parseActionForm(actionForm({ reference: '954 523 250 12', professions: ['infirmier'] }));
		expect(single.ok ? null : single.errors.professions).toBe('dpc.form.interprofessionalNeedsTwo');
	});
});

describe('DPC sessions: who may publish and manage', () => {
	it('refuses members, and trainers of another body, to create, edit, publish, cancel or read participants', async () => {
		const body = await makeBody(testDb.db);
		const other = await makeBody(testDb.db);
		const trainer = await viewerOf(testDb.db, await makeTrainer(testDb.db, body.id));
		const outsider = await viewerOf(testDb.db, await makeTrainer(testDb.db, other.id));
		const member = await viewerOf(testDb.db, await makeUser(testDb.db));
		const action = await makeAction(testDb.db, body.id);

		const actionInput = parseActionForm(actionForm({ reference: '95452325012', professions: ['infirmier', 'pharmacien'] }));
		if (!actionInput.ok) throw new Error('action form');
		expect((await refusal(createAction(testDb.db, member, actionInput.data))).code).toBe('forbidden');
		const created = await createAction(testDb.db, trainer, actionInput.data);
		expect(created.bodyId).toBe(body.id);
		expect((await refusal(createAction(testDb.db, trainer, actionInput.data))).details.field).toBe('reference');

		const input = parsed(sessionForm([trainer.id]));
		expect((await refusal(createSession(testDb.db, member, action.id, input))).code).toBe('forbidden');
		expect((await refusal(createSession(testDb.db, outsider, action.id, { ...input, trainerIds: [outsider.id] }))).code).toBe('forbidden');
		// A trainer of another body cannot be put on the session either.
		expect((await refusal(createSession(testDb.db, trainer, action.id, { ...input, trainerIds: [outsider.id] }))).details.field).toBe('trainerIds');

		const session = await createSession(testDb.db, trainer, action.id, input);
		expect(session.status).toBe('draft');
		expect((await refusal(publishSession(testDb.db, member, session.id, NOW))).code).toBe('forbidden');
		expect((await refusal(publishSession(testDb.db, outsider, session.id, NOW))).code).toBe('forbidden');
		expect((await refusal(updateSession(testDb.db, outsider, session.id, input, NOW))).code).toBe('forbidden');
		expect((await refusal(cancelSession(testDb.db, outsider, session.id, NOW))).code).toBe('forbidden');
		expect((await refusal(listParticipants(testDb.db, outsider, session.id))).code).toBe('forbidden');
		expect((await refusal(listParticipants(testDb.db, member, session.id))).code).toBe('forbidden');
		expect((await refusal(recordAttendance(testDb.db, outsider, session.id, []))).code).toBe('forbidden');

		const published = await publishSession(testDb.db, trainer, session.id, NOW);
		expect(published.status).toBe('published');
		// The session's discussion thread was opened, linked both ways.
		const [thread] = await testDb.db.select().from(forumThreads).where(eq(forumThreads.id, published.forumThreadId!));
		expect(thread.title).toBe('Travailler en équipe pluriprofessionnelle dans une CPTS — session 1');
		expect(thread.externalKey).toBe(`dpc-session:${session.id}`);
		expect((await refusal(publishSession(testDb.db, trainer, session.id, NOW))).messageKey).toBe('dpc.session.notDraft');
	});

	it('refuses a trainer in two overlapping parts, naming the other session', async () => {
		const body = await makeBody(testDb.db);
		const trainer = await viewerOf(testDb.db, await makeTrainer(testDb.db, body.id));
		const action = await makeAction(testDb.db, body.id, { title: 'Soins non programmés en équipe' });
		await createSession(testDb.db, trainer, action.id, parsed(sessionForm([trainer.id], { number: '1' })));
		// 9:30 Paris on 3 December is 12:30 in Réunion: the first session's end, so no overlap…
		const touching = parsed(sessionForm([trainer.id], { number: '2', partStart: ['2026-12-03T09:30'], partEnd: ['2026-12-03T11:00'], partZone: ['Europe/Paris'] }));
		await createSession(testDb.db, trainer, action.id, touching);
		// …but 9:00 Paris is 12:00 in Réunion, inside it.
		const clash = parsed(sessionForm([trainer.id], { number: '3', partStart: ['2026-12-03T08:00'], partEnd: ['2026-12-03T09:00'], partZone: ['Europe/Paris'] }));
		const error = await refusal(createSession(testDb.db, trainer, action.id, clash));
		expect(error.details.field).toBe('trainerIds');
		expect(error.messageKey).toBe('dpc.form.trainerConflict');
		expect(error.details.session).toBe('Soins non programmés en équipe — session 1');
		const later = parsed(sessionForm([trainer.id], { number: '1', partStart: ['2026-12-10T09:00'], partEnd: ['2026-12-10T12:00'] }));
		expect((await refusal(createSession(testDb.db, trainer, action.id, later))).details.field).toBe('number');
	});
});

describe('DPC sessions: changes, calendars, attendance and certificates', () => {
	it('notifies the registered when a published session moves, bumps SEQUENCE, and cancels with STATUS:CANCELLED', async () => {
		const body = await makeBody(testDb.db);
		const trainer = await viewerOf(testDb.db, await makeTrainer(testDb.db, body.id));
		const action = await makeAction(testDb.db, body.id);
		const session = await createSession(testDb.db, trainer, action.id, parsed(sessionForm([trainer.id])));
		await publishSession(testDb.db, trainer, session.id, NOW);
		const nurse = await viewerOf(testDb.db, await makeUser(testDb.db, { profession: 'infirmier' }));
		await register(testDb.db, nurse, session.id, NOW);

		const moved = parsed(sessionForm([trainer.id], { partStart: ['2026-12-03T14:00'], partEnd: ['2026-12-03T17:30'] }));
		const updated = await updateSession(testDb.db, trainer, session.id, moved, NOW);
		expect(updated.sequence).toBe(1);
		const notices = await testDb.db
			.select()
			.from(notifications)
			.where(and(eq(notifications.userId, nurse.id), eq(notifications.kind, 'dpc.session_changed')));
		expect(notices).toHaveLength(1);

		const ics = renderCalendar({ name: 'Session', events: (await sessionEvents(testDb.db, session.id, 'https://reseau.example', 'fr'))! });
		let vevent = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!;
		expect(vevent.getFirstPropertyValue('sequence')).toBe(1);
		expect(vevent.getFirstPropertyValue('dtstart')!.toString()).toBe('2026-12-03T14:00:00');
		const uid = vevent.getFirstPropertyValue('uid');

		await cancelSession(testDb.db, trainer, session.id, NOW);
		const feed = renderCalendar({ name: 'Moi', events: await dpcFeedSource.eventsFor(testDb.db, nurse.id, { origin: 'https://reseau.example', locale: 'fr' }) });
		vevent = new ICAL.Component(ICAL.parse(feed)).getFirstSubcomponent('vevent')!;
		expect(vevent.getFirstPropertyValue('uid')).toBe(uid);
		expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
		expect(vevent.getFirstPropertyValue('sequence')).toBe(2);
		const [row] = await testDb.db.select().from(dpcSessions).where(eq(dpcSessions.id, session.id));
		expect(row.status).toBe('cancelled');
		expect((await refusal(updateSession(testDb.db, trainer, session.id, moved, NOW))).messageKey).toBe('dpc.session.notEditable');
	});

	it('records attendance per part, computes "fully attended", exports CSV, and gives the certificate to its participant only', async () => {
		const body = await makeBody(testDb.db, { name: 'Formations Océan Indien Santé' });
		const trainerUser = await makeTrainer(testDb.db, body.id);
		const trainer = await viewerOf(testDb.db, trainerUser);
		const outsider = await viewerOf(testDb.db, await makeTrainer(testDb.db, (await makeBody(testDb.db)).id));
		const action = await makeAction(testDb.db, body.id);
		const start = new Date(Date.now() + 5 * 86_400_000);
		const session = await makeSession(testDb.db, action.id, {
			trainerIds: [trainer.id],
			parts: [
				{ startsAt: start, endsAt: new Date(start.getTime() + 3 * 3_600_000), timeZone: 'Indian/Reunion' },
				{ startsAt: new Date(start.getTime() + 86_400_000), endsAt: new Date(start.getTime() + 86_400_000 + 4 * 3_600_000), timeZone: 'Indian/Reunion' }
			]
		});
		const alice = await viewerOf(testDb.db, await makeUser(testDb.db, { profession: 'infirmier', name: 'Alice Payet', rpps: '10003456789' }));
		const bruno = await viewerOf(testDb.db, await makeUser(testDb.db, { profession: 'medecin_generaliste', name: '=Bruno Hoarau' }));
		await register(testDb.db, alice, session.id);
		await register(testDb.db, bruno, session.id);
		const list = await listParticipants(testDb.db, trainer, session.id);
		const [first, second] = list.parts;
		const reg = (viewer: DpcViewer) => list.registered.find((person) => person.userId === viewer.id)!.registrationId;

		const marks = [
			{ registrationId: reg(alice), partId: first.id, status: 'present' as const },
			{ registrationId: reg(alice), partId: second.id, status: 'retard' as const },
			{ registrationId: reg(bruno), partId: first.id, status: 'present' as const },
			{ registrationId: reg(bruno), partId: second.id, status: 'excuse' as const }
		];
		// Before a part begins nobody can be marked (a January session is not marked in December).
		const early = await refusal(recordAttendance(testDb.db, trainer, session.id, marks));
		expect(early.messageKey).toBe('dpc.attendance.notStarted');
		expect((await listParticipants(testDb.db, trainer, session.id)).registered.every((person) => Object.keys(person.attendance).length === 0)).toBe(true);
		// During the first part, the second (tomorrow) still cannot be marked.
		const duringFirst = new Date(start.getTime() + 3_600_000);
		expect((await refusal(recordAttendance(testDb.db, trainer, session.id, marks, duringFirst))).messageKey).toBe('dpc.attendance.notStarted');
		await recordAttendance(testDb.db, trainer, session.id, marks.filter((mark) => mark.partId === first.id), duringFirst);
		// During the second part both are marked; the certificate waits for its end.
		const duringSecond = new Date(start.getTime() + 86_400_000 + 3_600_000);
		await recordAttendance(testDb.db, trainer, session.id, marks, duringSecond);
		const afterwards = new Date(start.getTime() + 2 * 86_400_000);
		// A mark for a part of another session is refused whole.
		const elsewhere = await makeSession(testDb.db, action.id);
		expect((await refusal(recordAttendance(testDb.db, trainer, session.id, [{ registrationId: reg(alice), partId: elsewhere.parts[0].id, status: 'absent' }], afterwards))).code).toBe('forbidden');

		const after = await listParticipants(testDb.db, trainer, session.id);
		expect(Object.fromEntries(after.registered.map((person) => [person.name, person.fullyAttended]))).toEqual({
			'=Bruno Hoarau': false,
			'Alice Payet': true
		});
		const csv = participantsCsv(after, {
			header: ['Nom', 'E-mail', 'Profession', 'RPPS', 'Liste', 'Inscrit le', 'Assiduité'],
			part: (index) => `Partie ${index + 1}`,
			profession: (code) => code,
			status: (code) => code,
			attendance: (code) => code,
			yes: 'Oui',
			no: 'Non'
		});
		expect(csv.startsWith('\uFEFF"Nom";"E-mail"')).toBe(true);
		expect(csv).toContain('"Alice Payet";"');
		expect(csv).toContain('"10003456789"');
		// A name starting with "=" cannot become a spreadsheet formula.
		expect(csv).toContain(`"'=Bruno Hoarau"`);
		expect(csv).toContain('"Oui";"present";"retard"');

		const label = (code: string) => (code === 'infirmier' ? 'Infirmière' : code);
		expect((await refusal(getCertificate(testDb.db, alice, session.id, 'fr', label, duringSecond))).messageKey).toBe('dpc.certificate.notYet');
		const certificate = await getCertificate(testDb.db, alice, session.id, 'fr', label, afterwards);
		const pdf = await PDFDocument.load(certificate.pdf);
		expect(pdf.getTitle()).toBe('Attestation de participation');
		expect(pdf.getSubject()).toBe(`${action.reference} — session ${session.number}`);
		expect(pdf.getAuthor()).toBe('Formations Océan Indien Santé');
		expect(certificate.fileName).toBe(`attestation-dpc-${action.reference}-session-${session.number}.pdf`);
		// Bruno missed a part; nobody else gets Alice's certificate, not even the trainer.
		expect((await refusal(getCertificate(testDb.db, bruno, session.id, 'fr', label, afterwards))).messageKey).toBe('dpc.certificate.notYet');
		expect((await refusal(getCertificate(testDb.db, trainer, session.id, 'fr', label))).code).toBe('not_found');
		expect((await refusal(getCertificate(testDb.db, outsider, session.id, 'fr', label))).code).toBe('not_found');
		expect((await refusal(getCertificate(testDb.db, null, session.id, 'fr', label))).code).toBe('unauthenticated');
	});
});
