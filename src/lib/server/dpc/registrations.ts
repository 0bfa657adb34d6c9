/**
 * Registrations and the waiting list. Every change to one session's lists runs in one
 * transaction holding that session's row lock (lockSession; a registration, in the database
 * function dpc_take_seat): seats are counted and taken under the lock, so 50 or 1,000 people
 * clicking at once never overbook, and a cancellation racing a registration leaves exact
 * counts. Notifications are written in that transaction; their mails leave through the outbox
 * after the commit.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../db';
import { dpcRegistrations, dpcSessions, dpcSessionTrainers } from '../db/schema';
import { notifyAll } from '../notifications';
import { requireVerifiedEmail } from '../auth/guards';
import { AppError, notFound } from '../shared/errors';
import { generateId } from '../shared/ids';
import type { RegistrationStatus, SessionStatus } from '../../domain/dpc';
import type { MaybeDpcViewer } from './permissions';
import { takeSeat } from './seat-queue';
import { hasSeatFor, totalRegistered, type SeatCounts, type SeatRules } from './seats';
import { findSessionFacts, lockSession, sessionLabel, sessionPath, type SessionFacts } from './session-facts';

/** Why someone may not register (each has a message "dpc.ineligible.<reason>"). */
export type IneligibleReason =
	| 'signedOut'
	| 'notOpen'
	| 'cancelled'
	| 'deadlinePassed'
	| 'started'
	| 'profession'
	| 'trainer'
	| 'already';

/** Registered people per profession (the seat rules count by profession). */
export async function registeredCounts(db: DbOrTx, sessionId: string): Promise<SeatCounts> {
	const rows = await db
		.select({ profession: dpcRegistrations.profession, count: sql<number>`count(*)::int` })
		.from(dpcRegistrations)
		.where(and(eq(dpcRegistrations.sessionId, sessionId), eq(dpcRegistrations.status, 'registered')))
		.groupBy(dpcRegistrations.profession);
	return Object.fromEntries(rows.map((row) => [row.profession, Number(row.count)]));
}

/** "full" when every seat is taken, "published" otherwise (for live sessions only). */
export function statusForCounts(session: { status: SessionStatus; capacity: number }, counts: SeatCounts): SessionStatus {
	if (session.status !== 'published' && session.status !== 'full') return session.status;
	return totalRegistered(counts) >= session.capacity ? 'full' : 'published';
}

/**
 * Why this person may not register now, or null. Taking a seat or a place on the waiting
 * list is the same question: seats are decided under the lock.
 */
export function ineligibility(
	viewer: MaybeDpcViewer,
	session: Pick<SessionFacts, 'status' | 'registrationDeadline' | 'startsAt' | 'professions'>,
	now: Date,
	extra: { isTrainer?: boolean; current?: RegistrationStatus | null } = {}
): IneligibleReason | null {
	if (!viewer) return 'signedOut';
	if (session.status === 'cancelled') return 'cancelled';
	if (session.status !== 'published' && session.status !== 'full') return 'notOpen';
	if (session.startsAt <= now) return 'started';
	if (session.registrationDeadline <= now) return 'deadlinePassed';
	if (!session.professions.includes(viewer.profession)) return 'profession';
	if (extra.isTrainer) return 'trainer';
	if (extra.current === 'registered' || extra.current === 'waitlisted') return 'already';
	return null;
}

export async function isSessionTrainer(db: DbOrTx, sessionId: string, userId: string): Promise<boolean> {
	const [row] = await db
		.select({ userId: dpcSessionTrainers.userId })
		.from(dpcSessionTrainers)
		.where(and(eq(dpcSessionTrainers.sessionId, sessionId), eq(dpcSessionTrainers.userId, userId)));
	return Boolean(row);
}

export async function findRegistration(db: DbOrTx, sessionId: string, userId: string) {
	const [row] = await db
		.select()
		.from(dpcRegistrations)
		.where(and(eq(dpcRegistrations.sessionId, sessionId), eq(dpcRegistrations.userId, userId)));
	return row ?? null;
}

export type Registration = typeof dpcRegistrations.$inferSelect;

/** What dpc_take_seat answers (migration 0025): the outcome, or why the person may not register. */
type SeatOutcome = 'registered' | 'waitlisted' | 'notFound' | Exclude<IneligibleReason, 'signedOut'>;

/**
 * Registers the viewer: a seat when one is left for their profession, the waiting list
 * otherwise. Refusals say why (AppError 'invalid' with "dpc.ineligible.<reason>"); an
 * unverified address is refused before any lock is taken.
 *
 * The decision and the row are one call of the database function dpc_take_seat, which locks
 * the session row, counts, inserts and marks the session full inside the server. Claims that
 * arrive together are taken together, one transaction and one commit for the lot
 * (seat-queue.ts): 1,000 people at once wait for a few commits instead of 1,000
 * (bench/scenarios/dpc.ts). Its seat rule is hasSeatFor's (seats.ts);
 * test/integration/dpc-seat-race.test.ts compares the two.
 */
