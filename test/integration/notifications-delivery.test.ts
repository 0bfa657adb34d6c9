import { describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { mailOutbox, notifications } from '../../src/lib/server/db/schema';
import {
	getPreferences,
	listNotifications,
	markAllRead,
	markRead,
	notify,
	sendDigests,
	setPreferences,
	unreadCount
} from '../../src/lib/server/notifications';
import { useTestDatabase } from '../helpers/db';
import { makeUser } from '../helpers/factories';

const testDb = useTestDatabase();

const mailsTo = (email: string) => testDb.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, email));
const storedFor = (userId: string) => testDb.db.select().from(notifications).where(eq(notifications.userId, userId));
const HOUR = 3_600_000;

describe('notify follows the preference of each channel', () => {
	it('in_app (the default of "system") stores the notification and sends no mail', async () => {
		const user = await makeUser(testDb.db);
		const result = await notify(testDb.db, { userId: user.id, kind: 'system', params: { message: 'Bienvenue' } });
		expect(result.channel).toBe('in_app');
		const [stored] = await storedFor(user.id);
		expect(stored).toMatchObject({ id: result.id, kind: 'system', channel: 'in_app', readAt: null, emailedAt: null });
		expect(stored.title).toBe('notifications.kind.system.title');
		expect(stored.params).toEqual({ message: 'Bienvenue' });
		expect(await mailsTo(user.email)).toHaveLength(0);
	});

	it('email (the default of mentions) stores it and mails it at once, in the recipient’s locale', async () => {
		const user = await makeUser(testDb.db, { locale: 'en' });
		const result = await notify(testDb.db, {
			userId: user.id,
			kind: 'forum.mention',
			params: { name: 'Dr Girard', topic: 'Soins non programmés', excerpt: 'Qu’en pensez-vous <b>vraiment</b> ?' },
			link: '/forums/sujet/12'
		});
		expect(result.channel).toBe('email');
		const [stored] = await storedFor(user.id);
		expect(stored.emailedAt).toBeInstanceOf(Date);
		const mails = await mailsTo(user.email);
		expect(mails).toHaveLength(1);
		expect(mails[0].template).toBe('notification');
		expect(mails[0].subject).toBe('Dr Girard mentioned you in “Soins non programmés”');
		expect(mails[0].textBody).toContain('Qu’en pensez-vous <b>vraiment</b> ?');
		expect(mails[0].textBody).toContain('http://localhost:3000/forums/sujet/12');
		// What users typed is text in the HTML version, never markup.
		expect(mails[0].htmlBody).toContain('Qu’en pensez-vous &lt;b&gt;vraiment&lt;/b&gt; ?');
	});

	it('digest stores it without mailing it now; off stores nothing at all', async () => {
		const user = await makeUser(testDb.db);
		const digest = await notify(testDb.db, { userId: user.id, kind: 'forum.reply', params: { topic: 'ESP', name: 'Anne' } });
		expect(digest.channel).toBe('digest');
		await setPreferences(testDb.db, user.id, { 'forum.reply': 'off' });
		const off = await notify(testDb.db, { userId: user.id, kind: 'forum.reply', params: { topic: 'ESP', name: 'Anne' } });
		expect(off).toEqual({ id: null, channel: 'off' });
		const stored = await storedFor(user.id);
		expect(stored).toHaveLength(1);
		expect(stored[0]).toMatchObject({ channel: 'digest', emailedAt: null });
		expect(await mailsTo(user.email)).toHaveLength(0);
	});

	it('a chosen preference overrides the default, and is read back with the defaults of other kinds', async () => {
		const user = await makeUser(testDb.db);
		await setPreferences(testDb.db, user.id, { system: 'email', 'forum.mention': 'digest' });
		await setPreferences(testDb.db, user.id, { 'forum.mention': 'in_app' });
		const preferences = await getPreferences(testDb.db, user.id);
		expect(preferences.system).toBe('email');
		expect(preferences['forum.mention']).toBe('in_app');
		expect(preferences['forum.reply']).toBe('digest');
		const result = await notify(testDb.db, { userId: user.id, kind: 'system', params: { message: 'Maintenance ce soir' } });
		expect(result.channel).toBe('email');
		expect(await mailsTo(user.email)).toHaveLength(1);
	});

	it('never mails an unverified address: the notification is kept in the app only', async () => {
		const user = await makeUser(testDb.db, { emailVerifiedAt: null });
		const result = await notify(testDb.db, { userId: user.id, kind: 'cpts.invitation', params: { cpts: 'CPTS Sud-Toulois', name: 'Claire' } });
		expect(result.channel).toBe('in_app');
		expect(await mailsTo(user.email)).toHaveLength(0);
	});

	it('refuses links that leave the site, in the code and in the database', async () => {
		const user = await makeUser(testDb.db);
		for (const link of ['https://exemple.fr', '//exemple.fr/x', '/\\exemple.fr', 'javascript:alert(1)']) {
			await expect(notify(testDb.db, { userId: user.id, kind: 'system', params: { message: 'x' }, link })).rejects.toThrow();
		}
		await expect(
			testDb.db.insert(notifications).values({ userId: user.id, kind: 'system', title: 't', link: '//exemple.fr' })
		).rejects.toThrow();
		expect(await storedFor(user.id)).toHaveLength(0);
	});
});

