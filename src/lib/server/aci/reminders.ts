/**
 * The dialogue de gestion reminder: a CPTS whose contract was signed at least twelve months
 * ago and whose term is running, with no dialogue held in the last twelve months, gets one
 * reminder a month (Paris time) while that lasts, sent to its active coordinators and its
 * accompanying facilitator (notification, mailed when their preference says so).
 */
import { and, eq, gt, gte, lte, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { aciContracts, aciDialogueReminders, aciDialogues, cpts, cptsMemberships } from '../db/schema';
import { startPeriodicJob } from '../shared/periodic';
import { notify } from '../notifications';
import { shiftIso, todayIso } from '../steering/dates';

/** The reminder period of a moment: its month in Paris (YYYY-MM). */
export function reminderPeriod(now: Date): string {
	return todayIso(now).slice(0, 7);
}

/**
 * CPTS that need a dialogue de gestion on `today`: contract a year old or more, in term, none held
 * in twelve months. With `forUserId`, only those she coordinates (active) or accompanies.
 */
export async function cptsWithoutRecentDialogue(
	db: DbOrTx,
	today: string,
	options: { forUserId?: string } = {}
): Promise<{ id: string; slug: string; name: string; facilitatorId: string | null }[]> {
	const yearAgo = shiftIso(today, { months: 12 });
	const hers = options.forUserId
		? or(
				eq(cpts.facilitatorId, options.forUserId),
				sql`exists (select 1 from ${cptsMemberships} where ${cptsMemberships.cptsId} = ${cpts.id} and ${cptsMemberships.userId} = ${options.forUserId} and ${cptsMemberships.role} = 'coordinator' and ${cptsMemberships.status} = 'active')`
			)
		: undefined;
	return db
		.select({ id: cpts.id, slug: cpts.slug, name: cpts.name, facilitatorId: cpts.facilitatorId })
		.from(aciContracts)
		.innerJoin(cpts, eq(cpts.id, aciContracts.cptsId))
		.where(
			and(
				lte(aciContracts.signedOn, yearAgo),
				gte(aciContracts.endsOn, today),
				sql`not exists (select 1 from ${aciDialogues} where ${aciDialogues.contractId} = ${aciContracts.id} and ${gt(aciDialogues.heldOn, yearAgo)})`,
				hers
			)
		)
		.orderBy(cpts.name);
}

/** The dialogues de gestion due in the CPTS she coordinates or accompanies (Mon espace, « Ce qui vous attend »). */
export async function listDialoguesDue(db: DbOrTx, userId: string, now = new Date()): Promise<{ slug: string; name: string }[]> {
	const due = await cptsWithoutRecentDialogue(db, todayIso(now), { forUserId: userId });
	return due.map(({ slug, name }) => ({ slug, name }));
}

/**
 * Sends this period's reminders not sent yet; returns how many CPTS were reminded. Running it
 * again in the same period sends nothing: the (CPTS, period) row is claimed first, in the same
 * transaction as the notifications, so two instances never remind twice.
 */
export async function sendDialogueReminders(db: DbOrTx, now = new Date()): Promise<number> {
	const today = todayIso(now);
	const period = reminderPeriod(now);
	let reminded = 0;
	for (const entry of await cptsWithoutRecentDialogue(db, today)) {
		const sent = await db.transaction(async (tx) => {
			const claimed = await tx.insert(aciDialogueReminders).values({ cptsId: entry.id, period }).onConflictDoNothing().returning({ cptsId: aciDialogueReminders.cptsId });
			if (!claimed.length) return false;
			const coordinators = await tx
				.select({ userId: cptsMemberships.userId })
				.from(cptsMemberships)
				.where(and(eq(cptsMemberships.cptsId, entry.id), eq(cptsMemberships.role, 'coordinator'), eq(cptsMemberships.status, 'active')));
			const recipients = new Set([...coordinators.map((row) => row.userId), ...(entry.facilitatorId ? [entry.facilitatorId] : [])]);
			for (const userId of recipients) {
				await notify(tx, { userId, kind: 'aci.dialogue_due', params: { cpts: entry.name }, link: `/cpts/${entry.slug}/contrat` });
			}
			return true;
		});
		if (sent) reminded++;
	}
	return reminded;
}

/** In the serving process: the reminders at start and then every six hours (each period's are sent once). */
export function startDialogueReminders(getDatabase: () => Promise<DbOrTx>, intervalMs = 6 * 3_600_000): () => void {
	return startPeriodicJob('dialogue de gestion reminders', getDatabase, (db) => sendDialogueReminders(db), intervalMs);
}
