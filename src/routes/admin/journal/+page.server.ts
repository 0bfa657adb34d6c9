import type { PageServerLoad } from './$types';
import { auditActors, describeEntries, isAuditFamily, listAudit, AUDIT_FAMILIES } from '$lib/server/audit';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';

export const load: PageServerLoad = async ({ locals, url }) => {
	requireRole(locals, url, 'admin');
	const db = await getDb();
	const before = Number(url.searchParams.get('avant')) || null;
	const familyParam = url.searchParams.get('domaine');
	const family = isAuditFamily(familyParam) ? familyParam : null;
	const actorId = url.searchParams.get('auteur')?.slice(0, 64) || null;
	const page = await listAudit(db, { limit: 50, before, family, actorId });
	// Each entry as a sentence in the reader's language, with links to what it is about.
	const lines = await describeEntries(db, locals.locale, page.entries);
	return { lines, families: AUDIT_FAMILIES, actors: await auditActors(db), filters: { family, actorId }, nextBefore: page.nextBefore, isFirstPage: !before };
};