describe('reading notifications', () => {
	it('counts unread, lists newest first page by page, and marks all read', async () => {
		const user = await makeUser(testDb.db);
		const ids: number[] = [];
		for (let index = 0; index < 5; index++) {
			ids.push((await notify(testDb.db, { userId: user.id, kind: 'system', params: { message: `n${index}` } })).id!);
		}
		expect(await unreadCount(testDb.db, user.id)).toBe(5);
		const first = await listNotifications(testDb.db, user.id, { limit: 2 });
		expect(first.items.map((item) => item.id)).toEqual([ids[4], ids[3]]);
		const second = await listNotifications(testDb.db, user.id, { limit: 2, before: first.nextBefore });
		expect(second.items.map((item) => item.id)).toEqual([ids[2], ids[1]]);
		const last = await listNotifications(testDb.db, user.id, { limit: 2, before: second.nextBefore });
		expect(last.items.map((item) => item.id)).toEqual([ids[0]]);
		expect(last.nextBefore).toBeNull();

		expect(await markRead(testDb.db, user.id, ids[0])).toBe(true);
		expect(await unreadCount(testDb.db, user.id)).toBe(4);
		expect(await markAllRead(testDb.db, user.id)).toBe(4);
		expect(await unreadCount(testDb.db, user.id)).toBe(0);
		expect(await markAllRead(testDb.db, user.id)).toBe(0);
	});

	it('markRead refuses another user’s notification and changes nothing', async () => {
		const owner = await makeUser(testDb.db);
		const intruder = await makeUser(testDb.db);
		const { id } = await notify(testDb.db, { userId: owner.id, kind: 'system', params: { message: 'privé' } });
		await notify(testDb.db, { userId: intruder.id, kind: 'system', params: { message: 'à moi' } });
		expect(await markRead(testDb.db, intruder.id, id!)).toBe(false);
		expect(await markRead(testDb.db, intruder.id, 987_654_321)).toBe(false);
		const [stored] = await storedFor(owner.id);
		expect(stored.readAt).toBeNull();
		expect(await unreadCount(testDb.db, owner.id)).toBe(1);
		// markAllRead only touches the caller's own.
		await markAllRead(testDb.db, intruder.id);
		expect(await unreadCount(testDb.db, owner.id)).toBe(1);
		expect((await listNotifications(testDb.db, intruder.id)).items.map((item) => item.id)).not.toContain(id);
	});
});

