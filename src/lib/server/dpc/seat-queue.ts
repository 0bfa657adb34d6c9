/**
 * Taking seats in batches: the claims that reach one process for one session while an earlier
 * batch of that session is running are decided together, in one statement that calls the
 * database function dpc_take_seat once per claim, in the order they came.
 *
 * Why: every claim of a session waits for the session's row lock, and the lock is held until
 * the commit, which waits for its WAL to reach the disk. One claim per transaction makes 1,000
 * people at once 1,000 disk flushes one after the other, and each waiting claim holds a pool
 * connection that the other requests (session lookups, pages) then lack. One transaction per
 * batch pays one flush for all of its claims and holds one connection. Nothing is decided
 * outside the lock: each call counts the seats after the previous one's insert (a VOLATILE
 * function takes a new snapshot per statement and sees its own transaction's rows), and
 * several processes still queue on the same row lock, so seats are never oversold.
 *
 * A claim alone (no batch running) starts at once: a quiet session answers as fast as before.
 * A leaf module: it imports nothing of the DPC feature.
 */
import { sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import { rowsOf, type Db, type DbOrTx } from '../db';

export interface SeatClaim {
	sessionId: string;
	userId: string;
	profession: string;
	/** When the person asked: their place in the waiting list and the deadline checks. */
	at: Date;
	/** The registration's id if a row is created. */
	registrationId: string;
}

interface Waiting {
	claim: SeatClaim;
	resolve: (outcome: string) => void;
	reject: (error: unknown) => void;
}

/** Claims decided per statement: bounds the time one transaction holds the session's lock. */
const BATCH_LIMIT = 250;

/** Per database handle, per session: the claims waiting for the running batch to finish. */
const queues = new WeakMap<Db, Map<string, Waiting[]>>();

/** One claim, one statement: dpc_take_seat's answer (migration 0025). */
async function takeOne(db: DbOrTx, claim: SeatClaim): Promise<string> {
	const [row] = rowsOf<{ outcome: string }>(
		await db.execute(
			sql`select dpc_take_seat(${claim.sessionId}, ${claim.userId}, ${claim.profession}, ${claim.at.toISOString()}::timestamptz, ${claim.registrationId}) as outcome`
		)
	);
	return row.outcome;
}

/**
 * Several claims of one session in one statement (one transaction, one commit), decided in
 * the array's order; the answers come back in that order.
 */
async function takeMany(db: Db, sessionId: string, claims: SeatClaim[]): Promise<string[]> {
	// JSON rather than array parameters: both drivers (postgres.js, PGlite) pass one text.
	const payload = JSON.stringify(claims.map((claim) => ({ u: claim.userId, p: claim.profession, a: claim.at.toISOString(), i: claim.registrationId })));
	const rows = rowsOf<{ position: number; outcome: string }>(
		await db.execute(sql`
			select claims.position::int as position,
				dpc_take_seat(${sessionId}, claims.value ->> 'u', claims.value ->> 'p', (claims.value ->> 'a')::timestamptz, claims.value ->> 'i') as outcome
			from jsonb_array_elements(${payload}::jsonb) with ordinality as claims(value, position)
			order by claims.position`)
	);
	const outcomes = rows.map((row) => row.outcome);
	if (outcomes.length !== claims.length) throw new Error(`dpc_take_seat: ${outcomes.length} answers for ${claims.length} claims`);
	return outcomes;
}

/** Runs the session's batches until no claim waits. */
async function drain(db: Db, sessions: Map<string, Waiting[]>, sessionId: string): Promise<void> {
	const waiting = sessions.get(sessionId)!;
	while (waiting.length > 0) {
		const batch = waiting.splice(0, BATCH_LIMIT);
		const claims = batch.map((each) => each.claim);
		try {
			const outcomes = batch.length === 1 ? [await takeOne(db, claims[0])] : await takeMany(db, sessionId, claims);
			batch.forEach((each, index) => each.resolve(outcomes[index]));
		} catch {
			// The batch rolled back as a whole (a claim that broke a constraint, a lost connection):
			// each claim is tried again alone, so only the one at fault fails.
			for (const each of batch) await takeOne(db, each.claim).then(each.resolve, each.reject);
		}
	}
	sessions.delete(sessionId);
}

/**
 * Takes a seat or a waiting-list place for the claim and answers as dpc_take_seat does
 * ('registered', 'waitlisted', or why not). Inside a caller's transaction the claim is taken
 * there, alone (it must commit or roll back with the rest).
 */
export function takeSeat(db: DbOrTx, claim: SeatClaim): Promise<string> {
	if (db instanceof PgTransaction) return takeOne(db, claim);
	const root = db as Db;
	let sessions = queues.get(root);
	if (!sessions) queues.set(root, (sessions = new Map()));
	return new Promise((resolve, reject) => {
		const waiting = sessions.get(claim.sessionId);
		if (waiting) {
			waiting.push({ claim, resolve, reject });
			return;
		}
		sessions.set(claim.sessionId, [{ claim, resolve, reject }]);
		void drain(root, sessions, claim.sessionId);
	});
}
