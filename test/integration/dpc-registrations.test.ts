import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { dpcRegistrations, dpcSessions, notifications } from '../../src/lib/server/db/schema';
import { cancelRegistration, register, type DpcViewer } from '../../src/lib/server/dpc';
import { refusalFailure } from '../../src/lib/server/shared/http';
import { refusal, viewerOf } from '../helpers/dpc';
import { useTestDatabase } from '../helpers/db';
import { makeAction, makeBody, makeSession, makeTrainer, makeUser } from '../helpers/factories';

const testDb = useTestDatabase();

async function person(profession = 'infirmier'): Promise<DpcViewer> {
	return viewerOf(testDb.db, await makeUser(testDb.db, { profession }));
}


async function lists(sessionId: string) {
	const rows = await testDb.db
		.select({ userId: dpcRegistrations.userId, status: dpcRegistrations.status })
		.from(dpcRegistrations)
		.where(eq(dpcRegistrations.sessionId, sessionId));
	const [session] = await testDb.db.select({ status: dpcSessions.status }).from(dpcSessions).where(eq(dpcSessions.id, sessionId));
	return {
		registered: rows.filter((row) => row.status === 'registered').map((row) => row.userId),
		waitlisted: rows.filter((row) => row.status === 'waitlisted').map((row) => row.userId),
		status: session.status
	};
}

async function setting() {
	const body = await makeBody(testDb.db);
	const trainer = await makeTrainer(testDb.db, body.id);
	const action = await makeAction(testDb.db, body.id);
	return { body, trainer, action };
}

describe('DPC registration: eligibility', () => {
	it('refuses professions the session does not target, and says why', async () => {
		const { action } = await setting();
		const session = await makeSession(testDb.db, action.id);
		const pharmacist = await person('pharmacien');
		const error = await refusal(register(testDb.db, pharmacist, session.id));
		expect(error.messageKey).toBe('dpc.ineligible.profession');
		expect((await register(testDb.db, await person('infirmier'), session.id)).status).toBe('registered');
	});

	it('closes at the deadline, hides drafts, refuses cancelled sessions, its trainers and a second registration', async () => {
		const { action, trainer } = await setting();
		const start = new Date(Date.now() + 10 * 86_400_000);
		const parts = [{ startsAt: start, endsAt: new Date(start.getTime() + 7_200_000), timeZone: 'Europe/Paris' }];
		const closed = await makeSession(testDb.db, action.id, { parts, registrationDeadline: new Date(Date.now() - 60_000) });
		const nurse = await person();
		expect((await refusal(register(testDb.db, nurse, closed.id))).messageKey).toBe('dpc.ineligible.deadlinePassed');

		const draft = await makeSession(testDb.db, action.id, { status: 'draft' });
		expect((await refusal(register(testDb.db, nurse, draft.id))).code).toBe('not_found');
		const cancelled = await makeSession(testDb.db, action.id, { status: 'cancelled' });
		expect((await refusal(register(testDb.db, nurse, cancelled.id))).messageKey).toBe('dpc.ineligible.cancelled');

		const open = await makeSession(testDb.db, action.id, { trainerIds: [trainer.id] });
		const trainerViewer = await viewerOf(testDb.db, trainer);
		expect((await refusal(register(testDb.db, trainerViewer, open.id))).messageKey).toBe('dpc.ineligible.trainer');
		await register(testDb.db, nurse, open.id);
		expect((await refusal(register(testDb.db, nurse, open.id))).messageKey).toBe('dpc.ineligible.already');
		expect((await refusal(register(testDb.db, null, open.id))).code).toBe('unauthenticated');
	});
});

describe('DPC registration: verified addresses only', () => {
	it('refuses a seat and a waiting-list place to an unverified address, with the way to verify it', async () => {
		const { action } = await setting();
		const open = await makeSession(testDb.db, action.id, { capacity: 1 });
		const unverified = await viewerOf(testDb.db, await makeUser(testDb.db, { emailVerifiedAt: null }));
		const seat = await refusal(register(testDb.db, unverified, open.id));
		expect(seat).toMatchObject({ code: 'email_unverified', messageKey: 'error.emailUnverified' });

		await register(testDb.db, await person(), open.id);
		expect((await lists(open.id)).status).toBe('full');
		const place = await refusal(register(testDb.db, unverified, open.id));
		expect(place.code).toBe('email_unverified');
		expect((await lists(open.id)).waitlisted).toEqual([]);

		// The page shows the refusal (a key it translates) with the link that resends the verification mail.
		const failure = refusalFailure('fr', new URL('http://localhost/formations'), place);
		expect(failure.status).toBe(403);
		expect(failure.data).toMatchObject({ message: 'error.emailUnverified', verifyEmailPath: '/verification' });

		const verified = await viewerOf(testDb.db, await makeUser(testDb.db));
		expect((await register(testDb.db, verified, open.id)).status).toBe('waitlisted');
	});
});

