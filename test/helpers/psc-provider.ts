/**
 * A real OpenID Connect provider (oidc-provider) shaped like Pro Santé Connect, for the tests
 * and the demo: its discovery document is served at PSC's path
 * (/.well-known/wallet-openid-configuration; the standard path answers 404 so that a client
 * using it fails), scope `scope_all`, acr `eidas1`, PKCE required, and user info with PSC's
 * claims (SubjectNameID, SubjectRefPro.exercices[].codeProfession…). Its sign-in page lists
 * test identities, as PSC's bac à sable does with test cards.
 */
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export const PSC_TEST_CLIENT = { clientId: 'reseau-cpts-test', clientSecret: 'secret-de-test-psc-0123456789' };
export const PSC_DISCOVERY_PATH = '/.well-known/wallet-openid-configuration';

/** User info claims of one test identity (sub is its key). */
export type PscTestClaims = Record<string, unknown>;

export interface PscTestProvider {
	issuer: string;
	port: number;
	/** Adds or replaces a test identity. */
	setIdentity(id: string, claims: PscTestClaims): void;
	/** The query of the last authorization request (acr_values, scope, code_challenge…). */
	lastAuthorization(): URLSearchParams | null;
	close(): Promise<void>;
}

const PSC_CLAIMS = ['SubjectNameID', 'SubjectRefPro', 'otherIds', 'given_name', 'family_name', 'email', 'email_verified', 'preferred_username'];

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

function readForm(request: IncomingMessage): Promise<URLSearchParams> {
	return new Promise((resolve, reject) => {
		let body = '';
		request.setEncoding('utf8');
		request.on('data', (chunk: string) => {
			body += chunk;
			if (body.length > 10_000) request.destroy();
		});
		request.on('end', () => resolve(new URLSearchParams(body)));
		request.on('error', reject);
	});
}