export async function register(
	db: DbOrTx,
	viewer: MaybeDpcViewer,
	sessionId: string,
	now: Date = new Date()
): Promise<{ status: 'registered' | 'waitlisted' }> {
	if (viewer) requireVerifiedEmail(viewer);
	if (!viewer) {
		// Only a session open to registration says "sign in"; a draft or unknown one is not found.
		const session = await findSessionFacts(db, sessionId);
		if (!session || session.status === 'draft') throw notFound('dpc.sessionNotFound');
		throw new AppError('unauthenticated', 'dpc.ineligible.signedOut');
	}
	const outcome = (await takeSeat(db, { sessionId, userId: viewer.id, profession: viewer.profession, at: now, registrationId: generateId() })) as SeatOutcome;
	if (outcome === 'registered' || outcome === 'waitlisted') return { status: outcome };
	if (outcome === 'notFound') throw notFound('dpc.sessionNotFound');
	throw new AppError('invalid', `dpc.ineligible.${outcome}`);
}

/**
 * Gives freed seats to the waiting list, earliest first, skipping people whose profession
 * has no seat left (a freed nurse's reserved seat goes to the first waiting nurse). Call
 * under the session lock; returns who was promoted (to notify in the same transaction).
 */
export async function promoteWaitlisted(tx: Tx, session: SeatRules & { id: string; startsAt: Date; status: SessionStatus }, now: Date): Promise<string[]> {
	if ((session.status !== 'published' && session.status !== 'full') || session.startsAt <= now) return [];
	const waiting = await tx
		.select({ id: dpcRegistrations.id, userId: dpcRegistrations.userId, profession: dpcRegistrations.profession })
		.from(dpcRegistrations)
		.where(and(eq(dpcRegistrations.sessionId, session.id), eq(dpcRegistrations.status, 'waitlisted')))
		.orderBy(asc(dpcRegistrations.queuedAt), asc(dpcRegistrations.id));
	const counts = await registeredCounts(tx, session.id);
	const promoted: string[] = [];
	for (const person of waiting) {
		if (totalRegistered(counts) >= session.capacity) break;
		if (!hasSeatFor(session, counts, person.profession)) continue;
		await tx
			.update(dpcRegistrations)
			.set({ status: 'registered', registeredAt: now, promotedAt: now })
			.where(eq(dpcRegistrations.id, person.id));
		counts[person.profession] = (counts[person.profession] ?? 0) + 1;
		promoted.push(person.userId);
	}
	return promoted;
}

/**
 * Cancels the viewer's registration or place on the waiting list. A freed seat goes to the
 * waiting list at once; declining a seat obtained from the waiting list is the same call,
 * and promotes the next person.
 */
export async function cancelRegistration(
	db: DbOrTx,
	viewer: MaybeDpcViewer,
	sessionId: string,
	now: Date = new Date()
): Promise<{ promoted: string[] }> {
	if (!viewer) throw new AppError('unauthenticated', 'dpc.ineligible.signedOut');
	const outcome = await db.transaction(async (tx) => {
		const session = await lockSession(tx, sessionId);
		const current = await findRegistration(tx, sessionId, viewer.id);
		if (!current || current.status === 'cancelled') throw new AppError('conflict', 'dpc.registration.none');
		if (session.startsAt <= now) throw new AppError('invalid', 'dpc.registration.started');
		await tx.update(dpcRegistrations).set({ status: 'cancelled', cancelledAt: now }).where(eq(dpcRegistrations.id, current.id));
		const promoted = current.status === 'registered' ? await promoteWaitlisted(tx, session, now) : [];
		const next = statusForCounts(session, await registeredCounts(tx, sessionId));
		if (next !== session.status) await tx.update(dpcSessions).set({ status: next }).where(eq(dpcSessions.id, sessionId));
		const params = { session: sessionLabel(session) };
		await notifyAll(tx, promoted.map((userId) => ({ userId, kind: 'dpc.waitlist_promotion' as const, params, link: sessionPath(sessionId) })));
		return { promoted };
	});
	return { promoted: outcome.promoted };
}

/** Position on the waiting list (1 = next), or null when not waiting. */
export async function waitlistPosition(db: DbOrTx, sessionId: string, userId: string): Promise<number | null> {
	const mine = await findRegistration(db, sessionId, userId);
	if (!mine || mine.status !== 'waitlisted') return null;
	const [row] = await db
		.select({ ahead: sql<number>`count(*)::int` })
		.from(dpcRegistrations)
		.where(
			and(
				eq(dpcRegistrations.sessionId, sessionId),
				eq(dpcRegistrations.status, 'waitlisted'),
				// A raw Date parameter fails on postgres.js (it wants the timestamp as text).
				sql`(${dpcRegistrations.queuedAt}, ${dpcRegistrations.id}) < (${mine.queuedAt.toISOString()}::timestamptz, ${mine.id})`
			)
		);
	return Number(row.ahead) + 1;
}
