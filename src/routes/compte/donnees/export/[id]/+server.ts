/** The zip of one of my exports, once (privacy/export.ts takeExport). */
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { takeExport } from '$lib/server/privacy';
import { AppError } from '$lib/server/shared/errors';
import { endpoint } from '$lib/server/shared/http';

export const GET: RequestHandler = endpoint(async ({ params, locals }) => {
	if (!locals.user) throw new AppError('unauthenticated', 'error.unauthenticated');
	const { bytes, fileName } = await takeExport(await getDb(), locals.user.id, params.id);
	return new Response(bytes, {
		headers: {
			'content-type': 'application/zip',
			'content-disposition': `attachment; filename="${fileName}"`,
			'content-length': String(bytes.byteLength),
			'cache-control': 'private, no-store'
		}
	});
});