/** Starts the provider on `port` (0: any free port) for clients redirecting to `redirectUris`. */
export async function startPscTestProvider(options: {
	port?: number;
	host?: string;
	redirectUris: string[];
	identities?: Record<string, PscTestClaims>;
}): Promise<PscTestProvider> {
	const host = options.host ?? '127.0.0.1';
	const identities = new Map(Object.entries(options.identities ?? {}));
	let last: URLSearchParams | null = null;
	let handler: ((request: IncomingMessage, response: import('node:http').ServerResponse) => void) | null = null;
	const server: Server = createServer((request, response) => handler?.(request, response));
	server.on('error', () => {});
	await new Promise<void>((resolve) => server.listen(options.port ?? 0, host, resolve));
	const port = (server.address() as AddressInfo).port;
	const issuer = `http://${host}:${port}/auth/realms/esante-wallet`;

	const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
	const provider = new Provider(issuer, {
		clients: [
			{
				client_id: PSC_TEST_CLIENT.clientId,
				client_secret: PSC_TEST_CLIENT.clientSecret,
				redirect_uris: options.redirectUris,
				grant_types: ['authorization_code'],
				response_types: ['code'],
				token_endpoint_auth_method: 'client_secret_post'
			}
		],
		jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'psc-test', use: 'sig', alg: 'RS256' }] },
		scopes: ['openid', 'scope_all'],
		claims: { openid: ['sub'], scope_all: PSC_CLAIMS },
		acrValues: ['eidas1'],
		pkce: { methods: ['S256'], required: () => true },
		features: { devInteractions: { enabled: false } },
		cookies: { keys: ['psc-test-cookie-key'] },
		ttl: { AuthorizationCode: 60, Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600 },
		interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
		findAccount: (_ctx, id) => {
			const claims = identities.get(id);
			return claims ? { accountId: id, claims: () => ({ ...claims, sub: id }) } : undefined;
		},
		// PSC asks no consent: every grant is the whole scope.
		loadExistingGrant: async (ctx) => {
			const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
			grant.addOIDCScope('openid scope_all');
			await grant.save();
			return grant;
		},
		renderError: (ctx, out) => {
			ctx.type = 'html';
			ctx.body = `<!doctype html><html lang="fr"><title>Erreur</title><main><h1>Erreur du fournisseur</h1><p>${escapeHtml(String(out.error))}</p></main></html>`;
		}
	});
	provider.on('server_error', () => {});
	const callback = provider.callback();
	const realm = new URL(issuer).pathname;

	handler = async (request, response) => {
		try {
			const url = new URL(request.url ?? '/', issuer);
			if (url.pathname === `${realm}/.well-known/openid-configuration`) {
				response.writeHead(404).end();
				return;
			}
			if (url.pathname === `${realm}/auth` && url.searchParams.has('client_id')) last = url.searchParams;
			const interaction = url.pathname.match(/^\/interaction\/([\w-]+)$/);
			if (!interaction) {
				if (!url.pathname.startsWith(`${realm}/`)) {
					response.writeHead(404).end();
					return;
				}
				// The provider is mounted at the issuer's path (as PSC's realm): it reads the mount
				// path from originalUrl, as under Express's app.use(path, …).
				const path = url.pathname === `${realm}${PSC_DISCOVERY_PATH}` ? '/.well-known/openid-configuration' : url.pathname.slice(realm.length);
				Object.assign(request, { originalUrl: `${realm}${path}${url.search}` });
				request.url = `${path}${url.search}`;
				callback(request, response);
				return;
			}
			if (request.method === 'POST') {
				const form = await readForm(request);
				const accountId = form.get('identity');
				const result =
					accountId && identities.has(accountId)
						? { login: { accountId, acr: 'eidas1', amr: ['pop'] } }
						: { error: 'access_denied', error_description: 'Authentification annulée' };
				await provider.interactionFinished(request, response, result, { mergeWithLastSubmission: false });
				return;
			}
			await provider.interactionDetails(request, response);
			const buttons = [...identities.entries()]
				.map(([id, claims]) => `<li><button type="submit" name="identity" value="${escapeHtml(id)}">${escapeHtml(`${claims.given_name ?? ''} ${claims.family_name ?? ''}`.trim() || id)}</button></li>`)
				.join('');
			response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
			response.end(
				`<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Pro Santé Connect (test)</title></head><body><main>` +
					`<h1>Pro Santé Connect — fournisseur de test</h1><p>Choisissez une identité de test.</p>` +
					`<form method="post"><ul>${buttons}</ul><button type="submit" name="identity" value="">Annuler</button></form></main></body></html>`
			);
		} catch (error) {
			if (!response.headersSent) response.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
			response.end(error instanceof Error ? error.message : 'error');
		}
	};

	return {
		issuer,
		port,
		setIdentity: (id, claims) => identities.set(id, claims),
		lastAuthorization: () => last,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}

/**
 * Plays the browser at the provider (no Chromium): follows the authorization URL, picks the
 * identity (or cancels with null) and returns the URL the provider sends back to the app.
 */
export async function signInAtPscTestProvider(authorizationUrl: URL, identity: string | null): Promise<URL> {
	const jar = new Map<string, string>();
	const send = async (url: URL, init: RequestInit = {}) => {
		const response = await fetch(url, {
			...init,
			redirect: 'manual',
			headers: { ...(init.headers as Record<string, string>), cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; ') }
		});
		for (const line of response.headers.getSetCookie()) {
			const [pair] = line.split(';');
			const at = pair.indexOf('=');
			jar.set(pair.slice(0, at), pair.slice(at + 1));
		}
		return response;
	};
	let response = await send(authorizationUrl);
	let url = authorizationUrl;
	for (let hop = 0; hop < 10; hop++) {
		const location = response.headers.get('location');
		if (!location) throw new Error(`PSC test provider: no redirect from ${url} (${response.status}: ${await response.text()})`);
		url = new URL(location, url);
		if (!url.pathname.startsWith('/interaction/') && url.origin !== authorizationUrl.origin) return url;
		if (url.pathname.startsWith('/interaction/')) {
			await send(url);
			response = await send(url, {
				method: 'POST',
				headers: { 'content-type': 'application/x-www-form-urlencoded' },
				body: new URLSearchParams({ identity: identity ?? '' }).toString()
			});
		} else {
			response = await send(url);
		}
	}
	throw new Error('PSC test provider: too many redirects');
}
