import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { dpcActions } from '../../src/lib/server/db/schema';
import { getCertificate, getMyTraining, getSessionPage, listParticipants, mondpcActionUrl, parseAttendanceForm, recordAttendance, register } from '../../src/lib/server/dpc';
import { pdfLines, refusal, viewerOf } from '../helpers/dpc';
import { useTestDatabase } from '../helpers/db';
import { makeAction, makeBody, makeSession, makeTrainer, makeUser } from '../helpers/factories';

const testDb = useTestDatabase();
const HOUR = 3_600_000;

/** A session of two parts (3 h, then 4 h the next day) that began three days ago, with two nurses registered. */
async function pastSession() {
	const body = await makeBody(testDb.db, { name: 'Formations Santé Territoires' });
	const trainer = await viewerOf(testDb.db, await makeTrainer(testDb.db, body.id));
	const action = await makeAction(testDb.db, body.id);
	const start = new Date(Date.now() - 3 * 86_400_000);
	const second = new Date(start.getTime() + 86_400_000);
	const session = await makeSession(testDb.db, action.id, {
		trainerIds: [trainer.id],
		parts: [
			{ startsAt: start, endsAt: new Date(start.getTime() + 3 * HOUR), timeZone: 'Europe/Paris' },
			{ startsAt: second, endsAt: new Date(second.getTime() + 4 * HOUR), timeZone: 'Europe/Paris' }
		],
		registrationDeadline: new Date(start.getTime() - 86_400_000)
	});
	const alice = await viewerOf(testDb.db, await makeUser(testDb.db, { profession: 'infirmier', name: 'Alice Perrin' }));
	const carla = await viewerOf(testDb.db, await makeUser(testDb.db, { profession: 'infirmier', name: 'Carla Simon' }));
	// They registered a week before.
	const registeredAt = new Date(start.getTime() - 7 * 86_400_000);
	await register(testDb.db, alice, session.id, registeredAt);
	await register(testDb.db, carla, session.id, registeredAt);
	const list = await listParticipants(testDb.db, trainer, session.id);
	const reg = (userId: string) => list.registered.find((person) => person.userId === userId)!.registrationId;
	return { trainer, session, parts: list.parts, alice, carla, aliceReg: reg(alice.id), carlaReg: reg(carla.id) };
}

