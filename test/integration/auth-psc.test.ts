/**
 * Pro Santé Connect against a real local OpenID Connect provider shaped like PSC
 * (test/helpers/psc-provider.ts): first sign-in (new account, or an existing account confirmed
 * with its password), link from the account page, and every refusal, which creates nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import type { PscConfig } from '../../src/lib/server/config';
import { auditLog, pscAuthRequests, pscIdentities, users } from '../../src/lib/server/db/schema';
import {
	completePsc,
	confirmPscLink,
	forgetPscConfigurations,
	getPscIdentity,
	getPscPendingLink,
	startPsc,
	type PscOutcome,
	type PscPurpose
} from '../../src/lib/server/auth/psc';
import { hashToken } from '../../src/lib/server/shared/ids';
import { useTestDatabase } from '../helpers/db';
import { makeUser } from '../helpers/factories';
import { formData, validRpps } from '../helpers/auth';
import { PSC_DISCOVERY_PATH, PSC_TEST_CLIENT, signInAtPscTestProvider, startPscTestProvider, type PscTestProvider } from '../helpers/psc-provider';

const testDb = useTestDatabase();
const REDIRECT = 'http://127.0.0.1:5310/connexion/psc/retour';
const client = { ip: '203.0.113.7', userAgent: 'vitest', locale: 'fr' as const };
const claireRpps = validRpps('1000777001');

let provider: PscTestProvider;
let psc: PscConfig;

function pscConfigFor(issuer: string): PscConfig {
	return {
		issuer,
		clientId: PSC_TEST_CLIENT.clientId,
		clientSecret: PSC_TEST_CLIENT.clientSecret,
		redirectUrl: REDIRECT,
		discoveryUrl: issuer + PSC_DISCOVERY_PATH,
		acrValues: 'eidas1',
		scope: 'openid scope_all'
	};
}

beforeAll(async () => {
	provider = await startPscTestProvider({
		redirectUris: [REDIRECT],
		identities: {
			'f:claire': {
				// The test environment's SubjectNameID is not a number: never an RPPS.
				SubjectNameID: 'ANS-BAS-CLAIRE',
				SubjectRefPro: { exercices: [{ codeProfession: '60' }], otherIds: [{ identifiant: claireRpps, origine: 'RPPS' }] },
				given_name: 'Claire',
				family_name: 'Infirmière',
				email: 'claire.psc@exemple.fr'
			},
			'f:noemail': { SubjectNameID: 'ANS-BAS-X', SubjectRefPro: { exercices: [{ codeProfession: '21' }] }, given_name: 'Sans', family_name: 'Adresse' }
		}
	});
	psc = pscConfigFor(provider.issuer);
});
afterAll(() => provider?.close());

const userCount = async () => (await testDb.db.select({ n: count() }).from(users))[0].n;

/** Starts a request, signs in at the provider as `identity`, returns the callback URL and the browser's state. */
async function goToProvider(identity: string | null, purpose: PscPurpose = 'sign_in', userId?: string, config = psc) {
	const started = await startPsc(testDb.db, config, { purpose, userId, redirectTo: '/forums' });
	if (!started.ok) throw new Error(`start refused: ${started.reason}`);
	const callbackUrl = await signInAtPscTestProvider(started.url, identity);
	return { callbackUrl, state: started.state };
}

async function signInWithPsc(identity: string, purpose: PscPurpose = 'sign_in', userId?: string): Promise<PscOutcome> {
	const { callbackUrl, state } = await goToProvider(identity, purpose, userId);
	return completePsc(testDb.db, psc, { callbackUrl, cookieState: state, client });
}

