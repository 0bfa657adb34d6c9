/**
 * Each published session gets a discussion thread in the forums (before: questions; after:
 * follow-up of practices), linked both ways: the thread's first post links to the session
 * page, the session keeps the thread's id. The forum's createThread is idempotent on the
 * external key, so publishing twice (or a retry) never opens two threads.
 */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { dpcSessions } from '../db/schema';
import { getConfig } from '../config';
import { ensureCategory } from '../forum/categories';
import { threadPath } from '../forum/thread-records';
import { createThread } from '../forum/thread-writes';
import type { Profession } from '../../domain/professions';
import { sessionLabel, sessionPath, type SessionFacts } from './session-facts';

export const DPC_FORUM_CATEGORY = {
	slug: 'formations-dpc',
	name: 'Formations DPC',
	description: 'Une discussion par session DPC : questions avant la session, suivi des pratiques après.'
};

/** Opens (or finds) the session's thread and records its id on the session. Returns the id. */
export async function openSessionThread(db: DbOrTx, session: SessionFacts): Promise<number> {
	if (session.forumThreadId) return session.forumThreadId;
	const category = await ensureCategory(DPC_FORUM_CATEGORY, db);
	const url = `${getConfig().origin}${sessionPath(session.id)}`;
	const { threadId } = await createThread(
		{
			categoryId: category.id,
			authorId: session.createdBy,
			title: sessionLabel(session),
			body:
				`Discussion de la session DPC [${sessionLabel(session)}](${url}) (action ${session.actionReference}).\n\n` +
				`**Avant la session** : posez ici vos questions aux formateurs et aux autres participants.\n\n` +
				`**Après la session** : partagez le suivi de vos pratiques et ce que vous avez mis en place.`,
			professions: session.professions as Profession[],
			externalKey: `dpc-session:${session.id}`
		},
		db
	);
	await db.update(dpcSessions).set({ forumThreadId: threadId }).where(eq(dpcSessions.id, session.id));
	return threadId;
}

/** The thread's page, when the session has one. */
export function sessionThreadPath(session: { forumThreadId: number | null }): string | null {
	return session.forumThreadId ? threadPath(session.forumThreadId) : null;
}