describe('DPC attendance: minutes actually attended', () => {
	it('reads minutes from the form beside each mark; empty means the whole part, anything else that is not a whole number is kept for refusal', () => {
		const data = new FormData();
		data.append('a:reg1:part1', 'retard');
		data.append('m:reg1:part1', ' 150 ');
		data.append('a:reg1:part2', 'present');
		data.append('m:reg1:part2', '');
		data.append('a:reg2:part1', 'present');
		data.append('m:reg2:part1', 'deux heures');
		const marks = parseAttendanceForm(data);
		expect(marks.map((mark) => mark.minutesAttended)).toEqual([150, null, Number.NaN]);
	});

	it('refuses minutes beyond the part, negative or not whole, and saves nothing of the sheet', async () => {
		const { trainer, session, parts, aliceReg, carlaReg } = await pastSession();
		const [first, second] = parts;
		const good = { registrationId: carlaReg, partId: first.id, status: 'present' as const, minutesAttended: null };
		for (const [minutesAttended, key] of [
			[241, 'dpc.attendance.minutesTooMany'],
			[-5, 'dpc.attendance.minutesInvalid'],
			[12.5, 'dpc.attendance.minutesInvalid'],
			[Number.NaN, 'dpc.attendance.minutesInvalid']
		] as const) {
			const failure = await refusal(
				recordAttendance(testDb.db, trainer, session.id, [good, { registrationId: aliceReg, partId: second.id, status: 'retard', minutesAttended }])
			);
			expect(failure.messageKey).toBe(key);
		}
		expect((await refusal(recordAttendance(testDb.db, trainer, session.id, [{ ...good, minutesAttended: 181 }]))).details).toEqual({ part: 1, max: 180 });
		const list = await listParticipants(testDb.db, trainer, session.id);
		expect(list.registered.every((person) => Object.keys(person.attendance).length === 0)).toBe(true);
		// Before the part took place, minutes are refused like any mark.
		const beforeStart = new Date(first.startsAt.getTime() - 60_000);
		expect((await refusal(recordAttendance(testDb.db, trainer, session.id, [{ ...good, minutesAttended: 60 }], beforeStart))).messageKey).toBe(
			'dpc.attendance.notStarted'
		);
	});

	it('states the hours attended on the certificate, and « l’intégralité » only when every part was attended whole', async () => {
		const { trainer, session, parts, alice, carla, aliceReg, carlaReg } = await pastSession();
		const [first, second] = parts;
		await recordAttendance(testDb.db, trainer, session.id, [
			{ registrationId: aliceReg, partId: first.id, status: 'present', minutesAttended: null },
			// Arrived 90 minutes late to the 4-hour part.
			{ registrationId: aliceReg, partId: second.id, status: 'retard', minutesAttended: 150 },
			{ registrationId: carlaReg, partId: first.id, status: 'present', minutesAttended: 180 },
			{ registrationId: carlaReg, partId: second.id, status: 'present', minutesAttended: null }
		]);
		const list = await listParticipants(testDb.db, trainer, session.id);
		expect(Object.fromEntries(list.registered.map((person) => [person.name, person.fullyAttended]))).toEqual({ 'Alice Perrin': false, 'Carla Simon': true });
		expect(list.registered.find((person) => person.name === 'Alice Perrin')!.attendance[second.id]).toEqual({ status: 'retard', minutesAttended: 150 });

		const label = (code: string) => code;
		const partial = (await pdfLines((await getCertificate(testDb.db, alice, session.id, 'fr', label)).pdf)).join('\n');
		expect(partial).toContain('a suivi en partie');
		expect(partial).not.toContain('intégralité');
		expect(partial).toContain('3 h suivies sur 3 h');
		expect(partial).toContain('2,5 h suivies sur 4 h');
		expect(partial).toContain('Heures suivies : 5,5 sur 7 heures');

		const whole = (await pdfLines((await getCertificate(testDb.db, carla, session.id, 'fr', label)).pdf)).join('\n');
		expect(whole).toContain('a suivi l’intégralité');
		expect(whole).toContain('Heures suivies : 7 sur 7 heures');

		// Her hours of the year count what she attended, not the session's length.
		const training = await getMyTraining(testDb.db, alice.id, 'Europe/Paris', 'fr-FR');
		expect(training.hoursByYear.reduce((sum, entry) => sum + entry.hours, 0)).toBe(5.5);

		// Marked absent after all: the minutes go, and so does the certificate.
		await recordAttendance(testDb.db, trainer, session.id, [{ registrationId: aliceReg, partId: second.id, status: 'absent', minutesAttended: 150 }]);
		const after = await listParticipants(testDb.db, trainer, session.id);
		expect(after.registered.find((person) => person.name === 'Alice Perrin')!.attendance[second.id]).toEqual({ status: 'absent', minutesAttended: null });
		expect((await refusal(getCertificate(testDb.db, alice, session.id, 'fr', label))).messageKey).toBe('dpc.certificate.notYet');
	});
});

describe('DPC sessions funded by the ANDPC', () => {
	it('builds the national site link from the configured pattern, the reference passed as it is', () => {
		expect(mondpcActionUrl('27812600001', 'https://dpc.exemple.fr/actions?ref={reference}')).toBe('https://dpc.exemple.fr/actions?ref=27812600001');
		// A pattern without {reference} opens the site; the page shows the reference to search for.
		expect(mondpcActionUrl('27812600001', 'https://www.mondpc.fr/')).toBe('https://www.mondpc.fr/');
	});

	it('shows how to register on the national DPC site only for an ANDPC-funded action', async () => {
		const { session, alice } = await pastSession();
		const page = () => getSessionPage(testDb.db, alice, session.id, 'Europe/Paris', 'fr-FR');
		expect((await page()).mondpc).toBeNull();
		const action = (await page()).action;
		await testDb.db.update(dpcActions).set({ andpcFunded: true }).where(eq(dpcActions.id, action.id));
		const mondpc = (await page()).mondpc!;
		expect(mondpc.reference).toBe(action.reference);
		expect(mondpc.url).toBe(mondpcActionUrl(action.reference));
	});
});
