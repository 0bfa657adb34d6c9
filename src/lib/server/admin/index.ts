/** The administration: roles and who may manage them, the audit log, the mail outbox. */
export * from './permissions';
export * from './roles';
export * from './outbox';
export * from './overview';
