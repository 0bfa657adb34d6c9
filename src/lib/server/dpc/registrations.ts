/**
 * Registrations and the waiting list. Every change to one session's lists runs in one
 * transaction holding that session's row lock (lockSession): seats are counted and taken
 * under the lock, so 50 or 1,000 people clicking at once never overbook, and a cancellation
 * racing a registration leaves exact counts. Notifications are written in that transaction;
 * their mails leave through the outbox after the commit.
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
import { hasSeatFor, totalRegistered, type SeatCounts, type SeatRules } from './seats';
import { lockSession, sessionLabel, sessionPath, type SessionFacts } from './session-facts';

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

/** The viewer's registration row (id and status), whether they teach the session, and registered people per profession. */
async function registrationFacts(
	db: DbOrTx,
	sessionId: string,
	userId: string
): Promise<{ current: { id: string; status: RegistrationStatus } | null; isTrainer: boolean; counts: SeatCounts }> {
	const [row] = await db
		.select({
			currentId: sql<string | null>`(select ${dpcRegistrations.id} from ${dpcRegistrations} where ${dpcRegistrations.sessionId} = ${sessionId} and ${dpcRegistrations.userId} = ${userId})`,
			currentStatus: sql<RegistrationStatus | null>`(select ${dpcRegistrations.status} from ${dpcRegistrations} where ${dpcRegistrations.sessionId} = ${sessionId} and ${dpcRegistrations.userId} = ${userId})`,
			isTrainer: sql<boolean>`exists (select 1 from ${dpcSessionTrainers} where ${dpcSessionTrainers.sessionId} = ${sessionId} and ${dpcSessionTrainers.userId} = ${userId})`,
			counts: sql<SeatCounts>`(select coalesce(jsonb_object_agg(profession, taken), '{}'::jsonb) from (select ${dpcRegistrations.profession} as profession, count(*)::int as taken from ${dpcRegistrations} where ${dpcRegistrations.sessionId} = ${sessionId} and ${dpcRegistrations.status} = 'registered' group by 1) as seats)`
		})
		.from(sql`(select 1) as one`);
	const counts = typeof row.counts === 'string' ? (JSON.parse(row.counts) as SeatCounts) : row.counts;
	return {
		current: row.currentId ? { id: row.currentId, status: row.currentStatus! } : null,
		isTrainer: Boolean(row.isTrainer),
		counts: Object.fromEntries(Object.entries(counts ?? {}).map(([profession, taken]) => [profession, Number(taken)]))
	};
}

/**
 * Registers the viewer: a seat when one is left for their profession, the waiting list
 * otherwise. Refusals say why (AppError 'invalid' with "dpc.ineligible.<reason>"); an
 * unverified address is refused before any lock is taken.
 */
export async function register(
	db: DbOrTx,
	viewer: MaybeDpcViewer,
	sessionId: string,
	now: Date = new Date()
): Promise<{ status: 'registered' | 'waitlisted' }> {
	if (viewer) requireVerifiedEmail(viewer);
	return db.transaction(async (tx) => {
		const session = await lockSession(tx, sessionId);
		if (session.status === 'draft') throw notFound('dpc.sessionNotFound');
		// One round trip for what the decision needs, since every registration of the session
		// waits for this lock: the viewer's row, whether they teach it, the seats taken.
		const facts = viewer ? await registrationFacts(tx, sessionId, viewer.id) : null;
		const current = facts?.current ?? null;
		const reason = ineligibility(viewer, session, now, { isTrainer: facts?.isTrainer ?? false, current: current?.status ?? null });
		if (reason) throw new AppError(reason === 'signedOut' ? 'unauthenticated' : 'invalid', `dpc.ineligible.${reason}`);
		const counts = facts!.counts;
		const status = hasSeatFor(session, counts, viewer!.profession) ? 'registered' : 'waitlisted';
		const values = {
			status,
			profession: viewer!.profession as Registration['profession'],
			queuedAt: now,
			registeredAt: status === 'registered' ? now : null,
			promotedAt: null,
			cancelledAt: null
		} as const;
		if (current) await tx.update(dpcRegistrations).set(values).where(eq(dpcRegistrations.id, current.id));
		else await tx.insert(dpcRegistrations).values({ id: generateId(), sessionId, userId: viewer!.id, createdAt: now, ...values });
		if (status === 'registered') {
			counts[viewer!.profession] = (counts[viewer!.profession] ?? 0) + 1;
			const next = statusForCounts(session, counts);
			if (next !== session.status) await tx.update(dpcSessions).set({ status: next }).where(eq(dpcSessions.id, sessionId));
		}
		return { status };
	});
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
				sql`(${dpcRegistrations.queuedAt}, ${dpcRegistrations.id}) < (${mine.queuedAt}, ${mine.id})`
			)
		);
	return Number(row.ahead) + 1;
}
