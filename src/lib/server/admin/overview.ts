/** Figures for the administration home page. */
import { count, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { mailOutbox, userRoles } from '../db/schema';

export async function adminOverview(db: DbOrTx): Promise<{ admins: number; outboxUnsent: number }> {
	const [[admins], [unsent]] = await Promise.all([
		db.select({ value: count() }).from(userRoles).where(eq(userRoles.role, 'admin')),
		db.select({ value: count() }).from(mailOutbox).where(isNull(mailOutbox.sentAt))
	]);
	return { admins: Number(admins.value), outboxUnsent: Number(unsent.value) };
}
