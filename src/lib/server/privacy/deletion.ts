/**
 * Deleting one's account (RGPD art. 17), confirmed with the password. In one transaction:
 * the registrations to sessions not started yet are cancelled with the DPC feature's own
 * cancelRegistration (its session lock and waiting-list promotion hold); the attendance of
 * sessions she took part in is copied to retained_training_records for the training body
 * (retention.ts); her forum posts stay, signed « Ancien membre », or are erased, as she
 * chooses; her name is taken out of other people's notifications and the mails to her
 * address are dropped; the journal records the deletion; then her row goes, and with it
 * (foreign keys) her sessions, memberships, bookmarks, votes, preferences and roles, while
 * what she wrote for others (library resources, threads, comments) stays without a name.
 */
import { and, eq, gt, inArray, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../db';
import {
	dataExports,
	dpcActions,
	dpcAttendance,
	dpcBodies,
	dpcRegistrations,
	dpcSessionParts,
	dpcSessions,
	dpcTrainers,
	forumPostRevisions,
	forumPosts,
	mailOutbox,
	notifications,
	retainedTrainingRecords,
	userRoles,
	users
} from '../db/schema';
import { writeAudit } from '../audit';
import { verifyPassword } from '../auth/passwords';
import { notifyAccessChanged } from '../collab/registry';
import { cancelRegistration, type DpcViewer } from '../dpc';
import { translate } from '../../i18n';
import { parseForm, type FieldErrors } from '../shared/forms';
import { generateId } from '../shared/ids';
import { getAttachmentStore, type AttachmentStore } from '../storage';
import { configuredRetention } from './retention';

/** What becomes of her forum posts. */
export const POST_CHOICES = ['keep', 'erase'] as const;
export type PostChoice = (typeof POST_CHOICES)[number];

const deleteAccountSchema = z.object({
	password: z.string({ error: 'form.required' }).min(1, 'form.required').max(200, 'form.required'),
	posts: z.enum(POST_CHOICES, { error: 'form.choice' }),
	confirm: z.literal('on', { error: 'privacy.delete.confirmRequired' })
});

export type DeleteAccountOutcome =
	| { ok: true; cancelled: number; retained: number }
	| { ok: false; errors: FieldErrors; values: Record<string, string> };

/**
 * Deletes the account after checking her password. The caller clears the cookie (every
 * session is gone with the account).
 */
export async function deleteAccount(
	db: DbOrTx,
	userId: string,
	form: FormData,
	now: Date = new Date(),
	store: AttachmentStore = getAttachmentStore()
): Promise<DeleteAccountOutcome> {
	const parsed = parseForm(deleteAccountSchema, form);
	if (!parsed.ok) return parsed;
	const [user] = await db.select().from(users).where(eq(users.id, userId));
	if (!user || !(await verifyPassword(user.passwordHash, parsed.data.password))) {
		return { ok: false, errors: { password: 'auth.password.currentWrong' }, values: parsed.values };
	}
	const { exportFiles, ...outcome } = await eraseAccount(db, user, parsed.data.posts, now);
	// Her export rows went with the account; their files go once that is committed.
	for (const key of exportFiles) await store.remove(key);
	// Open collaboration sockets were authenticated by sessions that are gone.
	await notifyAccessChanged({ userId });
	return { ok: true, ...outcome };
}

/** The erasure itself, once the password is checked (exported for the tests of its rules). */
export async function eraseAccount(
	db: DbOrTx,
	user: typeof users.$inferSelect,
	posts: PostChoice,
	now: Date = new Date()
): Promise<{ cancelled: number; retained: number; exportFiles: string[] }> {
	return db.transaction(async (tx) => {
		await tx.select({ id: users.id }).from(users).where(eq(users.id, user.id)).for('update');
		const cancelled = await cancelUpcomingRegistrations(tx, user, now);
		const retained = await retainTrainingRecords(tx, user, now);
		if (posts === 'erase') await eraseForumPosts(tx, user.id);
		await removeNameFromNotifications(tx, user.name);
		await tx.delete(mailOutbox).where(and(eq(mailOutbox.toAddress, user.email), sql`${mailOutbox.sentAt} is null`));
		await writeAudit(tx, {
			actorId: null,
			action: 'privacy.account_delete',
			targetType: 'user',
			targetId: user.id,
			details: { posts, registrationsCancelled: cancelled, trainingRecordsKept: retained }
		});
		const exports = await tx.select({ storageKey: dataExports.storageKey }).from(dataExports).where(eq(dataExports.userId, user.id));
		await tx.delete(users).where(eq(users.id, user.id));
		return { cancelled, retained, exportFiles: exports.flatMap((row) => (row.storageKey ? [row.storageKey] : [])) };
	});
}

/** Cancels her places (and waiting-list places) in sessions not started, promoting the next. */
async function cancelUpcomingRegistrations(tx: DbOrTx, user: typeof users.$inferSelect, now: Date): Promise<number> {
	const upcoming = await tx
		.select({ sessionId: dpcRegistrations.sessionId })
		.from(dpcRegistrations)
		.innerJoin(dpcSessions, eq(dpcSessions.id, dpcRegistrations.sessionId))
		.where(and(eq(dpcRegistrations.userId, user.id), inArray(dpcRegistrations.status, ['registered', 'waitlisted']), gt(dpcSessions.startsAt, now)));
	const roles = await tx.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, user.id));
	const [trainer] = await tx.select({ bodyId: dpcTrainers.bodyId }).from(dpcTrainers).where(eq(dpcTrainers.userId, user.id));
	const viewer: DpcViewer = {
		id: user.id,
		roles: roles.map((row) => row.role) as DpcViewer['roles'],
		profession: user.profession,
		emailVerified: user.emailVerifiedAt !== null,
		bodyId: trainer?.bodyId ?? null
	};
	for (const { sessionId } of upcoming) await cancelRegistration(tx, viewer, sessionId, now);
	return upcoming.length;
}

