/** Training bodies (ODPC) and the trainers who work for them. */
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { dpcBodies, dpcTrainers, users } from '../db/schema';
import type { SessionUser } from '../auth/session';
import { generateId } from '../shared/ids';
import type { DpcViewer } from './permissions';

export type DpcBody = typeof dpcBodies.$inferSelect;

/** The rule-facing view of a signed-in user, with the body they train for (one indexed read). */
export async function dpcViewer(db: DbOrTx, user: SessionUser | null | undefined): Promise<DpcViewer | null> {
	if (!user) return null;
	let bodyId: string | null = null;
	if (user.roles.includes('trainer') || user.roles.includes('admin')) {
		const [row] = await db.select({ bodyId: dpcTrainers.bodyId }).from(dpcTrainers).where(eq(dpcTrainers.userId, user.id));
		bodyId = row?.bodyId ?? null;
	}
	return { id: user.id, roles: user.roles, profession: user.profession, bodyId };
}

/** Creates a body, or returns the one with this registration number (idempotent for seeds). */
export async function ensureBody(db: DbOrTx, input: { name: string; registrationNumber: string }): Promise<DpcBody> {
	const [existing] = await db.select().from(dpcBodies).where(eq(dpcBodies.registrationNumber, input.registrationNumber));
	if (existing) return existing;
	const [body] = await db.insert(dpcBodies).values({ id: generateId(), ...input }).returning();
	return body;
}

/** Attaches a trainer to a body (moving them if they worked for another). */
export async function attachTrainer(db: DbOrTx, userId: string, bodyId: string): Promise<void> {
	await db
		.insert(dpcTrainers)
		.values({ userId, bodyId })
		.onConflictDoUpdate({ target: dpcTrainers.userId, set: { bodyId } });
}

export async function getBody(db: DbOrTx, bodyId: string): Promise<DpcBody | null> {
	const [body] = await db.select().from(dpcBodies).where(eq(dpcBodies.id, bodyId));
	return body ?? null;
}

/** The trainers of a body, for the session form's trainer choice. */
export async function listBodyTrainers(db: DbOrTx, bodyId: string): Promise<{ id: string; name: string }[]> {
	return db
		.select({ id: users.id, name: users.name })
		.from(dpcTrainers)
		.innerJoin(users, eq(users.id, dpcTrainers.userId))
		.where(eq(dpcTrainers.bodyId, bodyId))
		.orderBy(asc(users.name));
}