describe('first sign-in with Pro Santé Connect', () => {
	it('creates the account of a new professional, with her RPPS number and profession, and signs her in', async () => {
		const before = await userCount();
		const outcome = await signInWithPsc('f:claire');
		expect(outcome).toMatchObject({ ok: true, kind: 'signedIn', created: true, redirectTo: '/forums' });
		if (!outcome.ok || outcome.kind !== 'signedIn') return;
		expect(await userCount()).toBe(before + 1);
		const [user] = await testDb.db.select().from(users).where(eq(users.id, outcome.userId));
		expect(user).toMatchObject({ email: 'claire.psc@exemple.fr', name: 'Claire Infirmière', profession: 'infirmier', rpps: claireRpps });
		expect(user.emailVerifiedAt).not.toBeNull();
		expect(await getPscIdentity(testDb.db, user.id)).toMatchObject({ rpps: claireRpps, professionCode: '60' });
		const [identity] = await testDb.db.select().from(pscIdentities).where(eq(pscIdentities.userId, user.id));
		expect(identity).toMatchObject({ subject: 'f:claire', nationalId: 'ANS-BAS-CLAIRE' });
		const entries = await testDb.db.select().from(auditLog).where(eq(auditLog.targetId, user.id));
		expect(entries).toMatchObject([{ action: 'auth.psc_link', actorId: user.id, details: { how: 'new_account', rpps: claireRpps } }]);
	});

	it('sends PSC its quirks: acr_values=eidas1, scope_all, PKCE S256, state and nonce, and finds discovery at its path', () => {
		const query = provider.lastAuthorization()!;
		expect(query.get('acr_values')).toBe('eidas1');
		expect(query.get('scope')).toBe('openid scope_all');
		expect(query.get('code_challenge_method')).toBe('S256');
		expect(query.get('code_challenge')).toBeTruthy();
		expect(query.get('state')).toBeTruthy();
		expect(query.get('nonce')).toBeTruthy();
		expect(query.get('redirect_uri')).toBe(REDIRECT);
	});

	it('signs the same identity in to the same account the next time', async () => {
		const before = await userCount();
		const outcome = await signInWithPsc('f:claire');
		expect(outcome).toMatchObject({ ok: true, kind: 'signedIn', created: false });
		expect(await userCount()).toBe(before);
	});

	it('links to the account with the same e-mail only once its owner confirms with her password', async () => {
		const owner = await makeUser(testDb.db, { email: 'marc.kine@exemple.fr', profession: 'masseur_kinesitherapeute' });
		const rpps = validRpps('1000777002');
		provider.setIdentity('f:marc', {
			SubjectNameID: `8${rpps}`,
			SubjectRefPro: { exercices: [{ codeProfession: '70' }] },
			given_name: 'Marc',
			family_name: 'Kiné',
			email: 'Marc.Kine@exemple.fr'
		});
		const before = await userCount();
		const outcome = await signInWithPsc('f:marc');
		expect(outcome).toMatchObject({ ok: true, kind: 'confirm' });
		if (!outcome.ok || outcome.kind !== 'confirm') return;
		expect(await userCount()).toBe(before);
		expect(await getPscIdentity(testDb.db, owner.id)).toBeNull();
		expect(await getPscPendingLink(testDb.db, outcome.pendingToken)).toMatchObject({ email: owner.email, rpps });

		// A wrong password links nothing, and says what the sign-in form says.
		const wrong = await confirmPscLink(testDb.db, outcome.pendingToken, formData({ password: 'pas-le-bon-mot-de-passe' }), client);
		expect(wrong).toMatchObject({ ok: false, message: 'auth.signIn.invalid' });
		expect(await getPscIdentity(testDb.db, owner.id)).toBeNull();

		const confirmed = await confirmPscLink(testDb.db, outcome.pendingToken, formData({ password: owner.password }), client);
		expect(confirmed).toMatchObject({ ok: true, userId: owner.id, redirectTo: '/forums' });
		expect(await getPscIdentity(testDb.db, owner.id)).toMatchObject({ rpps, professionCode: '70' });
		const [row] = await testDb.db.select().from(users).where(eq(users.id, owner.id));
		expect(row.rpps).toBe(rpps);
		// Spent: the same confirmation cannot be played again.
		expect(await confirmPscLink(testDb.db, outcome.pendingToken, formData({ password: owner.password }), client)).toEqual({
			ok: false,
			reason: 'pendingExpired'
		});
		// Next time PSC signs her straight in.
		expect(await signInWithPsc('f:marc')).toMatchObject({ ok: true, kind: 'signedIn', userId: owner.id, created: false });
	});
});

describe('linking Pro Santé Connect from the account page', () => {
	it('links the identity to the signed-in member, and refuses it to a second account', async () => {
		const member = await makeUser(testDb.db, { email: 'sophie.sf@exemple.fr', profession: 'sage_femme' });
		provider.setIdentity('f:sophie', {
			SubjectNameID: 'ANS-BAS-SOPHIE',
			SubjectRefPro: { exercices: [{ codeProfession: '50' }] },
			given_name: 'Sophie',
			family_name: 'Sage-femme',
			email: 'autre.adresse@exemple.fr'
		});
		expect(await signInWithPsc('f:sophie', 'link', member.id)).toEqual({ ok: true, kind: 'linked', userId: member.id });
		expect(await getPscIdentity(testDb.db, member.id)).toMatchObject({ professionCode: '50', rpps: null });
		const [entry] = await testDb.db.select().from(auditLog).where(eq(auditLog.targetId, member.id));
		expect(entry).toMatchObject({ action: 'auth.psc_link', details: { how: 'account' } });

		const other = await makeUser(testDb.db);
		expect(await signInWithPsc('f:sophie', 'link', other.id)).toEqual({ ok: false, reason: 'taken', purpose: 'link' });
		expect(await getPscIdentity(testDb.db, other.id)).toBeNull();
	});
});

