/**
 * The one validated configuration of the process. Everything that reads the environment
 * goes through `config`; a missing or malformed variable stops the start with a message
 * that names the variable (see `.env.example` for the list and the defaults).
 */
import { z } from 'zod';

const booleanFlag = z
	.enum(['true', 'false', '1', '0', ''])
	.transform((value) => value === 'true' || value === '1');

const postgresUrl = z
	.string()
	.url()
	.refine((value) => /^postgres(ql)?:\/\//.test(value), 'doit commencer par postgres:// ou postgresql://');

const schema = z.object({
	NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
	HOST: z.string().min(1).default('0.0.0.0'),
	PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
	/** Port of the collaboration server when it runs as its own process (npm run ws-server). */
	WS_PORT: z.coerce.number().int().min(0).max(65_535).default(1234),
	ORIGIN: z.string().url().optional(),
	/**
	 * Behind a reverse proxy, the headers that carry the protocol and the host the browser used
	 * (x-forwarded-proto, x-forwarded-host): read by adapter-node when ORIGIN is not set.
	 */
	PROTOCOL_HEADER: z.string().min(1).optional(),
	HOST_HEADER: z.string().min(1).optional(),
	DATABASE_URL: postgresUrl.optional(),
	PGLITE_DIR: z.string().min(1).default('./data/pglite'),
	/** Connections of each process's PostgreSQL pool. */
	DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(1_000).default(10),
	/** Folder of the drizzle migrations, relative to the working directory. */
	MIGRATIONS_DIR: z.string().min(1).default('drizzle'),
	/** `npm start` serves the existing build/ as it is (tests and CI build once beforehand). */
	SKIP_BUILD: booleanFlag.optional(),
	DEMO_MODE: booleanFlag.optional(),
	SMTP_URL: z
		.string()
		.refine((value) => /^smtps?:\/\//.test(value), 'doit commencer par smtp:// ou smtps://')
		.optional(),
	MAIL_FROM: z.string().min(3).default('Réseau CPTS <ne-pas-repondre@reseau-cpts.localhost>'),
	LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
	REDIS_URL: z.string().url().optional(),
	UPLOAD_DIR: z.string().min(1).default('./data/uploads'),
	SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
	/** Accounts the sign-up form creates from one client address per window (as Discourse's max_new_accounts_per_registration_ip). */
	NEW_ACCOUNTS_PER_IP: z.coerce.number().int().min(1).default(10),
	NEW_ACCOUNTS_PER_IP_WINDOW_HOURS: z.coerce.number().int().min(1).max(24 * 365).default(24),
	/**
	 * The national DPC site's page for an action, where professionals register for ANDPC-funded
	 * sessions: {reference} is replaced by the action's reference. Without {reference}, the
	 * link opens the site and the page shows the reference to search for.
	 */
	/** Days a member's data export (RGPD) stays downloadable before it is purged. */
	DATA_EXPORT_RETENTION_DAYS: z.coerce.number().int().min(1).max(90).default(7),
	/**
	 * Years the attendance of a deleted account's DPC sessions is kept for the training body
	 * (privacy/retention.ts says why 6 by default; the data protection officer sets it).
	 */
	TRAINING_RECORDS_RETENTION_YEARS: z.coerce.number().int().min(1).max(30).default(6),
	MONDPC_ACTION_URL: z
		.string()
		.url()
		.refine((value) => /^https?:\/\//.test(value), 'doit commencer par http:// ou https://')
		.default('https://www.mondpc.fr/'),
	/**
	 * Pro Santé Connect (OpenID Connect): the button shows only when the issuer, the client id
	 * and the secret are set. PSC's issuer: https://auth.esw.esante.gouv.fr/auth/realms/esante-wallet
	 * (bac à sable: https://auth.bas.psc.esante.gouv.fr/auth/realms/esante-wallet).
	 */
	PSC_ISSUER: z.string().url().optional(),
	PSC_CLIENT_ID: z.string().min(1).optional(),
	PSC_CLIENT_SECRET: z.string().min(1).optional(),
	/** Where PSC sends the browser back; default ORIGIN + /connexion/psc/retour (declare it at PSC). */
	PSC_REDIRECT_URL: z.string().url().optional(),
	/** PSC serves its discovery document at a non-standard path under the issuer. */
	PSC_DISCOVERY_PATH: z.string().startsWith('/').default('/.well-known/wallet-openid-configuration'),
	/** Sent as acr_values on the authorization request (PSC: eidas1); "none": not sent. */
	PSC_ACR_VALUES: z.string().default('eidas1'),
	PSC_SCOPE: z.string().min(1).default('openid scope_all')
});

/** Pro Santé Connect's settings, when it is configured. */
export interface PscConfig {
	issuer: string;
	clientId: string;
	clientSecret: string;
	redirectUrl: string;
	discoveryUrl: string;
	acrValues: string | null;
	scope: string;
}

export type Config = z.infer<typeof schema> & {
	/** Public base URL used in links sent by e-mail. */
	origin: string;
	/** Whether demo accounts and their passwords are shown on the sign-in page. */
	demoMode: boolean;
	/** Secure cookies when the site is served over https. */
	secureCookies: boolean;
	/** Pro Santé Connect, or null when not configured. */
	psc: PscConfig | null;
};

export class ConfigError extends Error {}

/** Parses an environment; throws ConfigError listing every bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
	// Empty strings in .env files mean "not set", as in most twelve-factor tools.
	const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
	const result = schema.safeParse(cleaned);
	if (!result.success) {
		const lines = result.error.issues.map((issue) => `  - ${issue.path.join('.')}: ${issue.message}`);
		throw new ConfigError(`Configuration invalide :\n${lines.join('\n')}\nVoir .env.example.`);
	}
	const parsed = result.data;
	const origin = (parsed.ORIGIN ?? `http://localhost:${parsed.PORT || 3000}`).replace(/\/$/, '');
	const pscSet = [parsed.PSC_ISSUER, parsed.PSC_CLIENT_ID, parsed.PSC_CLIENT_SECRET].filter(Boolean).length;
	if (pscSet > 0 && pscSet < 3) {
		throw new ConfigError(
			'Configuration invalide :\n  - PSC_ISSUER, PSC_CLIENT_ID, PSC_CLIENT_SECRET : Pro Santé Connect demande les trois (ou aucun).\nVoir .env.example.'
		);
	}
	const issuer = parsed.PSC_ISSUER?.replace(/\/$/, '');
	return {
		...parsed,
		origin,
		psc:
			issuer && parsed.PSC_CLIENT_ID && parsed.PSC_CLIENT_SECRET
				? {
						issuer,
						clientId: parsed.PSC_CLIENT_ID,
						clientSecret: parsed.PSC_CLIENT_SECRET,
						redirectUrl: parsed.PSC_REDIRECT_URL ?? `${origin}/connexion/psc/retour`,
						discoveryUrl: issuer + parsed.PSC_DISCOVERY_PATH,
						acrValues: ['', 'none'].includes(parsed.PSC_ACR_VALUES.trim()) ? null : parsed.PSC_ACR_VALUES.trim(),
						scope: parsed.PSC_SCOPE
					}
				: null,
		// Demo passwords are only ever shown for the embedded database unless asked for.
		demoMode: parsed.DEMO_MODE ?? !parsed.DATABASE_URL,
		secureCookies: origin.startsWith('https://')
	};
}

// Addresses only this machine can reach: there, the default origin is the one browsers use.
const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\])$/i;

/** Whether the site takes its origin from the proxy's headers (ORIGIN unset, a header named). */
export function originFromProxyHeaders(config: Config): boolean {
	return !config.ORIGIN && Boolean(config.PROTOCOL_HEADER || config.HOST_HEADER);
}

/**
 * What goes wrong when the site listens beyond this machine without ORIGIN, or null. SvelteKit
 * refuses (403) a form whose Origin is not the site's own, and the site's own is then
 * http://localhost:PORT: anyone reaching it by another name could not sign in. E-mailed links
 * point there too, even when the proxy's headers give forms the right origin.
 */
export function originWarning(config: Config): string | null {
	if (config.ORIGIN || LOOPBACK_HOST.test(config.HOST)) return null;
	const example = 'par exemple ORIGIN=https://reseau-cpts.example.fr';
	if (originFromProxyHeaders(config)) {
		return `ORIGIN n’est pas défini : les formulaires prennent l’adresse du site dans les en-têtes du proxy, mais les liens envoyés par e-mail mènent à ${config.origin}. Donner l’adresse publique du site, ${example}.`;
	}
	return `ORIGIN n’est pas défini et le site écoute sur ${config.HOST} : il n’accepte les formulaires que venant de ${config.origin}, et répond 403 à qui l’ouvre par une autre adresse (nom de domaine, adresse IP, proxy). Donner l’adresse publique du site, ${example} ; derrière un proxy, voir aussi PROTOCOL_HEADER et HOST_HEADER (README).`;
}

let current: Config | undefined;

/** The configuration of this process, parsed once from process.env. */
export function getConfig(): Config {
	current ??= parseConfig(process.env);
	return current;
}

/**
 * The configuration at a process's start: a bad one ends the process with the list of bad
 * variables (and nothing else: a stack trace would hide them).
 */
export function getConfigOrExit(): Config {
	try {
		return getConfig();
	} catch (error) {
		if (error instanceof ConfigError) {
			console.error(error.message);
			process.exit(1);
		}
		throw error;
	}
}

/** Tests and scripts that change process.env call this to re-read it. */
export function resetConfig(): void {
	current = undefined;
}
