import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { mailOutbox, notifications } from '../../src/lib/server/db/schema';
import { notify, setDigestFrequency } from '../../src/lib/server/notifications';
import { sendDueDigests } from '../../src/lib/server/notifications/scheduler';
import { useTestDatabase } from '../helpers/db';
import { makeUser } from '../helpers/factories';

const testDb = useTestDatabase();

async function replyAt(userId: string, topic: string, createdAt: Date) {
	const { id } = await notify(testDb.db, { userId, kind: 'forum.reply', params: { topic, name: 'Paul' } });
	await testDb.db.update(notifications).set({ createdAt }).where(eq(notifications.id, id!));
}

describe('the daily digest trigger', () => {
	it('sends at most one digest a day, after 7:00 in Paris, whatever the number of runs', async () => {
		const user = await makeUser(testDb.db);
		const mails = () => testDb.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, user.email));
		// Winter: 7:00 in Paris is 06:00 UTC.
		await replyAt(user.id, 'Hier soir', new Date('2026-01-14T19:00:00Z'));
		await replyAt(user.id, 'Ce matin tôt', new Date('2026-01-15T05:30:00Z'));

		// 6:30 in Paris: the digest of the 15th is not due; the 14th's window holds nothing.
		expect(await sendDueDigests(testDb.db, new Date('2026-01-15T05:30:00Z'))).toEqual({ mails: 0, notifications: 0 });
		// 7:10: due.
		expect(await sendDueDigests(testDb.db, new Date('2026-01-15T06:10:00Z'))).toEqual({ mails: 1, notifications: 2 });

		// 9:00, a new reply; the hourly runs of the day (or a restart) send nothing more.
		await replyAt(user.id, 'Dans la matinée', new Date('2026-01-15T08:00:00Z'));
		for (const hour of ['09', '12', '23']) {
			expect(await sendDueDigests(testDb.db, new Date(`2026-01-15T${hour}:10:00Z`))).toEqual({ mails: 0, notifications: 0 });
		}
		// Next day, 7:05: the morning reply goes out.
		expect(await sendDueDigests(testDb.db, new Date('2026-01-16T06:05:00Z'))).toEqual({ mails: 1, notifications: 1 });
		const sent = await mails();
		expect(sent).toHaveLength(2);
		expect(sent.map((mail) => mail.textBody.includes('Dans la matinée'))).toEqual([false, true]);
	});
});

describe('the weekly digest', () => {
	it('gathers a week on Monday 7:00 in Paris, leaves daily readers alone, and says nothing when nothing is new', async () => {
		const weekly = await makeUser(testDb.db);
		const daily = await makeUser(testDb.db);
		await setDigestFrequency(testDb.db, weekly.id, 'weekly');
		const mailsTo = (address: string) => testDb.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, address));
		// Week of Monday 5 January 2026: replies on Tuesday and Friday for both.
		for (const user of [weekly, daily]) {
			await replyAt(user.id, 'Mardi', new Date('2026-01-06T10:00:00Z'));
			await replyAt(user.id, 'Vendredi', new Date('2026-01-09T16:00:00Z'));
		}

		// The daily runs of the week mail the daily reader only.
		expect(await sendDueDigests(testDb.db, new Date('2026-01-07T06:10:00Z'))).toEqual({ mails: 1, notifications: 1 });
		expect(await sendDueDigests(testDb.db, new Date('2026-01-10T06:10:00Z'))).toEqual({ mails: 1, notifications: 1 });
		expect(await mailsTo(weekly.email)).toHaveLength(0);

		// Monday 12 January, 7:10 in Paris: one mail with both replies.
		expect(await sendDueDigests(testDb.db, new Date('2026-01-12T06:10:00Z'))).toEqual({ mails: 1, notifications: 2 });
		const [mail] = await mailsTo(weekly.email);
		expect(mail.subject).toBe('Votre semaine sur Réseau CPTS\u00a0: 2 nouvelles notifications');
		expect(mail.textBody).toContain('cette semaine');
		expect(mail.textBody.indexOf('Mardi')).toBeLessThan(mail.textBody.indexOf('Vendredi'));

		// A reply on Tuesday 13 waits for the next Monday; a week with nothing new sends nothing.
		await replyAt(weekly.id, 'Mardi suivant', new Date('2026-01-13T09:00:00Z'));
		expect(await sendDueDigests(testDb.db, new Date('2026-01-14T06:10:00Z'))).toEqual({ mails: 0, notifications: 0 });
		expect(await sendDueDigests(testDb.db, new Date('2026-01-19T06:10:00Z'))).toEqual({ mails: 1, notifications: 1 });
		expect(await sendDueDigests(testDb.db, new Date('2026-01-26T06:10:00Z'))).toEqual({ mails: 0, notifications: 0 });
		expect(await mailsTo(weekly.email)).toHaveLength(2);
	});
});
