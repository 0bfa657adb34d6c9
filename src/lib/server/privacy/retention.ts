/**
 * How long the platform keeps what it processes, and the purge that enforces it. One table
 * (RETENTION) is read by the purge and by the public « Données personnelles » page, so the
 * page states exactly what the code does.
 *
 * Durations follow the CNIL's guidance where it gives one (recommandation « journalisation »
 * of 2021: traces kept 6 months to 1 year; sessions and tokens only as long as they serve).
 * The attendance kept after an account's deletion is the exception, set by configuration:
 * TRAINING_RECORDS_RETENTION_YEARS, 6 by default, the tax administration's right of review of
 * the supporting documents of an invoiced service (livre des procédures fiscales, art. L102 B),
 * which an attendance sheet is for a DPC action paid by the ANDPC. No text we could check
 * fixes a duration for ODPCs: the figure is a referential for the data protection officer.
 */
import { and, eq, inArray, isNotNull, lt, or } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import {
	auditLog,
	dataExports,
	emailTokens,
	mailOutbox,
	notifications,
	outboxJobs,
	retainedTrainingRecords,
	sessions,
	signInThrottle
} from '../db/schema';
import { getConfig } from '../config';
import { getAttachmentStore, type AttachmentStore } from '../storage';
import { startPeriodicJob } from '../shared/periodic';

const DAY_MS = 24 * 60 * 60 * 1000;

/** What each kind of data is kept for, in days after the event named by the page. */
export const RETENTION = {
	/** A session lasts 30 days (auth/session.ts); its row goes when it has expired. */
	sessionsAfterExpiryDays: 0,
	/** Sign-in failure counters, a day after the last failure. */
	signInThrottleDays: 1,
	/** E-mail verification and reset links, a week after they expired. */
	emailTokensAfterExpiryDays: 7,
	/** Delivered side effects (e-mails, live events) of the outbox. */
	outboxDeliveredDays: 30,
	/** Effects that failed, kept longer so an administrator can see and retry them. */
	outboxFailedDays: 90,
	/** The copy of each e-mail sent (including the digests), readable by administrators. */
	mailsDays: 90,
	/** Notifications (in the app and in the digests), a year after they were created. */
	notificationsDays: 365,
	/** The administration journal (who did what), for accountability. */
	auditDays: 5 * 365,
	/** What is left of an export once downloaded or expired (its file is gone at once). */
	exportRecordsDays: 30
} as const;

/** Days an export stays downloadable; years the attendance of a deleted account is kept. */
export function configuredRetention() {
	const config = getConfig();
	return { exportDays: config.DATA_EXPORT_RETENTION_DAYS, trainingRecordsYears: config.TRAINING_RECORDS_RETENTION_YEARS };
}

/** The rows each rule of the purge removed. */
export type PurgeCounts = Record<
	'sessions' | 'signInThrottle' | 'emailTokens' | 'outboxJobs' | 'mails' | 'notifications' | 'audit' | 'exportFiles' | 'exportRecords' | 'trainingRecords',
	number
>;

const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS);

/**
 * Deletes everything past its retention at `now` (the periodic job runs it hourly). Each rule
 * is one statement, safe to run on several instances at once.
 */
export async function purgeExpiredData(db: DbOrTx, now: Date = new Date(), store: AttachmentStore = getAttachmentStore()): Promise<PurgeCounts> {
	const count = async (rows: Promise<unknown[]>) => (await rows).length;
	const exportFiles = await expireExports(db, now, store);
	return {
		sessions: await count(db.delete(sessions).where(lt(sessions.expiresAt, daysBefore(now, RETENTION.sessionsAfterExpiryDays))).returning({ id: sessions.id })),
		signInThrottle: await count(
			db.delete(signInThrottle).where(lt(signInThrottle.updatedAt, daysBefore(now, RETENTION.signInThrottleDays))).returning({ key: signInThrottle.key })
		),
		emailTokens: await count(
			db.delete(emailTokens).where(lt(emailTokens.expiresAt, daysBefore(now, RETENTION.emailTokensAfterExpiryDays))).returning({ id: emailTokens.id })
		),
		outboxJobs: await count(
			db
				.delete(outboxJobs)
				.where(
					or(
						and(eq(outboxJobs.status, 'delivered'), lt(outboxJobs.createdAt, daysBefore(now, RETENTION.outboxDeliveredDays))),
						and(eq(outboxJobs.status, 'failed'), lt(outboxJobs.createdAt, daysBefore(now, RETENTION.outboxFailedDays)))
					)
				)
				.returning({ id: outboxJobs.id })
		),
		mails: await count(db.delete(mailOutbox).where(lt(mailOutbox.createdAt, daysBefore(now, RETENTION.mailsDays))).returning({ id: mailOutbox.id })),
		notifications: await count(
			db.delete(notifications).where(lt(notifications.createdAt, daysBefore(now, RETENTION.notificationsDays))).returning({ id: notifications.id })
		),
		audit: await count(db.delete(auditLog).where(lt(auditLog.createdAt, daysBefore(now, RETENTION.auditDays))).returning({ id: auditLog.id })),
		exportFiles,
		exportRecords: await count(
			db
				.delete(dataExports)
				.where(and(inArray(dataExports.status, ['downloaded', 'expired']), lt(dataExports.expiresAt, daysBefore(now, RETENTION.exportRecordsDays))))
				.returning({ id: dataExports.id })
		),
		trainingRecords: await count(
			db.delete(retainedTrainingRecords).where(lt(retainedTrainingRecords.keepUntil, now)).returning({ id: retainedTrainingRecords.id })
		)
	};
}

/** Marks the exports not taken in time as expired and removes their files; returns how many. */
async function expireExports(db: DbOrTx, now: Date, store: AttachmentStore): Promise<number> {
	const expired = await db
		.update(dataExports)
		.set({ status: 'expired' })
		.where(and(inArray(dataExports.status, ['pending', 'processing', 'ready']), lt(dataExports.expiresAt, now)))
		.returning({ storageKey: dataExports.storageKey });
	// Files of exports downloaded are removed at download; a crash in between leaves one, found here.
	const leftovers = await db
		.select({ storageKey: dataExports.storageKey })
		.from(dataExports)
		.where(and(eq(dataExports.status, 'downloaded'), isNotNull(dataExports.storageKey)));
	for (const row of [...expired, ...leftovers]) if (row.storageKey) await store.remove(row.storageKey);
	if (leftovers.length) await db.update(dataExports).set({ storageKey: null }).where(eq(dataExports.status, 'downloaded'));
	return expired.length;
}

/** Runs the purge now and every hour (the serving process only). Returns the function that stops it. */
export function startRetentionPurge(getDatabase: () => Promise<DbOrTx>, intervalMs = 60 * 60_000): () => void {
	return startPeriodicJob('retention purge', getDatabase, (db) => purgeExpiredData(db), intervalMs);
}
