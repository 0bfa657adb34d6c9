/** RGPD: a member's export of her data, the deletion of her account, and the retention purge. */
export { deleteAccount, type DeleteAccountOutcome, eraseAccount, POST_CHOICES, type PostChoice } from './deletion';
export { buildQueuedExport, collectUserData, DATA_EXPORT, type DataExport, type ExportStatus, listMyExports, requestExport, takeExport } from './export';
export { configuredRetention, purgeExpiredData, type PurgeCounts, RETENTION, startRetentionPurge } from './retention';
