/**
 * Reading one DPC session: its facts (with what the rules need of its action), its parts, its
 * row lock, and how messages name and link it. A leaf of the DPC feature: sessions,
 * registrations and the session forum all read it, and it imports none of them back.
 */
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../db';
import { dpcActions, dpcSessionParts, dpcSessions } from '../db/schema';
import { notFound } from '../shared/errors';

export type DpcSession = typeof dpcSessions.$inferSelect;
export type DpcSessionPart = typeof dpcSessionParts.$inferSelect;

/** A session with what the rules need of its action. */
export interface SessionFacts extends DpcSession {
	bodyId: string;
	actionTitle: string;
	actionReference: string;
	professions: string[];
}

const factsColumns = {
	session: dpcSessions,
	bodyId: dpcActions.bodyId,
	actionTitle: dpcActions.title,
	actionReference: dpcActions.reference,
	professions: dpcActions.professions
};

const flatten = (row: { session: DpcSession; bodyId: string; actionTitle: string; actionReference: string; professions: string[] }): SessionFacts => ({
	...row.session,
	bodyId: row.bodyId,
	actionTitle: row.actionTitle,
	actionReference: row.actionReference,
	professions: row.professions
});

/** "Travailler en équipe — session 2": how messages and calendars name a session. */
export function sessionLabel(session: { actionTitle: string; number: number }): string {
	return `${session.actionTitle} — session ${session.number}`;
}

export function sessionPath(sessionId: string): string {
	return `/formations/sessions/${sessionId}`;
}

const validId = (id: string) => /^[a-z0-9]{1,40}$/.test(id);

export async function findSessionFacts(db: DbOrTx, sessionId: string): Promise<SessionFacts | null> {
	if (!validId(sessionId)) return null;
	const [row] = await db
		.select(factsColumns)
		.from(dpcSessions)
		.innerJoin(dpcActions, eq(dpcActions.id, dpcSessions.actionId))
		.where(eq(dpcSessions.id, sessionId));
	return row ? flatten(row) : null;
}

export async function requireSessionFacts(db: DbOrTx, sessionId: string): Promise<SessionFacts> {
	const facts = await findSessionFacts(db, sessionId);
	if (!facts) throw notFound('dpc.sessionNotFound');
	return facts;
}

/**
 * Locks the session row for the rest of the transaction: registrations, cancellations,
 * promotions and edits of one session happen one after the other, so counts stay exact.
 */
export async function lockSession(tx: Tx, sessionId: string): Promise<SessionFacts> {
	if (!validId(sessionId)) throw notFound('dpc.sessionNotFound');
	const [row] = await tx
		.select(factsColumns)
		.from(dpcSessions)
		.innerJoin(dpcActions, eq(dpcActions.id, dpcSessions.actionId))
		.where(eq(dpcSessions.id, sessionId))
		.for('update', { of: dpcSessions });
	if (!row) throw notFound('dpc.sessionNotFound');
	return flatten(row);
}

export async function listParts(db: DbOrTx, sessionId: string): Promise<DpcSessionPart[]> {
	return db.select().from(dpcSessionParts).where(eq(dpcSessionParts.sessionId, sessionId)).orderBy(asc(dpcSessionParts.position));
}
