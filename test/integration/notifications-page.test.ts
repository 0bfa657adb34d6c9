/**
 * The notifications page shows titles from every feature that notifies (forum, exchanges, DPC,
 * drafts, CPTS…) but loads only its own message groups: the texts of the keys it lists come
 * with its data. It used to load six groups (≈ 19 kB gzip in the browser) for them.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { catalogues } from '../../src/lib/i18n/catalogue.server';
import { fillTemplate } from '../../src/lib/i18n/locale';
import { groupsForRoute } from '../../src/lib/i18n/route-groups';
import { notifications } from '../../src/lib/server/db/schema';
import { load } from '../../src/routes/notifications/+page.server';
import { useTestDatabase } from '../helpers/db';
import { makeUser } from '../helpers/factories';
import { asSessionUser, routeOutcome } from '../helpers/routes';

const testDb = useTestDatabase();

afterEach(() => vi.restoreAllMocks());

describe('the notifications page', () => {
	it('receives the texts of the titles and bodies it lists, whatever feature sent them, in the reader’s locale', async () => {
		const member = await makeUser(testDb.db);
		await testDb.db.insert(notifications).values([
			{ userId: member.id, kind: 'forum.watched', title: 'forum.notify.watched.title', body: 'forum.notify.watched.body', params: { topic: 'Garde du samedi', name: 'Léa' } },
			{ userId: member.id, kind: 'dpc.cancelled', title: 'dpc.notify.cancelled.title', body: 'dpc.notify.cancelled.body', params: { session: 'Plaies chroniques' } },
			{ userId: member.id, kind: 'forum.exchange', title: 'notifications.kind.forum.exchange.title', body: 'forum.exchange.notify.body', params: { topic: 'Garde', when: 'le 12 mars' } },
			{ userId: member.id, kind: 'system', title: 'notifications.kind.system.title', params: { message: 'Maintenance ce soir' } }
		]);
		const event = (locale: 'fr' | 'en') =>
			({ locals: { user: asSessionUser(member), locale }, url: new URL('http://localhost/notifications') }) as never;

		const outcome = await routeOutcome(() => load(event('fr')));
		const data = outcome.data as { templates: Record<string, string>; notifications: { title: string; body: string; params: Record<string, string> }[] };
		const own: Record<string, string> = Object.assign({}, ...groupsForRoute('/notifications').map((group) => catalogues[group].fr));
		const texts = { ...own, ...data.templates };
		for (const item of data.notifications) {
			for (const key of [item.title, item.body].filter(Boolean)) {
				expect(texts[key], key).toBeDefined();
				expect(fillTemplate('fr', texts[key], item.params)).not.toMatch(/\{\w+\}/);
			}
		}
		expect(data.templates['dpc.notify.cancelled.title']).toBe(catalogues.dpc.fr['dpc.notify.cancelled.title']);
		// Only the listed keys, not the groups they come from.
		expect(Object.keys(data.templates).sort()).toEqual(
			['dpc.notify.cancelled.body', 'dpc.notify.cancelled.title', 'forum.exchange.notify.body', 'forum.notify.watched.body', 'forum.notify.watched.title', 'notifications.kind.forum.exchange.title', 'notifications.kind.system.title']
		);
		expect(groupsForRoute('/notifications')).toEqual(['common', 'notifications']);

		const english = (await routeOutcome(() => load(event('en')))).data as { templates: Record<string, string> };
		expect(english.templates['dpc.notify.cancelled.title']).toBe(catalogues.dpc.en['dpc.notify.cancelled.title']);
	});
});