/** Copies her registrations to sessions that have started, with their attendance, for the training body. */
async function retainTrainingRecords(tx: DbOrTx, user: typeof users.$inferSelect, now: Date): Promise<number> {
	const taken = await tx
		.select({
			registration: dpcRegistrations,
			session: { id: dpcSessions.id, number: dpcSessions.number, startsAt: dpcSessions.startsAt, endsAt: dpcSessions.endsAt },
			action: { reference: dpcActions.reference, title: dpcActions.title },
			body: { name: dpcBodies.name, registrationNumber: dpcBodies.registrationNumber }
		})
		.from(dpcRegistrations)
		.innerJoin(dpcSessions, eq(dpcSessions.id, dpcRegistrations.sessionId))
		.innerJoin(dpcActions, eq(dpcActions.id, dpcSessions.actionId))
		.innerJoin(dpcBodies, eq(dpcBodies.id, dpcActions.bodyId))
		.where(and(eq(dpcRegistrations.userId, user.id), eq(dpcRegistrations.status, 'registered'), lte(dpcSessions.startsAt, now)));
	if (taken.length === 0) return 0;
	const keepUntil = new Date(now);
	keepUntil.setUTCFullYear(keepUntil.getUTCFullYear() + configuredRetention().trainingRecordsYears);
	const records = [];
	for (const { registration, session, action, body } of taken) {
		const marks = await tx
			.select({ startsAt: dpcSessionParts.startsAt, endsAt: dpcSessionParts.endsAt, status: dpcAttendance.status, minutesAttended: dpcAttendance.minutesAttended, recordedAt: dpcAttendance.recordedAt })
			.from(dpcSessionParts)
			.leftJoin(dpcAttendance, and(eq(dpcAttendance.partId, dpcSessionParts.id), eq(dpcAttendance.registrationId, registration.id)))
			.where(eq(dpcSessionParts.sessionId, session.id))
			.orderBy(dpcSessionParts.position);
		records.push({
			id: generateId(),
			formerUserId: user.id,
			name: user.name,
			email: user.email,
			profession: registration.profession,
			rpps: user.rpps,
			sessionId: session.id,
			session: { ...session, action, body },
			attendance: { registeredAt: registration.registeredAt, parts: marks },
			retainedAt: now,
			keepUntil
		});
	}
	await tx.insert(retainedTrainingRecords).values(records);
	return records.length;
}




/** Replaces the text of her posts (and drops their earlier versions): the thread keeps its numbering. */
async function eraseForumPosts(tx: DbOrTx, userId: string): Promise<void> {
	const erased = translate('fr', 'privacy.delete.erasedPost');
	const mine = await tx.select({ id: forumPosts.id }).from(forumPosts).where(eq(forumPosts.authorId, userId));
	if (mine.length === 0) return;
	const ids = mine.map((post) => post.id);
	await tx.delete(forumPostRevisions).where(inArray(forumPostRevisions.postId, ids));
	await tx.update(forumPosts).set({ bodySource: erased, bodyHtml: `<p>${erased}</p>`, bodyText: erased }).where(inArray(forumPosts.id, ids));
}

/** Notifications name their actor in their params ("Claire a répondu…"): she becomes « Ancien membre ». */
async function removeNameFromNotifications(tx: DbOrTx, name: string): Promise<void> {
	const formerMember = translate('fr', 'forum.post.formerMember');
	const rows = await tx
		.select({ id: notifications.id, params: notifications.params })
		.from(notifications)
		.where(sql`exists (select 1 from jsonb_each_text(${notifications.params}) as p(key, value) where p.value = ${name})`);
	for (const row of rows) {
		const params = Object.fromEntries(Object.entries(row.params).map(([key, value]) => [key, value === name ? formerMember : value]));
		await tx.update(notifications).set({ params }).where(eq(notifications.id, row.id));
	}
}
