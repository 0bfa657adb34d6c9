/** The bench's signed-in member and the drafts it may edit (the demo network's seed). */
import { and, eq } from 'drizzle-orm';
import { draftDocumentName } from '../../src/lib/server/collab/names';
import type { Db } from '../../src/lib/server/db';
import { cptsMemberships, drafts, users } from '../../src/lib/server/db/schema';
import { generateId } from '../../src/lib/server/shared/ids';

export const MEMBER_EMAIL = 'membre@demo.reseau-cpts.fr';

/** The demo member and one CPTS it is an active member of. */
export async function benchMember(db: Db): Promise<{ userId: string; cptsId: string }> {
	const [row] = await db
		.select({ userId: users.id, cptsId: cptsMemberships.cptsId })
		.from(users)
		.innerJoin(cptsMemberships, eq(cptsMemberships.userId, users.id))
		.where(and(eq(users.email, MEMBER_EMAIL), eq(cptsMemberships.status, 'active')))
		.limit(1);
	if (!row) throw new Error(`${MEMBER_EMAIL} n’est membre actif d’aucune CPTS dans la base du banc`);
	return row;
}

/** A new draft of that CPTS, as ws-server names its document. */
export async function benchDraftDocument(db: Db, cptsId: string, title: string): Promise<string> {
	const id = generateId();
	await db.insert(drafts).values({ id, cptsId, title });
	return draftDocumentName(id);
}
