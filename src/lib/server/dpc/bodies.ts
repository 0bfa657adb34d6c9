/** Training bodies (ODPC) and the trainers who work for them. */
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../db';
import { dpcBodies, dpcTrainers, userRoles, users } from '../db/schema';
import type { SessionUser } from '../auth/session';
import { writeAudit } from '../audit';
import { forbidden, isUniqueViolation, notFound } from '../shared/errors';
import { fields } from '../shared/forms';
import { generateId } from '../shared/ids';
import { BODY_NUMBER_PATTERN } from '../../domain/dpc';
import { fieldError } from './errors';
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
	return { id: user.id, roles: user.roles, profession: user.profession, emailVerified: user.emailVerified, bodyId };
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

/** Bodies are registered, and trainers attached to them, by admins. */
export function canManageBodies(viewer: { roles: readonly string[] } | null | undefined): boolean {
	return Boolean(viewer?.roles.includes('admin'));
}

export interface BodySummary extends DpcBody {
	trainers: { id: string; name: string; email: string }[];
}

/** Every body with its trainers, for the admins' page. */
export async function listBodies(db: DbOrTx): Promise<BodySummary[]> {
	const [bodies, trainers] = await Promise.all([
		db.select().from(dpcBodies).orderBy(asc(dpcBodies.name)),
		db
			.select({ bodyId: dpcTrainers.bodyId, id: users.id, name: users.name, email: users.email })
			.from(dpcTrainers)
			.innerJoin(users, eq(users.id, dpcTrainers.userId))
			.orderBy(asc(users.name))
	]);
	return bodies.map((body) => ({ ...body, trainers: trainers.filter((trainer) => trainer.bodyId === body.id) }));
}

export const bodyFormSchema = z.object({
	name: fields.requiredText(200),
	registrationNumber: z
		.string({ error: 'form.required' })
		.trim()
		.min(1, 'form.required')
		.regex(BODY_NUMBER_PATTERN, 'dpc.bodies.numberFormat')
});

/** An admin registers a body; its number is unique. */
export async function createBody(db: DbOrTx, actor: DpcViewer | null, input: z.infer<typeof bodyFormSchema>): Promise<DpcBody> {
	if (!actor || !canManageBodies(actor)) throw forbidden();
	try {
		const [body] = await db.insert(dpcBodies).values({ id: generateId(), ...input }).returning();
		await writeAudit(db, { actorId: actor.id, action: 'dpc.body.create', targetType: 'dpc_body', targetId: body.id });
		return body;
	} catch (caught) {
		if (isUniqueViolation(caught, 'dpc_bodies_number_key')) throw fieldError('registrationNumber', 'dpc.bodies.numberTaken');
		throw caught;
	}
}

/** An admin attaches a user holding the trainer role to a body (moving them from another). */
export async function attachTrainerByEmail(db: DbOrTx, actor: DpcViewer | null, bodyId: string, email: string): Promise<void> {
	if (!actor || !canManageBodies(actor)) throw forbidden();
	if (!(await getBody(db, bodyId))) throw notFound('dpc.bodies.notFound');
	const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email.trim().toLowerCase()));
	const [role] = user ? await db.select().from(userRoles).where(and(eq(userRoles.userId, user.id), eq(userRoles.role, 'trainer'))) : [];
	if (!user || !role) throw fieldError('email', 'dpc.bodies.notATrainer');
	await attachTrainer(db, user.id, bodyId);
	await writeAudit(db, { actorId: actor.id, action: 'dpc.body.attach_trainer', targetType: 'user', targetId: user.id, details: { bodyId } });
}
