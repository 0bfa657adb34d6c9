import { describe, expect, it } from 'vitest';
import { ConfigError, originFromProxyHeaders, originWarning, parseConfig } from './config';

const warningFor = (env: Record<string, string>) => originWarning(parseConfig(env));

describe('originWarning', () => {
	it('warns when the site listens beyond this machine without ORIGIN, naming the origin forms must come from', () => {
		for (const HOST of ['0.0.0.0', '::', '192.168.1.20', 'cpts.example.fr']) {
			const warning = warningFor({ HOST, PORT: '8080' });
			expect(warning, HOST).toContain('ORIGIN');
			expect(warning, HOST).toContain('http://localhost:8080');
			expect(warning, HOST).toContain('403');
		}
		// The default HOST listens on every interface.
		expect(warningFor({})).toContain('http://localhost:3000');
	});

	it('says nothing when ORIGIN is set, or when only this machine can reach the site', () => {
		expect(warningFor({ HOST: '0.0.0.0', ORIGIN: 'https://reseau-cpts.example.fr' })).toBeNull();
		for (const HOST of ['localhost', '127.0.0.1', '127.0.1.1', '::1', '[::1]']) expect(warningFor({ HOST }), HOST).toBeNull();
	});

	it('behind a proxy whose headers give the origin, warns about e-mailed links only', () => {
		const env = { HOST: '0.0.0.0', PROTOCOL_HEADER: 'x-forwarded-proto', HOST_HEADER: 'x-forwarded-host' };
		expect(originFromProxyHeaders(parseConfig(env))).toBe(true);
		const warning = warningFor(env);
		expect(warning).toContain('e-mail');
		expect(warning).not.toContain('403');
		expect(originFromProxyHeaders(parseConfig({ ...env, ORIGIN: 'https://reseau-cpts.example.fr' }))).toBe(false);
	});
});

describe('the database and start variables', () => {
	it('have their defaults and refuse malformed values, naming the variable', () => {
		const defaults = parseConfig({});
		expect(defaults.DATABASE_POOL_SIZE).toBe(10);
		expect(defaults.MIGRATIONS_DIR).toBe('drizzle');
		expect(defaults.SKIP_BUILD).toBeUndefined();
		const set = parseConfig({ DATABASE_POOL_SIZE: '25', MIGRATIONS_DIR: 'build/drizzle', SKIP_BUILD: '1' });
		expect([set.DATABASE_POOL_SIZE, set.MIGRATIONS_DIR, set.SKIP_BUILD]).toEqual([25, 'build/drizzle', true]);
		expect(() => parseConfig({ DATABASE_POOL_SIZE: '0' })).toThrow(/DATABASE_POOL_SIZE/);
		expect(() => parseConfig({ DATABASE_POOL_SIZE: 'beaucoup' })).toThrow(/DATABASE_POOL_SIZE/);
		expect(() => parseConfig({ SKIP_BUILD: 'peut-être' })).toThrow(/SKIP_BUILD/);
	});

	it('lists every variable in .env.example', async () => {
		const { readFileSync } = await import('node:fs');
		const example = readFileSync('.env.example', 'utf8');
		for (const name of ['DATABASE_POOL_SIZE', 'MIGRATIONS_DIR', 'SKIP_BUILD']) expect(example).toMatch(new RegExp(`^${name}=`, 'm'));
	});
});

describe('Pro Santé Connect settings', () => {
	const issuer = 'https://auth.esw.esante.gouv.fr/auth/realms/esante-wallet';

	it('are off unless issuer, client id and secret are all set', () => {
		expect(parseConfig({}).psc).toBeNull();
		expect(() => parseConfig({ PSC_ISSUER: issuer, PSC_CLIENT_ID: 'cpts' })).toThrow(ConfigError);
		expect(() => parseConfig({ PSC_CLIENT_SECRET: 's' })).toThrow(/PSC_ISSUER/);
	});

	it("default to PSC's quirks: its discovery path, acr_values=eidas1, scope_all, and a callback under ORIGIN", () => {
		const { psc } = parseConfig({ PSC_ISSUER: `${issuer}/`, PSC_CLIENT_ID: 'cpts', PSC_CLIENT_SECRET: 's', ORIGIN: 'https://cpts.example.fr' });
		expect(psc).toEqual({
			issuer,
			clientId: 'cpts',
			clientSecret: 's',
			redirectUrl: 'https://cpts.example.fr/connexion/psc/retour',
			discoveryUrl: `${issuer}/.well-known/wallet-openid-configuration`,
			acrValues: 'eidas1',
			scope: 'openid scope_all'
		});
	});

	it('can each be changed, and acr_values left out', () => {
		const { psc } = parseConfig({
			PSC_ISSUER: 'http://127.0.0.1:4180/realm',
			PSC_CLIENT_ID: 'c',
			PSC_CLIENT_SECRET: 's',
			PSC_DISCOVERY_PATH: '/.well-known/openid-configuration',
			PSC_ACR_VALUES: 'none',
			PSC_REDIRECT_URL: 'https://cpts.example.fr/retour-psc'
		});
		expect(psc).toMatchObject({
			discoveryUrl: 'http://127.0.0.1:4180/realm/.well-known/openid-configuration',
			acrValues: null,
			redirectUrl: 'https://cpts.example.fr/retour-psc'
		});
	});
});
