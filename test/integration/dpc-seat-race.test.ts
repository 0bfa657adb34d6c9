/**
 * The seat race: many people pressing « M'inscrire » at once on one session. Registration is
 * one call of the database function dpc_take_seat (migration 0022), which decides the seat
 * under the session's row lock; these tests hold it to the rules of dpc/seats.ts. On
 * PostgreSQL (TEST_DB=postgres) the registrations really run at once on the pool's
 * connections; on PGlite one after the other.
 */
import { asc, eq } from 'drizzle-orm';
import { AppError } from '../../src/lib/server/shared/errors';
import { describe, expect, it } from 'vitest';
import { dpcRegistrations, dpcSessions } from '../../src/lib/server/db/schema';
import { register, waitlistPosition, type DpcViewer } from '../../src/lib/server/dpc';
import { hasSeatFor, type SeatCounts } from '../../src/lib/server/dpc/seats';
import { refusal, viewerOf } from '../helpers/dpc';
import { useTestDatabase } from '../helpers/db';
import { makeAction, makeBody, makeSession, makeUser } from '../helpers/factories';

const testDb = useTestDatabase();

async function people(count: number, profession: string): Promise<DpcViewer[]> {
	const viewers: DpcViewer[] = [];
	for (let index = 0; index < count; index++) viewers.push(await viewerOf(testDb.db, await makeUser(testDb.db, { profession })));
	return viewers;
}

async function rowsOfSession(sessionId: string) {
	return testDb.db
		.select({ userId: dpcRegistrations.userId, status: dpcRegistrations.status, profession: dpcRegistrations.profession })
		.from(dpcRegistrations)
		.where(eq(dpcRegistrations.sessionId, sessionId))
		.orderBy(asc(dpcRegistrations.queuedAt), asc(dpcRegistrations.id));
}

describe('DPC registration race', () => {
	it('200 people at once on 30 seats: exactly 30 registered, 170 waiting in the order they came', async () => {
		const action = await makeAction(testDb.db, (await makeBody(testDb.db)).id);
		const session = await makeSession(testDb.db, action.id, { capacity: 30 });
		const crowd = await people(200, 'infirmier');
		// Each presses the button at its own millisecond; all requests are in flight together.
		const start = Date.now();
		const outcomes = await Promise.all(crowd.map((viewer, index) => register(testDb.db, viewer, session.id, new Date(start + index))));

		expect(outcomes.filter((outcome) => outcome.status === 'registered')).toHaveLength(30);
		expect(outcomes.filter((outcome) => outcome.status === 'waitlisted')).toHaveLength(170);
		const rows = await rowsOfSession(session.id);
		expect(rows.filter((row) => row.status === 'registered')).toHaveLength(30);
		const waiting = rows.filter((row) => row.status === 'waitlisted');
		expect(waiting).toHaveLength(170);
		// Each person's answer is what is stored, and the waiting list is numbered 1…170 in queue order.
		for (const [index, viewer] of crowd.entries()) {
			expect(rows.find((row) => row.userId === viewer.id)?.status).toBe(outcomes[index].status);
		}
		const positions = await Promise.all(waiting.map((row) => waitlistPosition(testDb.db, session.id, row.userId)));
		expect(positions).toEqual(waiting.map((_, index) => index + 1));
		const [state] = await testDb.db.select({ status: dpcSessions.status }).from(dpcSessions).where(eq(dpcSessions.id, session.id));
		expect(state.status).toBe('full');
	});

	it('gives the seats hasSeatFor gives: reserved seats first, then the open ones', async () => {
		const action = await makeAction(testDb.db, (await makeBody(testDb.db)).id, { professions: ['infirmier', 'medecin_generaliste', 'pharmacien'] });
		// 5 seats: 2 kept for nurses, 1 for pharmacists, 2 open.
		const rules = { capacity: 5, reservedSeats: { infirmier: 2, pharmacien: 1 } };
		const session = await makeSession(testDb.db, action.id, rules);
		const arrivals = [
			...(await people(3, 'medecin_generaliste')),
			...(await people(3, 'infirmier')),
			...(await people(2, 'pharmacien'))
		];
		const counts: SeatCounts = {};
		for (const viewer of arrivals) {
			const expected = hasSeatFor(rules, counts, viewer.profession) ? 'registered' : 'waitlisted';
			expect((await register(testDb.db, viewer, session.id)).status, `${viewer.profession} after ${JSON.stringify(counts)}`).toBe(expected);
			if (expected === 'registered') counts[viewer.profession] = (counts[viewer.profession] ?? 0) + 1;
		}
		expect(counts).toEqual({ medecin_generaliste: 2, infirmier: 2, pharmacien: 1 });
	});
});

