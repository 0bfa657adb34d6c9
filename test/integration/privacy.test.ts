/**
 * « Mes données » (RGPD): the export built by the outbox worker and taken once by its owner,
 * the deletion of an account (DPC seats given to the waiting list, attendance kept apart, forum
 * posts kept unsigned or erased, no name left where others look), the retention purge, and the
 * journal entries of both.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import {
	auditLog,
	dataExports,
	dpcRegistrations,
	dpcSessions,
	emailTokens,
	libraryAttachments,
	mailOutbox,
	notifications,
	outboxJobs,
	retainedTrainingRecords,
	sessions,
	users
} from '../../src/lib/server/db/schema';
import { listAudit } from '../../src/lib/server/audit';
import { createSession } from '../../src/lib/server/auth/session';
import { listParticipants, listSessionTrainers, recordAttendance, register, sessionEvents, trainerEvents } from '../../src/lib/server/dpc';
import { buildAtomFeed } from '../../src/lib/server/library/feed';
import { ensureCategory, getThreadView, replyToThread, searchForum, startThread } from '../../src/lib/server/forum';
import { deleteAccount, purgeExpiredData, requestExport, takeExport } from '../../src/lib/server/privacy';
import { DiskStore } from '../../src/lib/server/storage/disk';
import { setAttachmentStore } from '../../src/lib/server/storage';
import { useTestDatabase } from '../helpers/db';
import { formData } from '../helpers/auth';
import { viewerOf } from '../helpers/dpc';
import { forumViewerOf, refusal, threadInput } from '../helpers/forum';
import { makeAction, makeBody, makeResource, makeSession, makeTrainer, makeUser } from '../helpers/factories';
import { drainOutbox } from '../helpers/outbox';

const testDb = useTestDatabase();
const DAY = 86_400_000;
const HOUR = 3_600_000;
let root: string;
let store: DiskStore;

beforeAll(async () => {
	root = await mkdtemp(path.join(tmpdir(), 'cpts-privacy-'));
	store = new DiskStore(root);
	setAttachmentStore(store);
});
afterAll(async () => {
	setAttachmentStore(undefined);
	await rm(root, { recursive: true, force: true });
});

async function forumPost(user: Awaited<ReturnType<typeof makeUser>>, title: string, body: string) {
	const category = await ensureCategory({ slug: 'rgpd-essai', name: 'Essai RGPD' });
	const viewer = await forumViewerOf(testDb.db, user);
	const { threadId } = await startThread(testDb.db, viewer, category.id, threadInput(title, body));
	return { threadId, category };
}

describe('export of my data', () => {
	it('is built off the request, downloaded once by its owner only, and journaled', async () => {
		const claire = await makeUser(testDb.db, { name: 'Claire Export' });
		const other = await makeUser(testDb.db);
		const { threadId } = await forumPost(claire, 'Astreintes partagées', 'Comment organisez-vous les astreintes du samedi ?');
		await replyToThread(testDb.db, await forumViewerOf(testDb.db, claire), threadId, 'Nous tournons entre six cabinets.');
		const resource = await makeResource(testDb.db, { authorId: claire.id, title: 'Fiche de liaison ville-hôpital' });
		await store.put(`library/${resource.id}/fiche.pdf`, new TextEncoder().encode('%PDF-1.4 fiche'));
		await testDb.db.insert(libraryAttachments).values({
			id: 'att' + resource.id,
			resourceId: resource.id,
			storageKey: `library/${resource.id}/fiche.pdf`,
			fileName: 'fiche.pdf',
			mediaType: 'application/pdf',
			sizeBytes: 14,
			sha256: '0'.repeat(64),
			uploadedBy: claire.id
		});

		const asked = await requestExport(testDb.db, claire.id);
		expect(asked.status).toBe('pending');
		// One at a time: a second request is refused while the first is open.
		expect((await refusal(requestExport(testDb.db, claire.id))).messageKey).toBe('privacy.export.alreadyOpen');
		const [job] = await testDb.db.select().from(outboxJobs).where(and(eq(outboxJobs.kind, 'privacy.export'), eq(outboxJobs.status, 'pending')));
		expect(job.payload).toEqual({ exportId: asked.id });
		// Not ready before the worker ran.
		expect((await refusal(takeExport(testDb.db, claire.id, asked.id))).messageKey).toBe('privacy.export.not.pending');

		await drainOutbox();
		const [built] = await testDb.db.select().from(dataExports).where(eq(dataExports.id, asked.id));
		expect(built.status).toBe('ready');

		// Somebody else: not found (the export is not said to exist), and it stays ready.
		expect((await refusal(takeExport(testDb.db, other.id, asked.id))).code).toBe('not_found');
		const { bytes } = await takeExport(testDb.db, claire.id, asked.id);
		const files = unzipSync(bytes);
		const forum = JSON.parse(strFromU8(files['forum.json']));
		expect(forum.posts.map((post: { text: string }) => post.text)).toEqual(['Comment organisez-vous les astreintes du samedi ?', 'Nous tournons entre six cabinets.']);
		const profile = JSON.parse(strFromU8(files['profil.json']));
		expect(profile.profile).toMatchObject({ name: 'Claire Export', email: claire.email });
		expect(strFromU8(files['profil.json'])).not.toContain('argon2');
		expect(JSON.parse(strFromU8(files['bibliotheque.json'])).resources[0].title).toBe('Fiche de liaison ville-hôpital');
		expect(strFromU8(files[`pieces-jointes/att${resource.id}-fiche.pdf`])).toBe('%PDF-1.4 fiche');
		for (const name of ['adhesions.json', 'formations.json', 'notifications.json', 'projets.json']) expect(files[name]).toBeDefined();

		// Once: the second download is refused and the file is gone.
		expect((await refusal(takeExport(testDb.db, claire.id, asked.id))).messageKey).toBe('privacy.export.not.downloaded');
		expect(await store.open(`exports/${asked.id}.zip`)).toBeNull();
		const journal = await testDb.db.select().from(auditLog).where(and(eq(auditLog.action, 'privacy.export'), eq(auditLog.targetId, claire.id)));
		expect(journal).toHaveLength(1);
		// A new export may be asked once the last one is taken.
		expect((await requestExport(testDb.db, claire.id)).status).toBe('pending');
	});

	it('expires when not taken in time: the purge removes the file and the download is refused', async () => {
		const user = await makeUser(testDb.db);
		const longAgo = new Date(Date.now() - 30 * DAY);
		const asked = await requestExport(testDb.db, user.id, longAgo);
		await drainOutbox();
		expect(await store.open(`exports/${asked.id}.zip`)).not.toBeNull();
		const counts = await purgeExpiredData(testDb.db, new Date(), store);
		expect(counts.exportFiles).toBeGreaterThanOrEqual(1);
		expect(await store.open(`exports/${asked.id}.zip`)).toBeNull();
		expect((await refusal(takeExport(testDb.db, user.id, asked.id))).messageKey).toBe('privacy.export.not.expired');
	});
});

/** A full future session (capacity 1) with `holder` registered and `waiting` on the list, and a past one she attended. */
async function trainingOf(holder: Awaited<ReturnType<typeof makeUser>>, waiting: Awaited<ReturnType<typeof makeUser>>) {
	const body = await makeBody(testDb.db, { name: 'Organisme RGPD' });
	const trainer = await viewerOf(testDb.db, await makeTrainer(testDb.db, body.id));
	const action = await makeAction(testDb.db, body.id);
	const upcoming = await makeSession(testDb.db, action.id, { trainerIds: [trainer.id], capacity: 1 });
	await register(testDb.db, await viewerOf(testDb.db, holder), upcoming.id);
	expect((await register(testDb.db, await viewerOf(testDb.db, waiting), upcoming.id)).status).toBe('waitlisted');

	const start = new Date(Date.now() - 3 * DAY);
	const past = await makeSession(testDb.db, action.id, {
		trainerIds: [trainer.id],
		parts: [{ startsAt: start, endsAt: new Date(start.getTime() + 3 * HOUR), timeZone: 'Europe/Paris' }],
		registrationDeadline: new Date(start.getTime() - DAY)
	});
	await register(testDb.db, await viewerOf(testDb.db, holder), past.id, new Date(start.getTime() - 7 * DAY));
	const list = await listParticipants(testDb.db, trainer, past.id);
	const registration = list.registered.find((person) => person.userId === holder.id)!;
	await recordAttendance(testDb.db, trainer, past.id, [{ registrationId: registration.registrationId, partId: list.parts[0].id, status: 'present', minutesAttended: null }]);
	return { trainer, upcoming, past };
}

