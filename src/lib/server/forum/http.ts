/** What every forum route starts with: the database and the reader's forum facts. */
import { getDb, type Db } from '../db';
import { loadForumViewer, type ForumViewer } from './permissions';

/** The database and the reader (null when signed out), with their CPTS memberships. */
export async function forumContext(locals: App.Locals): Promise<{ db: Db; viewer: ForumViewer | null }> {
	const db = await getDb();
	return { db, viewer: await loadForumViewer(db, locals.user) };
}