describe('refusals: a clear reason, and no account created', () => {
	const unknown = (identity: string) => {
		provider.setIdentity(identity, {
			SubjectNameID: `ANS-${identity}`,
			SubjectRefPro: { exercices: [{ codeProfession: '91' }] },
			given_name: 'Nouvelle',
			family_name: identity,
			email: `${identity.slice(2)}@exemple.fr`
		});
		return identity;
	};

	it('refuses an unknown state, a state from another browser, and an expired one', async () => {
		const before = await userCount();
		const { callbackUrl, state } = await goToProvider(unknown('f:state1'));
		expect(await completePsc(testDb.db, psc, { callbackUrl, cookieState: null, client })).toMatchObject({ ok: false, reason: 'state' });
		expect(await completePsc(testDb.db, psc, { callbackUrl, cookieState: 'another-state', client })).toMatchObject({ ok: false, reason: 'state' });
		const forged = new URL(callbackUrl);
		forged.searchParams.set('state', 'forged');
		expect(await completePsc(testDb.db, psc, { callbackUrl: forged, cookieState: 'forged', client })).toMatchObject({ ok: false, reason: 'state' });
		// The genuine state is still usable until it expires (10 minutes).
		const late = new Date(Date.now() + 11 * 60_000);
		expect(await completePsc(testDb.db, psc, { callbackUrl, cookieState: state, client }, late)).toMatchObject({ ok: false, reason: 'state' });
		expect(await userCount()).toBe(before);
	});

	it('refuses a replayed callback, and a replayed code under a fresh state', async () => {
		const first = await goToProvider(unknown('f:replay'));
		const signedIn = await completePsc(testDb.db, psc, { callbackUrl: first.callbackUrl, cookieState: first.state, client });
		expect(signedIn).toMatchObject({ ok: true, created: true });
		const before = await userCount();
		expect(await completePsc(testDb.db, psc, { callbackUrl: first.callbackUrl, cookieState: first.state, client })).toMatchObject({
			ok: false,
			reason: 'state'
		});
		const fresh = await startPsc(testDb.db, psc, { purpose: 'sign_in' });
		if (!fresh.ok) throw new Error('start refused');
		const replayed = new URL(first.callbackUrl);
		replayed.searchParams.set('state', fresh.state);
		expect(await completePsc(testDb.db, psc, { callbackUrl: replayed, cookieState: fresh.state, client })).toMatchObject({ ok: false, reason: 'code' });
		expect(await userCount()).toBe(before);
	});

	it('refuses an ID token whose nonce is not the one sent', async () => {
		const before = await userCount();
		const { callbackUrl, state } = await goToProvider(unknown('f:nonce'));
		await testDb.db.update(pscAuthRequests).set({ nonce: 'not-the-nonce-that-was-sent' }).where(eq(pscAuthRequests.stateHash, hashToken(state)));
		expect(await completePsc(testDb.db, psc, { callbackUrl, cookieState: state, client })).toMatchObject({ ok: false, reason: 'response' });
		expect(await userCount()).toBe(before);
	});

	it('says so when the professional cancels at PSC', async () => {
		const before = await userCount();
		const { callbackUrl, state } = await goToProvider(null);
		expect(await completePsc(testDb.db, psc, { callbackUrl, cookieState: state, client })).toMatchObject({ ok: false, reason: 'denied' });
		expect(await userCount()).toBe(before);
	});

	it('creates no account without an e-mail from PSC', async () => {
		const before = await userCount();
		expect(await signInWithPsc('f:noemail')).toMatchObject({ ok: false, reason: 'noEmail' });
		expect(await userCount()).toBe(before);
	});

	it('says PSC is unavailable when its discovery cannot be reached', async () => {
		const down = pscConfigFor('http://127.0.0.1:9/auth/realms/esante-wallet');
		expect(await startPsc(testDb.db, down, { purpose: 'sign_in' })).toEqual({ ok: false, reason: 'unavailable' });
	});

	it('refuses a discovery document that names another issuer', async () => {
		const wrongIssuer = { ...psc, issuer: 'https://auth.esw.esante.gouv.fr/auth/realms/esante-wallet' };
		expect(await startPsc(testDb.db, wrongIssuer, { purpose: 'sign_in' })).toEqual({ ok: false, reason: 'response' });
	});

	it('says PSC is unavailable when its token endpoint stops answering mid-way', async () => {
		const flaky = await startPscTestProvider({ redirectUris: [REDIRECT] });
		flaky.setIdentity('f:flaky', { SubjectNameID: 'X', given_name: 'A', family_name: 'B', email: 'flaky@exemple.fr' });
		const config = pscConfigFor(flaky.issuer);
		const { callbackUrl, state } = await goToProvider('f:flaky', 'sign_in', undefined, config);
		await flaky.close();
		const before = await userCount();
		expect(await completePsc(testDb.db, config, { callbackUrl, cookieState: state, client })).toMatchObject({ ok: false, reason: 'unavailable' });
		expect(await userCount()).toBe(before);
		forgetPscConfigurations();
	});
});