describe('deleting my account', () => {
	it('refuses a wrong password or a missing confirmation, and changes nothing', async () => {
		const user = await makeUser(testDb.db);
		expect(await deleteAccount(testDb.db, user.id, formData({ password: 'pas-le-bon-mot-de-passe', posts: 'keep', confirm: 'on' }))).toMatchObject({
			ok: false,
			errors: { password: 'auth.password.currentWrong' }
		});
		expect(await deleteAccount(testDb.db, user.id, formData({ password: user.password, posts: 'keep' }))).toMatchObject({
			ok: false,
			errors: { confirm: 'privacy.delete.confirmRequired' }
		});
		expect(await deleteAccount(testDb.db, user.id, formData({ password: user.password, posts: 'all', confirm: 'on' }))).toMatchObject({
			ok: false,
			errors: { posts: 'form.choice' }
		});
		expect(await testDb.db.select().from(users).where(eq(users.id, user.id))).toHaveLength(1);
	});

	it('erases her, gives her seat to the waiting list, keeps her attendance apart, and no page names her', async () => {
		const name = 'Solène Effacée';
		const alice = await makeUser(testDb.db, { name, profession: 'infirmier' });
		const bob = await makeUser(testDb.db, { name: 'Bruno Attente', profession: 'infirmier' });
		await createSession(testDb.db, alice.id);
		const { trainer, upcoming, past } = await trainingOf(alice, bob);
		const { threadId } = await forumPost(alice, 'Protocole plaies chroniques', 'Partage de notre protocole pansements-chroniques-zz.');
		await replyToThread(testDb.db, await forumViewerOf(testDb.db, bob), threadId, 'Merci pour ce partage.');
		await testDb.db.insert(notifications).values({ userId: bob.id, kind: 'forum.reply', title: 'forum.notify.reply', params: { author: name, thread: 'Protocole' } });

		expect(await deleteAccount(testDb.db, alice.id, formData({ password: alice.password, posts: 'keep', confirm: 'on' }))).toEqual({ ok: true, cancelled: 1, retained: 1 });

		expect(await testDb.db.select().from(users).where(eq(users.id, alice.id))).toHaveLength(0);
		expect(await testDb.db.select().from(sessions).where(eq(sessions.userId, alice.id))).toHaveLength(0);
		// The waiting list moved: Bruno has the seat, the session is still full, never overbooked.
		const seats = await testDb.db.select().from(dpcRegistrations).where(eq(dpcRegistrations.sessionId, upcoming.id));
		expect(seats.map((seat) => [seat.userId, seat.status])).toEqual([[bob.id, 'registered']]);
		const [session] = await testDb.db.select().from(dpcSessions).where(eq(dpcSessions.id, upcoming.id));
		expect(session.status).toBe('full');
		const [promoted] = await testDb.db.select().from(notifications).where(and(eq(notifications.userId, bob.id), eq(notifications.kind, 'dpc.waitlist_promotion')));
		expect(promoted).toBeDefined();

		// What the training body must keep is kept apart, with her attendance.
		const [kept] = await testDb.db.select().from(retainedTrainingRecords).where(eq(retainedTrainingRecords.formerUserId, alice.id));
		expect(kept).toMatchObject({ name, sessionId: past.id });
		expect((kept.attendance as { parts: { status: string }[] }).parts.map((part) => part.status)).toEqual(['present']);
		expect(kept.keepUntil.getUTCFullYear()).toBe(new Date().getUTCFullYear() + 6);

		// Nowhere others look: the thread, the search, the participants (and their CSV), the notifications, the journal.
		const bobViewer = await forumViewerOf(testDb.db, bob);
		const thread = await getThreadView(testDb.db, bobViewer, threadId);
		expect(thread.posts[0]).toMatchObject({ authorName: null });
		expect(JSON.stringify(thread)).not.toContain(name);
		const search = await searchForum(testDb.db, bobViewer, { q: 'pansements chroniques', category: null, nature: null, profession: null, author: null, from: null, to: null, solved: false, page: 1 });
		expect(search.hits.length).toBeGreaterThan(0);
		expect(JSON.stringify(search)).not.toContain(name);
		for (const sessionId of [upcoming.id, past.id]) expect(JSON.stringify(await listParticipants(testDb.db, trainer, sessionId))).not.toContain(name);
		const bobNotifications = await testDb.db.select().from(notifications).where(eq(notifications.userId, bob.id));
		expect(JSON.stringify(bobNotifications)).not.toContain(name);
		expect(bobNotifications.find((row) => row.kind === 'forum.reply')!.params.author).toBe('Ancien membre');
		const journal = await listAudit(testDb.db, { limit: 200 });
		const deletion = journal.entries.find((entry) => entry.action === 'privacy.account_delete' && entry.targetId === alice.id)!;
		expect(deletion.details).toMatchObject({ posts: 'keep', registrationsCancelled: 1, trainingRecordsKept: 1 });
		expect(JSON.stringify(journal)).not.toContain(name);
	});

	it('erases her forum posts when she chooses so, drops the mails still to send to her and her export', async () => {
		const alice = await makeUser(testDb.db);
		const { threadId } = await forumPost(alice, 'Sujet à effacer', 'Texte personnel à effacer-xy.');
		await testDb.db.insert(mailOutbox).values({ toAddress: alice.email, subject: 'Résumé', textBody: 'x', htmlBody: 'x', template: 'digest' });
		const ready = await requestExport(testDb.db, alice.id);
		await drainOutbox();
		expect(await store.open(`exports/${ready.id}.zip`)).not.toBeNull();
		expect((await deleteAccount(testDb.db, alice.id, formData({ password: alice.password, posts: 'erase', confirm: 'on' }))).ok).toBe(true);
		// Her export not taken goes with her.
		expect(await store.open(`exports/${ready.id}.zip`)).toBeNull();
		const view = await getThreadView(testDb.db, await forumViewerOf(testDb.db, await makeUser(testDb.db)), threadId);
		expect(view.posts[0]).toMatchObject({ authorName: null });
		expect(JSON.stringify(view.posts)).not.toContain('effacer-xy');
		expect(JSON.stringify(view.posts)).toContain('Message effacé à la demande de son auteur.');
		expect(await testDb.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, alice.email))).toHaveLength(0);
	});
});