describe('daily digest', () => {
	it('sends one mail per user with their new digest notifications, then nothing when nothing is new', async () => {
		await sendDigests(testDb.db); // Other tests of this file may have left some.
		const anne = await makeUser(testDb.db, { name: 'Anne Martin' });
		const marc = await makeUser(testDb.db, { name: 'Marc Girard', locale: 'en' });
		const inAppOnly = await makeUser(testDb.db);
		await notify(testDb.db, { userId: anne.id, kind: 'forum.reply', params: { topic: 'Diagnostic territorial', name: 'Paul' }, link: '/forums/sujet/1' });
		await notify(testDb.db, { userId: anne.id, kind: 'draft.comment', params: { draft: 'Projet de santé du Barrois', name: 'Lise' } });
		await notify(testDb.db, { userId: marc.id, kind: 'forum.reply', params: { topic: 'Parcours personnes âgées', name: 'Anne' } });
		await notify(testDb.db, { userId: inAppOnly.id, kind: 'system', params: { message: 'Bienvenue' } });
		// Too old for today's digest: more than a day before "now".
		const old = await notify(testDb.db, { userId: anne.id, kind: 'forum.reply', params: { topic: 'Ancien', name: 'X' } });
		await testDb.db.update(notifications).set({ createdAt: new Date(Date.now() - 30 * HOUR) }).where(eq(notifications.id, old.id!));

		const result = await sendDigests(testDb.db, new Date(Date.now() + 1000));
		expect(result).toEqual({ mails: 2, notifications: 3 });

		const [anneMail, ...anneOthers] = await mailsTo(anne.email);
		expect(anneOthers).toHaveLength(0);
		expect(anneMail.template).toBe('notification_digest');
		expect(anneMail.subject).toBe('Votre récapitulatif Réseau CPTS\u00a0: 2 nouvelles notifications');
		expect(anneMail.textBody).toContain('Bonjour Anne Martin');
		expect(anneMail.textBody).toContain('Nouvelle réponse à «\u00a0Diagnostic territorial\u00a0»\u00a0: http://localhost:3000/forums/sujet/1');
		expect(anneMail.textBody).toContain('Nouveau commentaire sur «\u00a0Projet de santé du Barrois\u00a0»');
		expect(anneMail.textBody).not.toContain('Ancien');
		const [marcMail] = await mailsTo(marc.email);
		expect(marcMail.subject).toBe('Your Réseau CPTS digest: 1 new notification');
		expect(await mailsTo(inAppOnly.email)).toHaveLength(0);

		const mailed = await testDb.db
			.select()
			.from(notifications)
			.where(and(inArray(notifications.userId, [anne.id, marc.id]), eq(notifications.channel, 'digest')));
		expect(mailed.filter((row) => row.emailedAt !== null)).toHaveLength(3);
		expect(mailed.find((row) => row.id === old.id)!.emailedAt).toBeNull();

		expect(await sendDigests(testDb.db, new Date(Date.now() + 2000))).toEqual({ mails: 0, notifications: 0 });
		expect(await mailsTo(anne.email)).toHaveLength(1);
	});

	it('leaves notifications created after "now" for the next digest', async () => {
		await sendDigests(testDb.db);
		const user = await makeUser(testDb.db);
		await notify(testDb.db, { userId: user.id, kind: 'forum.reply', params: { topic: 'T', name: 'N' } });
		expect(await sendDigests(testDb.db, new Date(Date.now() - HOUR))).toEqual({ mails: 0, notifications: 0 });
		expect((await sendDigests(testDb.db, new Date(Date.now() + 1000))).mails).toBe(1);
	});

	it('two digest runs at the same moment send each user one mail', async () => {
		await sendDigests(testDb.db);
		const users = await Promise.all([makeUser(testDb.db), makeUser(testDb.db), makeUser(testDb.db)]);
		for (const user of users) {
			await notify(testDb.db, { userId: user.id, kind: 'forum.reply', params: { topic: 'T', name: 'N' } });
			await notify(testDb.db, { userId: user.id, kind: 'draft.comment', params: { draft: 'D', name: 'N' } });
		}
		const now = new Date(Date.now() + 1000);
		const [first, second] = await Promise.all([sendDigests(testDb.db, now), sendDigests(testDb.db, now)]);
		expect(first.mails + second.mails).toBe(3);
		expect(first.notifications + second.notifications).toBe(6);
		for (const user of users) expect(await mailsTo(user.email)).toHaveLength(1);
	});
});
