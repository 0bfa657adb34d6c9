/** The administration: roles and who may manage them, the audit log, the mail outbox. */
export { canManageRoles, canReadAuditLog, canReadOutbox } from './permissions';
export { grantRole, revokeRole, ROLE_GRANTED, ROLE_REVOKED, type RoleChange, searchUsers, type UserWithRoles } from './roles';
export { getOutboxMessage, listOutbox, listOutboxEffects, type OutboxEffect, type OutboxEffectSubject, type OutboxMessage, type OutboxSummary } from './outbox';
export { adminOverview } from './overview';
