import ICAL from 'ical.js';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { calendarFeedTokens } from '../../src/lib/server/db/schema';
import {
	collectFeedEvents,
	createFeedToken,
	eventUid,
	getFeedLinkStatus,
	renderPersonalFeed,
	resolveFeedToken,
	revokeFeedToken,
	type FeedSource
} from '../../src/lib/server/calendar';
import { hashToken } from '../../src/lib/server/shared/ids';
import { GET as feedRoute } from '../../src/routes/calendrier/[token].ics/+server';
import { useTestDatabase } from '../helpers/db';
import { makeUser } from '../helpers/factories';

const testDb = useTestDatabase();

/** A stand-in for a feature's contribution (the forum's exchanges, the DPC sessions…). */
const exchanges: FeedSource = {
	name: 'test-exchanges',
	async eventsFor(_db, userId, context) {
		return [
			{
				uid: eventUid('test-exchange', userId),
				sequence: 2,
				start: new Date('2026-12-10T21:00:00Z'),
				end: new Date('2026-12-10T22:30:00Z'),
				timeZone: 'America/Martinique',
				summary: 'Échange de pratiques : plaies chroniques',
				url: `${context.origin}/forums/echanges/1`,
				status: 'confirmed',
				updatedAt: new Date('2026-11-01T00:00:00Z')
			}
		];
	}
};

const cancelled: FeedSource = {
	name: 'test-cancelled',
	async eventsFor() {
		return [
			{
				uid: eventUid('test-session', 'annulee'),
				sequence: 4,
				start: new Date('2026-12-01T05:00:00Z'),
				end: new Date('2026-12-01T08:00:00Z'),
				timeZone: 'Indian/Reunion',
				summary: 'Session annulée',
				status: 'cancelled',
				updatedAt: new Date('2026-11-02T00:00:00Z')
			}
		];
	}
};

describe('personal calendar feeds', () => {
	it('stores only the hash of the token, keeps one live link per user and lists every source', async () => {
		const user = await makeUser(testDb.db);
		expect((await getFeedLinkStatus(testDb.db, user.id)).active).toBe(false);
		const token = await createFeedToken(testDb.db, user.id);
		expect(token).toMatch(/^[a-z2-7]{32}$/);
		const rows = await testDb.db.select().from(calendarFeedTokens).where(eq(calendarFeedTokens.userId, user.id));
		expect(rows).toHaveLength(1);
		expect(rows[0].tokenHash).toBe(hashToken(token));
		expect(JSON.stringify(rows)).not.toContain(token);
		expect((await getFeedLinkStatus(testDb.db, user.id)).active).toBe(true);

		const body = await renderPersonalFeed(testDb.db, token, 'https://reseau.example', [cancelled, exchanges]);
		const calendar = new ICAL.Component(ICAL.parse(body!));
		const events = calendar.getAllSubcomponents('vevent');
		expect(events.map((event) => event.getFirstPropertyValue('summary'))).toEqual([
			'Session annulée',
			'Échange de pratiques : plaies chroniques'
		]);
		expect(events[0].getFirstPropertyValue('status')).toBe('CANCELLED');
		expect(events[1].getFirstPropertyValue('url')).toBe('https://reseau.example/forums/echanges/1');
		expect(calendar.getAllSubcomponents('vtimezone').map((zone) => zone.getFirstPropertyValue('tzid')).sort()).toEqual([
			'America/Martinique',
			'Europe/Paris',
			'Indian/Reunion'
		]);
		expect((await getFeedLinkStatus(testDb.db, user.id)).lastUsedAt).not.toBeNull();
	});

	it('answers 404 to unknown, malformed and revoked tokens, and to the old one after a new link', async () => {
		const user = await makeUser(testDb.db);
		const first = await createFeedToken(testDb.db, user.id);
		const second = await createFeedToken(testDb.db, user.id);
		expect(await resolveFeedToken(testDb.db, first)).toBeNull();
		expect(await resolveFeedToken(testDb.db, second)).toEqual({ userId: user.id, locale: 'fr' });

		const get = (token: string) =>
			Promise.resolve(feedRoute({ params: { token }, url: new URL(`http://localhost/calendrier/${token}.ics`) } as never)).then(
				(response: Response) => response.status,
				(caught: { status?: number }) => caught.status
			);
		expect(await get(second)).toBe(200);
		expect(await get(first)).toBe(404);
		expect(await get('a'.repeat(32))).toBe(404);
		expect(await get("' or 1=1 --")).toBe(404);

		expect(await revokeFeedToken(testDb.db, user.id)).toBe(true);
		expect(await get(second)).toBe(404);
		expect(await revokeFeedToken(testDb.db, user.id)).toBe(false);
		expect((await getFeedLinkStatus(testDb.db, user.id)).active).toBe(false);
	});

	it('serves the feed as text/calendar, private and uncached', async () => {
		const user = await makeUser(testDb.db, { locale: 'en' });
		const token = await createFeedToken(testDb.db, user.id);
		const response = await feedRoute({ params: { token }, url: new URL(`http://localhost/calendrier/${token}.ics`) } as never);
		expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
		expect(response.headers.get('cache-control')).toBe('private, no-store');
		const calendar = new ICAL.Component(ICAL.parse(await response.text()));
		expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Réseau CPTS — my calendar');
	});

	it('drops an event two sources both give, and orders by start', async () => {
		const user = await makeUser(testDb.db);
		const events = await collectFeedEvents(testDb.db, user.id, { origin: 'http://x', locale: 'fr' }, [exchanges, cancelled, exchanges]);
		expect(events.map((event) => event.uid)).toEqual([eventUid('test-session', 'annulee'), eventUid('test-exchange', user.id)]);
	});
});
