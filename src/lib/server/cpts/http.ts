/** Turns the feature's expected failures (AppError) into SvelteKit responses for the routes. */
import { error, fail } from '@sveltejs/kit';
import { translate, type Locale } from '../../i18n';
import { AppError } from '../shared/errors';

/** In a load: an expected failure becomes its error page (404, 403…); others propagate. */
export async function orErrorPage<T>(locale: Locale, run: () => Promise<T>): Promise<T> {
	try {
		return await run();
	} catch (caught) {
		if (caught instanceof AppError) error(caught.status, translate(locale, caught.messageKey));
		throw caught;
	}
}

/**
 * In an action: an expected failure becomes fail(status, { message, ...extra }) so the page
 * shows the message; a forbidden one is a 403 page; others propagate.
 */
export function failFromError<E extends object = Record<never, never>>(locale: Locale, caught: unknown, extra?: E) {
	if (!(caught instanceof AppError)) throw caught;
	if (caught.code === 'forbidden') error(403, translate(locale, caught.messageKey));
	const data: { message: string } & E = { message: caught.messageKey, ...(extra as E) };
	return fail(caught.status, data);
}
