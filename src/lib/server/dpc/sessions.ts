/**
 * Sessions of a DPC action: creation and edits with their parts (each in its place's zone),
 * trainer conflicts, publication, cancellation, completion. Changes a calendar subscriber
 * should see bump the session's SEQUENCE; editing a published session notifies everyone on
 * its lists, in the change's transaction (their mails go out through the outbox afterwards,
 * so the lock is never held while mail goes out).
 */
import { and, asc, eq, gt, inArray, lt, ne, notInArray, or, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../db';
import { dpcActions, dpcRegistrations, dpcSessionParts, dpcSessions, dpcSessionTrainers, dpcTrainers, users } from '../db/schema';
import { writeAudit } from '../audit';
import { getLogger } from '../logger';
import { notifyAll } from '../notifications';
import { AppError, forbidden, isUniqueViolation, notFound } from '../shared/errors';
import { generateId } from '../shared/ids';
import type { SessionStatus } from '../../domain/dpc';
import { requireAction } from './actions';
import { fieldError } from './errors';
import type { PartInput, SessionInput } from './forms';
import { canManageSession, type MaybeDpcViewer } from './permissions';
import { promoteWaitlisted, registeredCounts, statusForCounts } from './registrations';
import { openSessionThread } from './forum';
import { listParts, lockSession, requireSessionFacts, sessionLabel, sessionPath, type DpcSession, type DpcSessionPart } from './session-facts';

export async function listSessionTrainers(db: DbOrTx, sessionId: string): Promise<{ id: string; name: string }[]> {
	return db
		.select({ id: users.id, name: users.name })
		.from(dpcSessionTrainers)
		.innerJoin(users, eq(users.id, dpcSessionTrainers.userId))
		.where(eq(dpcSessionTrainers.sessionId, sessionId))
		.orderBy(asc(users.name));
}

/**
 * Trainers must work for the action's body. Their rows are locked, so two sessions saved at
 * once with the same trainer are checked one after the other (no double booking slips by).
 */
async function lockTrainers(tx: Tx, bodyId: string, trainerIds: string[]): Promise<void> {
	const rows = await tx
		.select({ userId: dpcTrainers.userId })
		.from(dpcTrainers)
		.where(and(inArray(dpcTrainers.userId, trainerIds), eq(dpcTrainers.bodyId, bodyId)))
		.orderBy(asc(dpcTrainers.userId))
		.for('update');
	if (rows.length !== trainerIds.length) throw fieldError('trainerIds', 'dpc.form.trainerNotInBody');
}

/**
 * The first other live session where one of these trainers teaches a part overlapping one
 * of these parts; refused with the trainer and the session named.
 */
async function checkTrainerConflicts(tx: Tx, trainerIds: string[], parts: PartInput[], exceptSessionId: string | null): Promise<void> {
	const overlaps = or(...parts.map((part) => and(lt(dpcSessionParts.startsAt, part.endsAt), gt(dpcSessionParts.endsAt, part.startsAt))));
	const [conflict] = await tx
		.select({ trainer: users.name, actionTitle: dpcActions.title, number: dpcSessions.number })
		.from(dpcSessionTrainers)
		.innerJoin(dpcSessions, eq(dpcSessions.id, dpcSessionTrainers.sessionId))
		.innerJoin(dpcActions, eq(dpcActions.id, dpcSessions.actionId))
		.innerJoin(dpcSessionParts, eq(dpcSessionParts.sessionId, dpcSessions.id))
		.innerJoin(users, eq(users.id, dpcSessionTrainers.userId))
		.where(
			and(
				inArray(dpcSessionTrainers.userId, trainerIds),
				notInArray(dpcSessions.status, ['cancelled']),
				exceptSessionId ? ne(dpcSessions.id, exceptSessionId) : undefined,
				overlaps
			)
		)
		.orderBy(asc(dpcSessionParts.startsAt))
		.limit(1);
	if (conflict) {
		throw fieldError('trainerIds', 'dpc.form.trainerConflict', {
			trainer: conflict.trainer,
			session: sessionLabel(conflict)
		});
	}
}

function sessionColumns(input: SessionInput) {
	return {
		number: input.number,
		capacity: input.capacity,
		reservedSeats: input.reservedSeats,
		place: input.place,
		videoUrl: input.videoUrl,
		regionCode: input.regionCode,
		registrationDeadline: input.registrationDeadline,
		startsAt: input.parts[0].startsAt,
		endsAt: new Date(Math.max(...input.parts.map((part) => part.endsAt.getTime())))
	};
}

/** Writes the parts by position, keeping the ids (and so the attendance) of parts that stay. */
async function writeParts(tx: Tx, sessionId: string, parts: PartInput[]): Promise<void> {
	const existing = await listParts(tx, sessionId);
	for (const [position, part] of parts.entries()) {
		const current = existing.find((row) => row.position === position);
		if (current) {
			await tx
				.update(dpcSessionParts)
				.set({ startsAt: part.startsAt, endsAt: part.endsAt, timeZone: part.timeZone })
				.where(eq(dpcSessionParts.id, current.id));
		} else {
			await tx.insert(dpcSessionParts).values({ id: generateId(), sessionId, position, ...part });
		}
	}
	const removed = existing.filter((row) => row.position >= parts.length).map((row) => row.id);
	if (removed.length > 0) await tx.delete(dpcSessionParts).where(inArray(dpcSessionParts.id, removed));
}

async function writeTrainers(tx: Tx, sessionId: string, trainerIds: string[]): Promise<void> {
	await tx.delete(dpcSessionTrainers).where(eq(dpcSessionTrainers.sessionId, sessionId));
	await tx.insert(dpcSessionTrainers).values(trainerIds.map((userId) => ({ sessionId, userId })));
}

function numberTaken(caught: unknown): never {
	if (isUniqueViolation(caught, 'dpc_sessions_action_number_key')) throw fieldError('number', 'dpc.form.numberTaken');
	throw caught;
}

/** A trainer of the action's body creates a session (a draft until published). */
export async function createSession(db: DbOrTx, viewer: MaybeDpcViewer, actionId: string, input: SessionInput): Promise<DpcSession> {
	const action = await requireAction(db, actionId);
	if (!viewer || !canManageSession(viewer, action)) throw forbidden('dpc.cannotPublish');
	try {
		return await db.transaction(async (tx) => {
			await lockTrainers(tx, action.bodyId, input.trainerIds);
			await checkTrainerConflicts(tx, input.trainerIds, input.parts, null);
			const [session] = await tx
				.insert(dpcSessions)
				.values({ id: generateId(), actionId, status: 'draft', createdBy: viewer.id, ...sessionColumns(input) })
				.returning();
			await writeParts(tx, session.id, input.parts);
			await writeTrainers(tx, session.id, input.trainerIds);
			await writeAudit(tx, { actorId: viewer.id, action: 'dpc.session.create', targetType: 'dpc_session', targetId: session.id });
			return session;
		});
	} catch (caught) {
		numberTaken(caught);
	}
}

const samePart = (a: PartInput, b: DpcSessionPart) =>
	a.startsAt.getTime() === b.startsAt.getTime() && a.endsAt.getTime() === b.endsAt.getTime() && a.timeZone === b.timeZone;

/** Whether an edit changes what registered people rely on: dates, zones, place or link. */
function changesSchedule(session: DpcSession, parts: DpcSessionPart[], input: SessionInput): boolean {
	return (
		parts.length !== input.parts.length ||
		input.parts.some((part, index) => !samePart(part, parts[index])) ||
		session.place !== input.place ||
		session.videoUrl !== input.videoUrl
	);
}

/**
 * Edits a session. Its capacity never drops below the people already registered; a larger
 * capacity promotes from the waiting list at once. When a published session's schedule or
 * place changes, everyone registered or waiting is notified and the SEQUENCE moves on.
 */
export async function updateSession(
	db: DbOrTx,
	viewer: MaybeDpcViewer,
	sessionId: string,
	input: SessionInput,
	now: Date = new Date()
): Promise<DpcSession> {
	let outcome: { session: DpcSession };
	try {
		outcome = await db.transaction(async (tx) => {
			const current = await lockSession(tx, sessionId);
			if (!canManageSession(viewer, current)) throw forbidden('dpc.cannotEdit');
			if (!['draft', 'published', 'full'].includes(current.status)) throw new AppError('conflict', 'dpc.session.notEditable');
			const counts = await registeredCounts(tx, sessionId);
			const registered = Object.values(counts).reduce((sum: number, count) => sum + (count ?? 0), 0);
			if (input.capacity < registered) throw fieldError('capacity', 'dpc.form.capacityBelowRegistered', { count: registered });
			await lockTrainers(tx, current.bodyId, input.trainerIds);
			await checkTrainerConflicts(tx, input.trainerIds, input.parts, sessionId);

			const parts = await listParts(tx, sessionId);
			const live = current.status === 'published' || current.status === 'full';
			const scheduleChanged = changesSchedule(current, parts, input);
			const [session] = await tx
				.update(dpcSessions)
				.set({
					...sessionColumns(input),
					sequence: live ? current.sequence + 1 : current.sequence,
					updatedAt: now
				})
				.where(eq(dpcSessions.id, sessionId))
				.returning();
			await writeParts(tx, sessionId, input.parts);
			await writeTrainers(tx, sessionId, input.trainerIds);
			let promotedIds: string[] = [];
			if (live) {
				promotedIds = await promoteWaitlisted(tx, session, now);
				const status = statusForCounts(session, await registeredCounts(tx, sessionId));
				if (status !== session.status) await tx.update(dpcSessions).set({ status }).where(eq(dpcSessions.id, sessionId));
				session.status = status;
			}
			await writeAudit(tx, {
				actorId: viewer!.id,
				action: 'dpc.session.update',
				targetType: 'dpc_session',
				targetId: sessionId,
				details: { scheduleChanged }
			});
			const notifyIds = live && scheduleChanged ? await listPeopleOnLists(tx, sessionId, promotedIds) : [];
			const params = { session: sessionLabel({ actionTitle: current.actionTitle, number: session.number }) };
			const link = sessionPath(sessionId);
			await notifyAll(tx, [
				...notifyIds.map((userId) => ({ userId, kind: 'dpc.session_changed' as const, params, link })),
				...promotedIds.map((userId) => ({ userId, kind: 'dpc.waitlist_promotion' as const, params, link }))
			]);
			return { session };
		});
	} catch (caught) {
		numberTaken(caught);
	}
	return outcome.session;
}

/** Everyone registered or waiting (minus those told otherwise), to tell them of a change. */
async function listPeopleOnLists(tx: DbOrTx, sessionId: string, except: string[] = []): Promise<string[]> {
	const rows = await tx
		.select({ userId: dpcRegistrations.userId })
		.from(dpcRegistrations)
		.where(and(eq(dpcRegistrations.sessionId, sessionId), inArray(dpcRegistrations.status, ['registered', 'waitlisted'])));
	return rows.map((row) => row.userId).filter((id) => !except.includes(id));
}

/**
 * Publishes a draft: registrations open and the forum thread is opened (or found again).
 * A session whose deadline or first part has passed cannot be published.
 */
export async function publishSession(db: DbOrTx, viewer: MaybeDpcViewer, sessionId: string, now: Date = new Date()): Promise<DpcSession> {
	const session = await db.transaction(async (tx) => {
		const current = await lockSession(tx, sessionId);
		if (!canManageSession(viewer, current)) throw forbidden('dpc.cannotPublish');
		if (current.status !== 'draft') throw new AppError('conflict', 'dpc.session.notDraft');
		if (current.registrationDeadline <= now || current.startsAt <= now) throw new AppError('invalid', 'dpc.session.publishPast');
		const [published] = await tx
			.update(dpcSessions)
			.set({ status: 'published', publishedAt: now, updatedAt: now })
			.where(eq(dpcSessions.id, sessionId))
			.returning();
		await writeAudit(tx, { actorId: viewer!.id, action: 'dpc.session.publish', targetType: 'dpc_session', targetId: sessionId });
		return published;
	});
	// The thread is a companion: the session is published even if the forum is unavailable.
	const facts = await requireSessionFacts(db, sessionId);
	const threadId = await openSessionThread(db, facts).catch((error: unknown) => {
		// Logged, so that a session left without its thread is noticed and not silently lost.
		getLogger().error({ err: error, sessionId }, 'DPC session thread could not be opened');
		return null;
	});
	return threadId ? { ...session, forumThreadId: threadId } : session;
}

/** Cancels a session: calendars get STATUS:CANCELLED, everyone on its lists is told. */
export async function cancelSession(db: DbOrTx, viewer: MaybeDpcViewer, sessionId: string, now: Date = new Date()): Promise<void> {
	await db.transaction(async (tx) => {
		const current = await lockSession(tx, sessionId);
		if (!canManageSession(viewer, current)) throw forbidden('dpc.cannotEdit');
		if (!['draft', 'published', 'full'].includes(current.status)) throw new AppError('conflict', 'dpc.session.notEditable');
		await tx
			.update(dpcSessions)
			.set({ status: 'cancelled', cancelledAt: now, updatedAt: now, sequence: current.sequence + 1 })
			.where(eq(dpcSessions.id, sessionId));
		await writeAudit(tx, { actorId: viewer!.id, action: 'dpc.session.cancel', targetType: 'dpc_session', targetId: sessionId });
		const notifyIds = current.status === 'draft' ? [] : await listPeopleOnLists(tx, sessionId);
		await notifyAll(
			tx,
			notifyIds.map((userId) => ({
				userId,
				kind: 'dpc.session_changed' as const,
				title: 'dpc.notify.cancelled.title' as const,
				body: 'dpc.notify.cancelled.body' as const,
				params: { session: sessionLabel(current) },
				link: sessionPath(sessionId)
			}))
		);
	});
}

/** Marks a session that has ended as completed (certificates stay available either way). */
export async function completeSession(db: DbOrTx, viewer: MaybeDpcViewer, sessionId: string, now: Date = new Date()): Promise<void> {
	await db.transaction(async (tx) => {
		const current = await lockSession(tx, sessionId);
		if (!canManageSession(viewer, current)) throw forbidden('dpc.cannotEdit');
		if (!['published', 'full'].includes(current.status)) throw new AppError('conflict', 'dpc.session.notEditable');
		if (current.endsAt > now) throw new AppError('invalid', 'dpc.session.notEnded');
		await tx.update(dpcSessions).set({ status: 'completed', updatedAt: now }).where(eq(dpcSessions.id, sessionId));
		await writeAudit(tx, { actorId: viewer!.id, action: 'dpc.session.complete', targetType: 'dpc_session', targetId: sessionId });
	});
}

/** A session for its edit form: columns, parts and trainer ids; its body's trainers only. */
export async function getSessionForEdit(db: DbOrTx, viewer: MaybeDpcViewer, sessionId: string) {
	const facts = await requireSessionFacts(db, sessionId);
	if (!canManageSession(viewer, facts)) throw forbidden('dpc.cannotEdit');
	const [parts, trainers] = await Promise.all([listParts(db, sessionId), listSessionTrainers(db, sessionId)]);
	return { session: facts, parts, trainerIds: trainers.map((trainer) => trainer.id) };
}

/** The next free session number of an action (the form's default). */
export async function nextSessionNumber(db: DbOrTx, actionId: string): Promise<number> {
	const [row] = await db
		.select({ highest: sql<number | null>`max(${dpcSessions.number})` })
		.from(dpcSessions)
		.where(eq(dpcSessions.actionId, actionId));
	return Number(row?.highest ?? 0) + 1;
}

export type { SessionStatus };
