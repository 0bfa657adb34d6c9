/**
 * Who may do what in the library. Pages, actions, the attachment route, the feed and the
 * feature functions all ask these; each rule lives here only.
 *
 * - Anyone signed in proposes resources; facilitators (animateurs) and admins curate them.
 * - A published resource is readable by everyone, or by signed-in users when "members only".
 * - Anything not published (draft, submitted, changes requested, archived) is for its author
 *   and the facilitators only.
 */
import type { SessionUser } from '../auth/session';
import { hasRole } from '../auth/guards';
import type { ResourceStatus, ResourceVisibility } from '../../domain/library';

/** What the rules need to know of a user. */
export type Viewer = Pick<SessionUser, 'id' | 'roles'> | null | undefined;

/** What the rules need to know of a resource. */
export interface ResourceAccessFacts {
	authorId: string | null;
	status: ResourceStatus;
	visibility: ResourceVisibility;
}

/** Facilitators and admins review, publish, archive, edit anything and restore revisions. */
export function isLibraryCurator(user: Viewer): boolean {
	// hasRole reads only the roles (and holds the "admins hold every role" rule).
	return hasRole(user as SessionUser | null | undefined, 'facilitator');
}

export function isAuthor(user: Viewer, resource: ResourceAccessFacts): boolean {
	return Boolean(user && resource.authorId && resource.authorId === user.id);
}

/** May this user read the resource (its page, body and attachments)? */
export function canReadResource(user: Viewer, resource: ResourceAccessFacts): boolean {
	if (resource.status === 'published') return resource.visibility === 'public' || Boolean(user);
	return isAuthor(user, resource) || isLibraryCurator(user);
}

/** Anyone signed in may propose a resource. */
export function canProposeResource(user: Viewer): boolean {
	return Boolean(user);
}

/**
 * May this user change the content? The author while the resource is being written or
 * reviewed; once published or archived, only curators (each published edit is a revision).
 */
export function canEditResource(user: Viewer, resource: ResourceAccessFacts): boolean {
	if (isLibraryCurator(user)) return true;
	return isAuthor(user, resource) && ['draft', 'submitted', 'changes_requested'].includes(resource.status);
}

/** The author sends a draft (or an answer to requested changes) for review. */
export function canSubmitResource(user: Viewer, resource: ResourceAccessFacts): boolean {
	return (
		(isAuthor(user, resource) || isLibraryCurator(user)) &&
		(resource.status === 'draft' || resource.status === 'changes_requested')
	);
}

/** Curators publish anything not already published (including archived resources). */
export function canPublish(user: Viewer, resource: ResourceAccessFacts): boolean {
	return isLibraryCurator(user) && resource.status !== 'published';
}

/** Curators ask for changes on a submitted resource. */
export function canRequestChanges(user: Viewer, resource: ResourceAccessFacts): boolean {
	return isLibraryCurator(user) && resource.status === 'submitted';
}

export function canArchive(user: Viewer, resource: ResourceAccessFacts): boolean {
	return isLibraryCurator(user) && resource.status !== 'archived';
}

/** The history is for those who may edit, and curators. */
export function canSeeRevisions(user: Viewer, resource: ResourceAccessFacts): boolean {
	return canEditResource(user, resource) || (isAuthor(user, resource) && canReadResource(user, resource));
}

/** Only curators put an older revision back. */
export function canRestoreRevision(user: Viewer, resource: ResourceAccessFacts): boolean {
	return isLibraryCurator(user) && canReadResource(user, resource);
}

/** "Utile" votes and bookmarks: signed-in readers of a published resource. */
export function canReactToResource(user: Viewer, resource: ResourceAccessFacts): boolean {
	return Boolean(user) && resource.status === 'published' && canReadResource(user, resource);
}

/** Attachments are added and removed by those who may edit the resource. */
export function canManageAttachments(user: Viewer, resource: ResourceAccessFacts): boolean {
	return canEditResource(user, resource);
}

/** The review queue is for curators. */
export function canReview(user: Viewer): boolean {
	return isLibraryCurator(user);
}