describe('deleting the account of a trainer and author', () => {
	it('takes her name out of the calendars and the library feed', async () => {
		const name = 'Hortense Formatrice';
		const body = await makeBody(testDb.db, { name: 'Organisme calendrier' });
		const trainer = await makeTrainer(testDb.db, body.id, { name });
		const session = await makeSession(testDb.db, (await makeAction(testDb.db, body.id)).id, { trainerIds: [trainer.id] });
		await makeResource(testDb.db, { authorId: trainer.id, title: 'Protocole de coopération infirmier-médecin' });
		const origin = 'https://reseau-cpts.example';
		expect(JSON.stringify(await trainerEvents(testDb.db, trainer.id, origin, 'fr'))).toContain(name);

		expect((await deleteAccount(testDb.db, trainer.id, formData({ password: trainer.password, posts: 'keep', confirm: 'on' }))).ok).toBe(true);
		expect(await trainerEvents(testDb.db, trainer.id, origin, 'fr')).toBeNull();
		expect(await listSessionTrainers(testDb.db, session.id)).toEqual([]);
		expect(JSON.stringify(await sessionEvents(testDb.db, session.id, origin, 'fr'))).not.toContain(name);
		const feed = await buildAtomFeed(testDb.db, origin);
		expect(feed).toContain('Protocole de coopération infirmier-médecin');
		expect(feed).not.toContain(name);
	});
});