describe('DPC registration: capacity and waiting list', () => {
	it('fills the session, then the waiting list; a cancellation promotes the first waiting person, who can decline for the next', async () => {
		const { action } = await setting();
		const session = await makeSession(testDb.db, action.id, { capacity: 2 });
		const [gp, nurse1, nurse2, nurse3] = [await person('medecin_generaliste'), await person(), await person(), await person()];
		expect((await register(testDb.db, gp, session.id)).status).toBe('registered');
		expect((await register(testDb.db, nurse1, session.id)).status).toBe('registered');
		expect((await lists(session.id)).status).toBe('full');
		expect((await register(testDb.db, nurse2, session.id)).status).toBe('waitlisted');
		expect((await register(testDb.db, nurse3, session.id)).status).toBe('waitlisted');

		const { promoted } = await cancelRegistration(testDb.db, gp, session.id);
		expect(promoted).toEqual([nurse2.id]);
		let state = await lists(session.id);
		expect(state.registered.sort()).toEqual([nurse1.id, nurse2.id].sort());
		expect(state.waitlisted).toEqual([nurse3.id]);
		expect(state.status).toBe('full');
		const [notice] = await testDb.db
			.select()
			.from(notifications)
			.where(and(eq(notifications.userId, nurse2.id), eq(notifications.kind, 'dpc.waitlist_promotion')));
		expect(notice.link).toBe(`/formations/sessions/${session.id}`);
		expect(String(notice.params.session)).toContain('Travailler en équipe');

		// The promoted nurse declines: the seat goes to the next one.
		expect((await cancelRegistration(testDb.db, nurse2, session.id)).promoted).toEqual([nurse3.id]);
		state = await lists(session.id);
		expect(state.registered.sort()).toEqual([nurse1.id, nurse3.id].sort());
		expect(state.waitlisted).toEqual([]);

		// Nobody waiting: the session opens again.
		await cancelRegistration(testDb.db, nurse3, session.id);
		expect((await lists(session.id)).status).toBe('published');
		expect((await refusal(cancelRegistration(testDb.db, nurse3, session.id))).messageKey).toBe('dpc.registration.none');
	});

	it('gives a freed reserved seat to the first waiting person of that profession', async () => {
		const { action } = await setting();
		// 3 seats: 1 kept for nurses, 2 open.
		const session = await makeSession(testDb.db, action.id, { capacity: 3, reservedSeats: { infirmier: 1 } });
		const [gp1, gp2, gp3, nurse1, nurse2] = [
			await person('medecin_generaliste'),
			await person('medecin_generaliste'),
			await person('medecin_generaliste'),
			await person(),
			await person()
		];
		expect((await register(testDb.db, gp1, session.id)).status).toBe('registered');
		expect((await register(testDb.db, gp2, session.id)).status).toBe('registered');
		// The nurses' seat is not for a third GP.
		expect((await register(testDb.db, gp3, session.id)).status).toBe('waitlisted');
		expect((await register(testDb.db, nurse1, session.id)).status).toBe('registered');
		expect((await register(testDb.db, nurse2, session.id)).status).toBe('waitlisted');
		// The nurse leaves: the first waiting GP cannot take a nurse's seat, the waiting nurse can.
		expect((await cancelRegistration(testDb.db, nurse1, session.id)).promoted).toEqual([nurse2.id]);
		expect((await lists(session.id)).waitlisted).toEqual([gp3.id]);
	});

	it('never overbooks: 50 people registering at once on 5 seats', async () => {
		const { action } = await setting();
		const session = await makeSession(testDb.db, action.id, { capacity: 5 });
		const people = await Promise.all(Array.from({ length: 50 }, (_, index) => person(index % 2 ? 'infirmier' : 'medecin_generaliste')));
		const outcomes = await Promise.all(people.map((viewer) => register(testDb.db, viewer, session.id)));
		expect(outcomes.filter((outcome) => outcome.status === 'registered')).toHaveLength(5);
		const state = await lists(session.id);
		expect(state.registered).toHaveLength(5);
		expect(state.waitlisted).toHaveLength(45);
		expect(state.status).toBe('full');
	});

	it('keeps counts exact when cancellations and registrations race', async () => {
		const { action } = await setting();
		const session = await makeSession(testDb.db, action.id, { capacity: 4 });
		const first = await Promise.all(Array.from({ length: 6 }, () => person()));
		for (const viewer of first) await register(testDb.db, viewer, session.id);
		const newcomers = await Promise.all(Array.from({ length: 6 }, () => person('medecin_generaliste')));
		// Two registered people leave while six newcomers register, all at once.
		await Promise.all([
			cancelRegistration(testDb.db, first[0], session.id),
			cancelRegistration(testDb.db, first[1], session.id),
			...newcomers.map((viewer) => register(testDb.db, viewer, session.id))
		]);
		const state = await lists(session.id);
		expect(state.registered).toHaveLength(4);
		expect(state.waitlisted).toHaveLength(6);
		expect(state.status).toBe('full');
		// The two who were waiting first got the freed seats (they queued before any newcomer).
		expect(state.registered).toEqual(expect.arrayContaining([first[2].id, first[3].id, first[4].id, first[5].id]));
	});
});
