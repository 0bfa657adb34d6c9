/**
 * The one place where expected failures (AppError) become SvelteKit responses, for the routes
 * of every feature: `formAction` wraps a form action, `endpoint` a +server.ts handler and
 * `orErrorPage` a step of a load. Routes hold no try/catch for refusals: they parse, call one
 * command, and return or redirect; a refusal thrown anywhere below is mapped here, once.
 *
 * What a page receives is always catalogue keys (`message`, field errors), never translated
 * text: the page translates them with the groups it loaded (translating here too made the
 * browser look the French sentence up as a key, warn, and fetch the whole catalogue).
 */
import { error, fail, redirect, type ActionFailure } from '@sveltejs/kit';
import { translate, type Locale } from '../../i18n';
import { fieldError } from '../../i18n/field-error';
import type { MessageKey } from '../../i18n/keys';
import { VERIFY_EMAIL_PATH } from '../auth/guards';
import { AppError } from './errors';

/** The sign-in page, coming back to `url` afterwards. */
export function signInPath(url: URL): string {
	return `/connexion?redirectTo=${encodeURIComponent(url.pathname + url.search)}`;
}

/**
 * As an HTTP error (a load, an endpoint, or an action whose refusal is a page): "sign in
 * first" becomes the sign-in page when there is a page to come back to (`url`), others their
 * status (404, 403…) and message; anything else is not an expected failure and propagates
 * to handleError.
 */
function throwAsHttpError(locale: Locale, url: URL | null, caught: unknown): never {
	if (!(caught instanceof AppError)) throw caught;
	if (caught.code === 'unauthenticated' && url) redirect(303, signInPath(url));
	error(caught.status, translate(locale, caught.messageKey, caught.params));
}

/** In a load: runs one step; an expected failure becomes its error page (or the sign-in page). */
export async function orErrorPage<T>(locale: Locale, url: URL, run: () => Promise<T>): Promise<T> {
	try {
		return await run();
	} catch (caught) {
		throwAsHttpError(locale, url, caught);
	}
}

/** An endpoint (+server.ts) whose expected failures answer with their HTTP status and message (401 included: no redirect for a feed or a fetch). */
export function endpoint<E extends { locals: App.Locals }>(handler: (event: E) => Promise<Response>): (event: E) => Promise<Response> {
	return async (event) => {
		try {
			return await handler(event);
		} catch (caught) {
			throwAsHttpError(event.locals.locale, null, caught);
		}
	};
}

/** What a page receives when an action is refused (plus what the action kept: what was typed…). */
export interface RefusalData {
	/** A catalogue key, for the form's message (when the refusal is not about one field). */
	message?: MessageKey;
	/** The message's {placeholders}. */
	messageParams: Record<string, string | number>;
	/** Set for an unverified address: where to ask for the link again (VerifyEmailLink). */
	verifyEmailPath?: string;
	// What the action kept (values, which form…): typed by the page that reads it, as a fail()
	// of the action itself would be (`unknown` here would make every such field `{}` there).
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	[kept: string]: any;
}

export interface RefusalOptions {
	/**
	 * Where the page reads field errors ('errors', or e.g. 'stageErrors' when it names its
	 * forms apart): a refusal naming a field (details.field) is then shown next to that
	 * field, as a field-error string (field-error.ts). Unset: always the form's message.
	 */
	fieldErrors?: string;
}

/** What a handler tells the wrapper: data to send back with a refusal (what was typed, which form). */
export interface ActionScope {
	keep(data: Record<string, unknown>): void;
}

/**
 * The failure of an action refused with an AppError: 403 and 404 as their pages (a form
 * cannot do anything about them), others as fail(status) with the message key, its
 * parameters, and what the action kept.
 */
export function refusalFailure(locale: Locale, url: URL, caught: unknown, kept: Record<string, unknown> = {}, options: RefusalOptions = {}): ActionFailure<RefusalData> {
	if (!(caught instanceof AppError)) throw caught;
	if (caught.code === 'forbidden' || caught.code === 'not_found') throwAsHttpError(locale, url, caught);
	const links = caught.code === 'email_unverified' ? { verifyEmailPath: VERIFY_EMAIL_PATH } : {};
	const field = caught.field;
	const params = caught.params;
	const shown =
		field && options.fieldErrors
			? { [options.fieldErrors]: { [field]: Object.keys(params).length ? fieldError(caught.messageKey as MessageKey, params) : caught.messageKey } }
			: { message: caught.messageKey as MessageKey };
	return fail(caught.status, { messageParams: params, ...links, ...kept, ...shown });
}

/**
 * Wraps a form action: the handler parses, calls one command and returns or redirects; an
 * expected refusal it throws (AppError) comes back as the page's failure (refusalFailure),
 * with what the handler kept through `scope.keep(...)`. Redirects, HTTP errors and
 * unexpected errors pass through.
 */
export function formAction<E extends { locals: App.Locals; url: URL }, R>(
	handler: (event: E, scope: ActionScope) => Promise<R>,
	options: RefusalOptions = {}
): (event: E) => Promise<R | ActionFailure<RefusalData>> {
	return async (event) => {
		const kept: Record<string, unknown> = {};
		try {
			return await handler(event, { keep: (data) => Object.assign(kept, data) });
		} catch (caught) {
			return refusalFailure(event.locals.locale, event.url, caught, kept, options);
		}
	};
}

