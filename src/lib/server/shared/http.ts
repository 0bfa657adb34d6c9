/** Turns expected failures (AppError) into SvelteKit responses, for the routes of every feature. */
import { error, fail, redirect } from '@sveltejs/kit';
import { translate, type Locale } from '../../i18n';
import { VERIFY_EMAIL_PATH } from '../auth/guards';
import { AppError } from './errors';

/** The sign-in page, coming back to `url` afterwards. */
export function signInPath(url: URL): string {
	return `/connexion?redirectTo=${encodeURIComponent(url.pathname + url.search)}`;
}

/**
 * In a load or an endpoint: "sign in first" becomes a redirect to the sign-in page, other
 * expected failures their error page (404, 403…); anything else propagates.
 */
export async function orErrorPage<T>(locale: Locale, url: URL, run: () => Promise<T>): Promise<T> {
	try {
		return await run();
	} catch (caught) {
		if (caught instanceof AppError) {
			if (caught.code === 'unauthenticated') redirect(303, signInPath(url));
			error(caught.status, translate(locale, caught.messageKey, messageParamsOf(caught)));
		}
		throw caught;
	}
}

/**
 * In an action: an expected failure becomes fail(status, { message, messageParams, ...extra })
 * so the page shows it next to the form; a refusal is a 403 page; others propagate.
 */
export function failFromError<E extends object = Record<never, never>>(locale: Locale, caught: unknown, extra?: E) {
	if (!(caught instanceof AppError)) throw caught;
	if (caught.code === 'forbidden') error(403, translate(locale, caught.messageKey));
	if (caught.code === 'not_found') error(404, translate(locale, caught.messageKey));
	return fail(caught.status, { message: caught.messageKey, messageParams: messageParamsOf(caught), ...refusalLinks(caught), ...(extra as E) });
}

/** What a page links to next to a refusal: the way to resend the verification link, for an unverified address. */
export function refusalLinks(caught: AppError): { verifyEmailPath?: string } {
	return caught.code === 'email_unverified' ? { verifyEmailPath: VERIFY_EMAIL_PATH } : {};
}

/** The details of a failure that can fill its message's {placeholders} (strings and numbers). */
export function messageParamsOf(caught: AppError): Record<string, string | number> {
	return Object.fromEntries(
		Object.entries(caught.details).filter((entry): entry is [string, string | number] => ['string', 'number'].includes(typeof entry[1]))
	);
}
