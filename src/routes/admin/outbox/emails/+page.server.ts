import type { PageServerLoad } from './$types';
import { listOutbox } from '$lib/server/admin';
import { requireRole } from '$lib/server/auth/guards';
import { getConfig } from '$lib/server/config';
import { getDb } from '$lib/server/db';

export const load: PageServerLoad = async ({ locals, url }) => {
	requireRole(locals, url, 'admin');
	const before = Number(url.searchParams.get('avant')) || null;
	const page = await listOutbox(await getDb(), { limit: 50, before });
	return {
		messages: page.messages,
		nextBefore: page.nextBefore,
		isFirstPage: !before,
		smtpConfigured: Boolean(getConfig().SMTP_URL)
	};
};
