/** Helpers of the forum tests: a factory user as the forum sees them, and typed refusals. */
import type { Db } from '../../src/lib/server/db';
import { loadForumViewer, type ForumViewer } from '../../src/lib/server/forum';
import type { makeUser } from './factories';

type MadeUser = Awaited<ReturnType<typeof makeUser>>;

/** The forum viewer of a factory user (with their CPTS memberships as they are now). */
export async function forumViewerOf(db: Db, user: MadeUser): Promise<ForumViewer> {
	return (await loadForumViewer(db, { ...user, emailVerified: user.emailVerifiedAt !== null, locale: 'fr', roles: user.roles }))!;
}


/** The thread form's data with no tags. */
export const threadInput = (title: string, body: string) => ({ title, body, natures: [], professions: [] });

export { refusal } from './refusal';