/**
 * Claims that reach the process together are taken together (dpc/seat-queue.ts): the first
 * alone, the ones that come while it runs in one statement, in the order they came.
 */
describe('DPC registration: claims taken together', () => {
	it('decides the claims of a crowd in the order they came, with the seats hasSeatFor gives', async () => {
		const action = await makeAction(testDb.db, (await makeBody(testDb.db)).id, { professions: ['infirmier', 'medecin_generaliste', 'pharmacien'] });
		const rules = { capacity: 8, reservedSeats: { infirmier: 3, pharmacien: 2 } };
		const session = await makeSession(testDb.db, action.id, rules);
		const doctors = await people(12, 'medecin_generaliste');
		const nurses = await people(8, 'infirmier');
		const pharmacists = await people(4, 'pharmacien');
		// Doctors first: they may take the open seats only, the reserved ones wait for the others.
		const crowd = [...doctors, ...nurses.slice(0, 4), ...pharmacists, ...nurses.slice(4)];
		const start = Date.now();
		const outcomes = await Promise.all(crowd.map((viewer, index) => register(testDb.db, viewer, session.id, new Date(start + index))));

		const counts: SeatCounts = {};
		const expected = crowd.map((viewer) => {
			if (!hasSeatFor(rules, counts, viewer.profession)) return 'waitlisted';
			counts[viewer.profession] = (counts[viewer.profession] ?? 0) + 1;
			return 'registered';
		});
		expect(outcomes.map((outcome) => outcome.status)).toEqual(expected);
		expect(counts).toEqual({ medecin_generaliste: 3, infirmier: 3, pharmacien: 2 });
		const waiting = (await rowsOfSession(session.id)).filter((row) => row.status === 'waitlisted');
		expect(waiting.map((row) => row.userId)).toEqual(crowd.filter((_, index) => expected[index] === 'waitlisted').map((viewer) => viewer.id));
	});

	it('fails only the claim at fault when a batch breaks, and refuses a second claim of the same person', async () => {
		const action = await makeAction(testDb.db, (await makeBody(testDb.db)).id);
		const session = await makeSession(testDb.db, action.id, { capacity: 3 });
		const crowd = await people(8, 'infirmier');
		// No such account: its row breaks the foreign key and rolls back the batch it is in.
		const ghost: DpcViewer = { ...crowd[0], id: 'no-such-user' };
		const claims = [crowd[0], crowd[1], crowd[2], ghost, crowd[3], crowd[2], crowd[4], crowd[5], crowd[6], crowd[7]];
		const settled = await Promise.allSettled(claims.map((viewer) => register(testDb.db, viewer, session.id)));

		const statuses = settled.map((each) => (each.status === 'fulfilled' ? each.value.status : each.reason instanceof AppError ? each.reason.messageKey : 'error'));
		expect(statuses).toEqual(['registered', 'registered', 'registered', 'error', 'waitlisted', 'dpc.ineligible.already', 'waitlisted', 'waitlisted', 'waitlisted', 'waitlisted']);
		const rows = await rowsOfSession(session.id);
		expect(rows.filter((row) => row.status === 'registered').map((row) => row.userId).sort()).toEqual([crowd[0].id, crowd[1].id, crowd[2].id].sort());
		expect(rows.filter((row) => row.status === 'waitlisted')).toHaveLength(5);
	});

	it('takes a claim made inside a transaction in that transaction', async () => {
		const action = await makeAction(testDb.db, (await makeBody(testDb.db)).id);
		const session = await makeSession(testDb.db, action.id, { capacity: 3 });
		const [nurse] = await people(1, 'infirmier');
		const rolledBack = testDb.db.transaction(async (tx) => {
			expect((await register(tx, nurse, session.id)).status).toBe('registered');
			tx.rollback();
		});
		await expect(rolledBack).rejects.toThrow();
		expect(await rowsOfSession(session.id)).toEqual([]);
		expect((await register(testDb.db, nurse, session.id)).status).toBe('registered');
		expect((await refusal(register(testDb.db, nurse, session.id))).messageKey).toBe('dpc.ineligible.already');
	});
});
