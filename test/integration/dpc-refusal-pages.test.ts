/**
 * DPC refusals as their pages receive them: catalogue keys that the page's own message groups
 * translate. They used to arrive already translated, so the page looked the French sentence up
 * as a key: a console warning, and in the browser a fetch of the whole catalogue.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { catalogues } from '../../src/lib/i18n/catalogue.server';
import { fieldErrorText } from '../../src/lib/i18n/field-error';
import { fillTemplate } from '../../src/lib/i18n/locale';
import { groupsForRoute } from '../../src/lib/i18n/route-groups';
import type { Translate } from '../../src/lib/i18n/keys';
import { actions as sessionActions } from '../../src/routes/formations/sessions/[id]/+page.server';
import { actions as bodyActions } from '../../src/routes/formations/organismes/+page.server';
import { useTestDatabase } from '../helpers/db';
import { makeAction, makeBody, makeSession, makeUser } from '../helpers/factories';
import { asSessionUser, routeOutcome } from '../helpers/routes';

const testDb = useTestDatabase();

/** The page's translate function in the browser: only the groups its route loads. */
function pageTranslator(routeId: string): { t: Translate; missing: string[] } {
	const messages: Record<string, string> = Object.assign({}, ...groupsForRoute(routeId).map((group) => catalogues[group].fr));
	const missing: string[] = [];
	const t: Translate = (key, params) => {
		if (!(key in messages)) missing.push(key);
		return fillTemplate('fr', messages[key] ?? key, params);
	};
	return { t, missing };
}

function actionEvent(user: Awaited<ReturnType<typeof makeUser>>, path: string, params: Record<string, string>, form: Record<string, string> = {}) {
	const url = new URL(`http://localhost${path}`);
	const body = new URLSearchParams(form);
	return {
		locals: { user: asSessionUser(user), locale: 'fr' },
		url,
		params,
		cookies: { get: () => undefined },
		request: new Request(url, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } })
	} as never;
}

afterEach(() => vi.restoreAllMocks());

describe('DPC refusals on their pages', () => {
	it('sends the registration refusal as a key the session page translates, with the way to verify the address', async () => {
		const warn = vi.spyOn(console, 'warn');
		const body = await makeBody(testDb.db);
		const session = await makeSession(testDb.db, (await makeAction(testDb.db, body.id)).id);
		const unverified = await makeUser(testDb.db, { emailVerifiedAt: null });
		const outcome = await routeOutcome(() => sessionActions.register(actionEvent(unverified, `/formations/sessions/${session.id}?/register`, { id: session.id })));
		const failure = outcome.data as { status: number; data: { message: string; messageParams: Record<string, string>; verifyEmailPath?: string } };
		expect(failure.status).toBe(403);
		expect(failure.data).toMatchObject({ message: 'error.emailUnverified', verifyEmailPath: '/verification' });

		const page = pageTranslator('/formations/sessions/[id]');
		expect(page.t(failure.data.message as never, failure.data.messageParams)).toMatch(/^Confirmez d’abord votre adresse e-mail/);
		expect(page.missing).toEqual([]);
		expect(warn).not.toHaveBeenCalled();
	});

	it('sends a refusal about one field next to that field, as a key, keeping what was typed', async () => {
		const warn = vi.spyOn(console, 'warn');
		const body = await makeBody(testDb.db);
		const admin = await makeUser(testDb.db, { roles: ['admin'] });
		const form = { bodyId: body.id, email: 'personne@exemple.fr' };
		const outcome = await routeOutcome(() => bodyActions.attach(actionEvent(admin, '/formations/organismes?/attach', {}, form)));
		const failure = outcome.data as { status: number; data: { errors: Record<string, string>; values: Record<string, string>; action: string; bodyId: string } };
		expect(failure.status).toBe(400);
		expect(failure.data).toMatchObject({ action: 'attach', bodyId: body.id, errors: { email: 'dpc.bodies.notATrainer' }, values: form });

		const page = pageTranslator('/formations/organismes');
		expect(fieldErrorText(page.t, failure.data.errors.email)).toBe(catalogues.dpc.fr['dpc.bodies.notATrainer']);
		expect(page.missing).toEqual([]);
		expect(warn).not.toHaveBeenCalled();
	});
});
