/**
 * Demo DPC content: two training bodies (one in mainland France, one in Réunion), their
 * trainers, five interprofessional actions on CPTS themes (IGAS report, DOMAIN.md) with
 * sessions in Paris, Réunion and Martinique time, some registrations and a waiting list, and
 * one completed session whose participants (the demo coordinator among them) have their
 * certificates. Idempotent: an action whose reference exists is left as it is.
 */
import { hash } from '@node-rs/argon2';
import { eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import {
	dpcActionResources,
	dpcActions,
	dpcAttendance,
	dpcRegistrations,
	dpcSessionParts,
	dpcSessions,
	dpcSessionTrainers,
	userRoles,
	users
} from '../db/schema';
import { findResourceBySlug } from '../library/resources';
import { generateId, generateSecretToken } from '../shared/ids';
import type { Profession } from '../../domain/professions';
import { attachTrainer, ensureBody } from '../dpc/bodies';
import { ACTIONS, BODIES, planParts, TRAINER_DEMO, TRAINERS } from './dpc-content';
import { openSessionThread } from '../dpc/forum';
import { hasSeatFor, totalRegistered, type SeatCounts } from '../dpc/seats';
import { findSessionFacts } from '../dpc/session-facts';

const DAY_MS = 86_400_000;
const DPC_SEED_LOCK_KEY = 7_270_006;

export async function seedDpcDemo(db: DbOrTx, options: { trainerId: string | null; now?: Date }): Promise<{ actions: number; sessions: number }> {
	const now = options.now ?? new Date();
	const unusable = await hash(generateSecretToken());
	return db.transaction(async (tx) => {
		await tx.execute(sql`select pg_advisory_xact_lock(${DPC_SEED_LOCK_KEY})`);
		const existing = new Set(
			(await tx.select({ reference: dpcActions.reference }).from(dpcActions).where(inArray(dpcActions.reference, ACTIONS.map((action) => action.reference)))).map(
				(row) => row.reference
			)
		);
		if (existing.size === ACTIONS.length) return { actions: 0, sessions: 0 };

		const bodyIds = {
			territoires: (await ensureBody(tx, BODIES.territoires)).id,
			ocean: (await ensureBody(tx, BODIES.ocean)).id
		};
		const people = new Map<string, { id: string; profession: Profession }>();
		const lookup = async (email: string) => {
			if (!people.has(email)) {
				const [row] = await tx.select({ id: users.id, profession: users.profession }).from(users).where(eq(users.email, email));
				if (row) people.set(email, { id: row.id, profession: row.profession as Profession });
			}
			return people.get(email) ?? null;
		};
		if (options.trainerId) await attachTrainer(tx, options.trainerId, bodyIds.territoires);
		for (const trainer of TRAINERS) {
			let row = await lookup(trainer.email);
			if (!row) {
				const id = generateId();
				await tx.insert(users).values({ id, email: trainer.email, name: trainer.name, profession: trainer.profession, passwordHash: unusable, emailVerifiedAt: now });
				row = { id, profession: trainer.profession };
				people.set(trainer.email, row);
			}
			await tx.insert(userRoles).values({ userId: row.id, role: 'trainer' }).onConflictDoNothing();
			await attachTrainer(tx, row.id, bodyIds[trainer.body]);
		}

		let actions = 0;
		let sessions = 0;
		for (const entry of ACTIONS) {
			if (existing.has(entry.reference)) continue;
			const actionId = generateId();
			await tx.insert(dpcActions).values({
				id: actionId,
				reference: entry.reference,
				bodyId: bodyIds[entry.body],
				title: entry.title,
				orientation: entry.orientation,
				method: entry.method,
				format: entry.format,
				professions: entry.professions,
				interprofessional: true,
				andpcFunded: entry.andpcFunded,
				missions: entry.missions,
				objectives: entry.objectives,
				programme: entry.programme,
				createdBy: options.trainerId,
				createdAt: new Date(now.getTime() - 90 * DAY_MS)
			});
			actions++;
			let position = 0;
			for (const slug of entry.resources) {
				const resource = await findResourceBySlug(tx, slug);
				if (resource?.status === 'published') await tx.insert(dpcActionResources).values({ actionId, resourceId: resource.id, position: position++ });
			}
			for (const demo of entry.sessions) {
				// Working days from today, at the place's wall-clock times.
				const parts = planParts(demo, now);
				const sessionId = generateId();
				await tx.insert(dpcSessions).values({
					id: sessionId,
					actionId,
					number: demo.number,
					status: demo.status,
					capacity: demo.capacity,
					reservedSeats: demo.reservedSeats ?? {},
					place: demo.place ?? null,
					videoUrl: demo.videoUrl ?? null,
					regionCode: demo.regionCode ?? null,
					registrationDeadline: new Date(parts[0].startsAt.getTime() - 2 * DAY_MS),
					startsAt: parts[0].startsAt,
					endsAt: parts[parts.length - 1].endsAt,
					createdBy: options.trainerId,
					publishedAt: demo.status === 'draft' ? null : new Date(now.getTime() - 30 * DAY_MS)
				});
				sessions++;
				const partRows = await tx
					.insert(dpcSessionParts)
					.values(parts.map((part, index) => ({ id: generateId(), sessionId, position: index, ...part })))
					.returning({ id: dpcSessionParts.id });
				for (const email of demo.trainers) {
					const trainer = email === TRAINER_DEMO ? (options.trainerId ? { id: options.trainerId } : null) : await lookup(email);
					if (trainer) await tx.insert(dpcSessionTrainers).values({ sessionId, userId: trainer.id });
				}
				// The same seat rules as real registrations, in order: the last ones may wait.
				const counts: SeatCounts = {};
				const rules = { capacity: demo.capacity, reservedSeats: demo.reservedSeats ?? {} };
				for (const [index, email] of (demo.registrants ?? []).entries()) {
					const person = await lookup(email);
					if (!person || !entry.professions.includes(person.profession)) continue;
					const status = hasSeatFor(rules, counts, person.profession) ? 'registered' : 'waitlisted';
					if (status === 'registered') counts[person.profession] = (counts[person.profession] ?? 0) + 1;
					const queuedAt = new Date(now.getTime() - (20 - index) * DAY_MS);
					const registrationId = generateId();
					await tx.insert(dpcRegistrations).values({
						id: registrationId,
						sessionId,
						userId: person.id,
						status,
						profession: person.profession,
						queuedAt,
						registeredAt: status === 'registered' ? queuedAt : null,
						createdAt: queuedAt
					});
					if (demo.attended && status === 'registered') {
						await tx.insert(dpcAttendance).values(
							partRows.map((part) => ({ registrationId, partId: part.id, status: 'present' as const, recordedBy: options.trainerId, recordedAt: parts[parts.length - 1].endsAt }))
						);
					}
				}
				if (demo.status === 'published' && totalRegistered(counts) >= demo.capacity) {
					await tx.update(dpcSessions).set({ status: 'full' }).where(eq(dpcSessions.id, sessionId));
				}
				// Published sessions have their discussion thread, as publishing opens it.
				if (demo.status !== 'draft') await openSessionThread(tx, (await findSessionFacts(tx, sessionId))!);
			}
		}
		return { actions, sessions };
	});
}
