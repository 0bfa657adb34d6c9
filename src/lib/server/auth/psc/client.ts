/**
 * The OpenID Connect client for Pro Santé Connect (openid-client): discovery at PSC's own
 * path, authorization code with PKCE, state and nonce, `acr_values`, then the user info,
 * fetched with the access token and checked against the ID token's subject.
 */
import * as oidc from 'openid-client';
import type { PscConfig } from '../../config';

/** Why talking to PSC failed, as the user is told. */
export type PscFailure = 'unavailable' | 'denied' | 'code' | 'response';

export class PscError extends Error {
	constructor(
		readonly failure: PscFailure,
		cause?: unknown
	) {
		super(`psc: ${failure}`, { cause });
	}
}

const TIMEOUT_SECONDS = 10;
const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/** Plain http only for a provider on this machine (tests, demo). */
function insecureAllowed(url: string): boolean {
	const parsed = new URL(url);
	return parsed.protocol === 'http:' && LOOPBACK.test(parsed.hostname);
}

/** Whether an error (or one of its causes) is the network failing or timing out. */
function isUnreachable(error: unknown): boolean {
	for (let current = error, depth = 0; current && depth < 6; depth++) {
		if (current instanceof Error) {
			if (current.name === 'AbortError' || current.name === 'TimeoutError') return true;
			if (current instanceof TypeError && /fetch failed/i.test(current.message)) return true;
			if ('code' in current && typeof current.code === 'string' && /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|UND_ERR)/.test(current.code)) return true;
			current = current.cause;
		} else break;
	}
	return false;
}

/** Classifies what openid-client threw. */
function toPscError(error: unknown): PscError {
	if (error instanceof PscError) return error;
	if (isUnreachable(error)) return new PscError('unavailable', error);
	if (error instanceof oidc.AuthorizationResponseError) return new PscError('denied', error);
	if (error instanceof oidc.ResponseBodyError) {
		if (error.status >= 500) return new PscError('unavailable', error);
		// invalid_grant: a code already spent, expired, or not issued for this verifier.
		if (error.error === 'invalid_grant') return new PscError('code', error);
	}
	if (error instanceof oidc.ClientError && /unexpected HTTP response status code/i.test(error.message)) {
		const status = (error.cause as Response | undefined)?.status ?? 0;
		if (status >= 500 || status === 404) return new PscError('unavailable', error);
	}
	return new PscError('response', error);
}

const configurations = new Map<string, Promise<oidc.Configuration>>();

/** The provider's configuration, discovered once per process (again after a failure). */
function configurationFor(psc: PscConfig): Promise<oidc.Configuration> {
	const key = [psc.issuer, psc.discoveryUrl, psc.clientId].join('\n');
	let found = configurations.get(key);
	if (!found) {
		found = (async () => {
			const configuration = await oidc.discovery(new URL(psc.discoveryUrl), psc.clientId, psc.clientSecret, undefined, {
				timeout: TIMEOUT_SECONDS,
				execute: insecureAllowed(psc.discoveryUrl) ? [oidc.allowInsecureRequests] : []
			});
			// openid-client checks the issuer only for the standard path: check it here.
			const issuer = configuration.serverMetadata().issuer.replace(/\/$/, '');
			if (issuer !== psc.issuer) throw new PscError('response', new Error(`PSC discovery names issuer ${issuer}, expected ${psc.issuer}`));
			configuration.timeout = TIMEOUT_SECONDS;
			return configuration;
		})();
		configurations.set(key, found);
		found.catch(() => configurations.delete(key));
	}
	return found;
}

/** Forgets discovered configurations (tests that restart the provider). */
export function forgetPscConfigurations(): void {
	configurations.clear();
}

/** A new authorization request: where to send the browser, and the secrets to keep for the callback. */
export async function buildPscAuthorization(psc: PscConfig): Promise<{ url: URL; state: string; nonce: string; codeVerifier: string }> {
	try {
		const configuration = await configurationFor(psc);
		const state = oidc.randomState();
		const nonce = oidc.randomNonce();
		const codeVerifier = oidc.randomPKCECodeVerifier();
		const parameters: Record<string, string> = {
			redirect_uri: psc.redirectUrl,
			scope: psc.scope,
			state,
			nonce,
			code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
			code_challenge_method: 'S256'
		};
		if (psc.acrValues) parameters.acr_values = psc.acrValues;
		return { url: oidc.buildAuthorizationUrl(configuration, parameters), state, nonce, codeVerifier };
	} catch (error) {
		throw toPscError(error);
	}
}

/**
 * Exchanges the code of the callback (PKCE verifier, state and nonce checked by openid-client
 * along with the ID token's signature, issuer, audience and expiry), then fetches the user
 * info, whose subject must be the ID token's.
 */
export async function redeemPscCallback(
	psc: PscConfig,
	callbackUrl: URL,
	expected: { state: string; nonce: string; codeVerifier: string }
): Promise<Record<string, unknown>> {
	try {
		const configuration = await configurationFor(psc);
		const tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
			pkceCodeVerifier: expected.codeVerifier,
			expectedState: expected.state,
			expectedNonce: expected.nonce,
			idTokenExpected: true
		});
		const subject = tokens.claims()?.sub;
		if (!subject) throw new PscError('response');
		const userInfo = await oidc.fetchUserInfo(configuration, tokens.access_token, subject);
		return userInfo as Record<string, unknown>;
	} catch (error) {
		throw toPscError(error);
	}
}
