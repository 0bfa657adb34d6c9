import type { RequestHandler } from './$types';
import { personProfessionKey } from '$lib/domain/professions';
import { translate } from '$lib/i18n';
import { dpcRequest, getCertificate } from '$lib/server/dpc';
import { orErrorPage } from '$lib/server/shared/http';

/** The participant's certificate (PDF); nobody else's, and only once every part is attended. */
export const GET: RequestHandler = async (event) => {
	const { db, viewer, locale } = await dpcRequest(event);
	const { pdf, fileName } = await orErrorPage(locale, event.url, () =>
		getCertificate(db, viewer, event.params.id, locale, (code, form) => translate(locale, personProfessionKey(code, form)))
	);
	return new Response(pdf as BodyInit, {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `attachment; filename="${fileName}"`,
			'cache-control': 'private, no-store'
		}
	});
};
