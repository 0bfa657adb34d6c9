/** What DPC routes share: the request's viewer, zone and locale (refusals go through shared/http.ts's formAction). */
import type { Cookies } from '@sveltejs/kit';
import type { Locale } from '../../i18n';
import { intlLocale } from '../../i18n/locale';
import type { SessionUser } from '../auth/session';
import { viewerTimeZone } from '../calendar/zones';
import { getDb, type Db } from '../db';
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

