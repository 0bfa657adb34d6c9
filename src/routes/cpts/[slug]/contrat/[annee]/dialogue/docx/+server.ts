import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { orErrorPage } from '$lib/server/shared/http';
import { dialogueDisposition, dialogueDocx, requireDialogue } from '$lib/server/aci';
import { contractPage } from '../../../http';

/** The year's dialogue de gestion as a .docx, for those who may read the contract. */
export const GET: RequestHandler = async ({ params, locals, url }) => {
	const db = await getDb();
	const { cpts, year } = await contractPage(db, params, locals, url);
	const dialogue = await orErrorPage(locals.locale, url, () => requireDialogue(db, locals.user, cpts.id, year));
	const body = await dialogueDocx(locals.locale, cpts.name, dialogue);
	return new Response(new Uint8Array(body), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
			'content-disposition': dialogueDisposition(cpts.name, year),
			'cache-control': 'private, no-store',
			'x-content-type-options': 'nosniff'
		}
	});
};
