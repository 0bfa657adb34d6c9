/** What DPC routes share: the request's viewer, zone and locale, and turning refusals into form failures. */
import { error, fail, type Cookies } from '@sveltejs/kit';
import { translate, type Locale } from '../../i18n';
import { intlLocale } from '../../i18n/locale';
import type { SessionUser } from '../auth/session';
import { viewerTimeZone } from '../calendar/zones';
import { getDb, type Db } from '../db';
import { AppError } from '../shared/errors';
import { messageParamsOf, refusalLinks } from '../shared/http';
import { dpcViewer } from './bodies';
import type { DpcViewer } from './permissions';

export interface DpcRequest {
	db: Db;
	viewer: DpcViewer | null;
	locale: Locale;
	/** The viewer's IANA zone (from their browser), Paris when unknown. */
	viewerZone: string;
	/** The locale for Intl formatting ("fr-FR"). */
	intlLocale: string;
}

export async function dpcRequest(event: { locals: { user: SessionUser | null; locale: Locale }; cookies: Cookies }): Promise<DpcRequest> {
	const db = await getDb();
	return {
		db,
		viewer: await dpcViewer(db, event.locals.user),
		locale: event.locals.locale,
		viewerZone: viewerTimeZone(event.cookies),
		intlLocale: intlLocale(event.locals.locale)
	};
}

/**
 * In an action: a refusal tied to a field comes back next to that field (translated here,
 * with its parameters, e.g. the conflicting session's name), with what was typed; other
 * expected failures as a message; 403 and 404 as their pages.
 */
export function dpcFailure(locale: Locale, caught: unknown, values: Record<string, string> = {}) {
	if (!(caught instanceof AppError)) throw caught;
	if (caught.code === 'forbidden') error(403, translate(locale, caught.messageKey));
	if (caught.code === 'not_found') error(404, translate(locale, caught.messageKey));
	const params = messageParamsOf(caught);
	const field = typeof caught.details.field === 'string' ? caught.details.field : null;
	const message = translate(locale, caught.messageKey, params);
	// Spread in both shapes so that pages can narrow the union on `errors` as before.
	const links = refusalLinks(caught);
	return fail(caught.status, field ? { errors: { [field]: message }, values, ...links } : { message, values, ...links });
}
