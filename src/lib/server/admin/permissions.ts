/**
 * Who may use the administration. One rule, asked three ways so that each caller names
 * its question; requireRole(locals, url, 'admin') is the page-level form of the same rule.
 */
import type { SessionUser } from '../auth/session';

type Actor = Pick<SessionUser, 'roles'> | null | undefined;

function isAdmin(user: Actor): boolean {
	return Boolean(user?.roles.includes('admin'));
}

/** Whether the user may grant and revoke roles. */
export const canManageRoles = (user: Actor): boolean => isAdmin(user);
/** Whether the user may read the audit log. */
export const canReadAuditLog = (user: Actor): boolean => isAdmin(user);
/** Whether the user may read the mail outbox (it holds one-time links: admins only). */
export const canReadOutbox = (user: Actor): boolean => isAdmin(user);
