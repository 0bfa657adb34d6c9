/**
 * The few parts of oidc-provider 8 (a dev dependency without bundled types) that the test
 * provider uses; @types/oidc-provider would be one more package for a test helper.
 */
declare module 'oidc-provider' {
	import type { IncomingMessage, ServerResponse } from 'node:http';

	interface Grant {
		addOIDCScope(scope: string): void;
		save(): Promise<string>;
	}
	interface Context {
		type: string;
		body: string;
		oidc: {
			provider: { Grant: new (init: { clientId: string; accountId: string }) => Grant };
			client?: { clientId: string };
			session?: { accountId?: string };
		};
	}
	interface Account {
		accountId: string;
		claims(): Record<string, unknown>;
	}
	interface Configuration {
		clients: Record<string, unknown>[];
		jwks: { keys: Record<string, unknown>[] };
		scopes: string[];
		claims: Record<string, string[]>;
		acrValues: string[];
		pkce: { methods: string[]; required: () => boolean };
		features: Record<string, { enabled: boolean }>;
		cookies: { keys: string[] };
		ttl: Record<string, number>;
		interactions: { url: (ctx: Context, interaction: { uid: string }) => string };
		findAccount: (ctx: Context, id: string) => Account | undefined;
		loadExistingGrant: (ctx: Context) => Promise<Grant>;
		renderError: (ctx: Context, out: Record<string, unknown>, error: Error) => void;
	}
	export default class Provider {
		constructor(issuer: string, configuration: Configuration);
		on(event: string, listener: (...args: unknown[]) => void): this;
		callback(): (request: IncomingMessage, response: ServerResponse) => void;
		interactionDetails(request: IncomingMessage, response: ServerResponse): Promise<{ uid: string; params: Record<string, unknown> }>;
		interactionFinished(
			request: IncomingMessage,
			response: ServerResponse,
			result: Record<string, unknown>,
			options?: { mergeWithLastSubmission?: boolean }
		): Promise<void>;
	}
}
