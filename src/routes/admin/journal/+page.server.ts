import type { PageServerLoad } from './$types';
import { auditActionLabel, listAudit } from '$lib/server/audit';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';

export const load: PageServerLoad = async ({ locals, url }) => {
	requireRole(locals, url, 'admin');
	const before = Number(url.searchParams.get('avant')) || null;
	const page = await listAudit(await getDb(), { limit: 50, before });
	const entries = page.entries.map((entry) => ({ ...entry, actionLabel: auditActionLabel(locals.locale, entry.action) }));
	return { entries, nextBefore: page.nextBefore, isFirstPage: !before };
};
