/** Figures for the administration home page. */
import { count, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { userRoles } from '../db/schema';
import { countUndelivered } from '../outbox';

export async function adminOverview(db: DbOrTx): Promise<{ admins: number; outboxPending: number; outboxFailed: number }> {
	const [[admins], undelivered] = await Promise.all([
		db.select({ value: count() }).from(userRoles).where(eq(userRoles.role, 'admin')),
		countUndelivered(db)
	]);
	return { admins: Number(admins.value), outboxPending: undelivered.pending, outboxFailed: undelivered.failed };
}