describe('retention purge', () => {
	it('deletes what is past its retention and keeps the rest', async () => {
		const user = await makeUser(testDb.db);
		const now = new Date();
		const old = new Date(now.getTime() - 400 * DAY);
		const expired = await createSession(testDb.db, user.id);
		await testDb.db.update(sessions).set({ expiresAt: new Date(now.getTime() - DAY) }).where(eq(sessions.id, expired.session.id));
		const alive = await createSession(testDb.db, user.id);
		await testDb.db.insert(emailTokens).values({ id: 'tok-old-' + user.id, userId: user.id, purpose: 'verify_email', expiresAt: new Date(now.getTime() - 8 * DAY) });
		const [deliveredOld] = await testDb.db.insert(outboxJobs).values({ kind: 'mail.send', payload: {}, status: 'delivered', createdAt: old }).returning();
		const [pendingOld] = await testDb.db.insert(outboxJobs).values({ kind: 'mail.send', payload: {}, status: 'pending', createdAt: old, nextAttemptAt: new Date(now.getTime() + 365 * DAY) }).returning();
		const [mailOld] = await testDb.db.insert(mailOutbox).values({ toAddress: user.email, subject: 's', textBody: 't', htmlBody: 'h', template: 'digest', createdAt: old }).returning();
		const [mailNew] = await testDb.db.insert(mailOutbox).values({ toAddress: user.email, subject: 's', textBody: 't', htmlBody: 'h', template: 'digest' }).returning();
		const [notificationOld] = await testDb.db.insert(notifications).values({ userId: user.id, kind: 'k', title: 't', createdAt: old }).returning();
		await testDb.db.insert(retainedTrainingRecords).values({
			id: 'kept-' + user.id,
			formerUserId: 'gone',
			name: 'Ancienne',
			email: 'a@exemple.fr',
			profession: 'infirmier',
			sessionId: 's',
			session: {},
			attendance: {},
			keepUntil: new Date(now.getTime() - DAY)
		});

		const counts = await purgeExpiredData(testDb.db, now, store);
		expect(counts.sessions).toBeGreaterThanOrEqual(1);
		expect(await testDb.db.select().from(sessions).where(eq(sessions.userId, user.id))).toEqual([expect.objectContaining({ id: alive.session.id })]);
		expect(await testDb.db.select().from(emailTokens).where(eq(emailTokens.userId, user.id))).toHaveLength(0);
		expect(await testDb.db.select().from(outboxJobs).where(eq(outboxJobs.id, deliveredOld.id))).toHaveLength(0);
		// An effect not delivered yet is never purged, however old.
		expect(await testDb.db.select().from(outboxJobs).where(eq(outboxJobs.id, pendingOld.id))).toHaveLength(1);
		expect((await testDb.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, user.email))).map((row) => row.id)).toEqual([mailNew.id]);
		expect(mailOld.id).not.toBe(mailNew.id);
		expect(await testDb.db.select().from(notifications).where(eq(notifications.id, notificationOld.id))).toHaveLength(0);
		expect(await testDb.db.select().from(retainedTrainingRecords).where(eq(retainedTrainingRecords.id, 'kept-' + user.id))).toHaveLength(0);
	});
});
