/**
 * A reply is one command: from the thread page's action, the thread is loaded once (locked,
 * inside the transaction), the body validated once, and every write (the post, the thread's
 * and category's counters, the author's read position) made in that one transaction.
 * Queries are counted where drizzle prepares them, so the claim is measured, not assumed.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { forumPosts, notifications } from '../../src/lib/server/db/schema';
import { createThread, ensureCategory, handleOf, requireReadableThread, setThreadWatch } from '../../src/lib/server/forum';
import { postBody } from '../../src/lib/server/forum/forms';
import { actions } from '../../src/routes/forums/sujet/[id]/+page.server';
import { useTestDatabase } from '../helpers/db';
import { makeUser } from '../helpers/factories';
import { forumViewerOf } from '../helpers/forum';
import { asSessionUser, routeOutcome } from '../helpers/routes';

const testDb = useTestDatabase();

type Statement = { sql: string; session: unknown };

/** Records every statement drizzle prepares from now on, with the session (root or transaction) it ran on. */
function recordStatements(): Statement[] {
	type Session = { prepareQuery: (...args: unknown[]) => unknown };
	const sessionClass = Object.getPrototypeOf((testDb.db as unknown as { session: Session }).session) as Session;
	const original = sessionClass.prepareQuery;
	const statements: Statement[] = [];
	vi.spyOn(sessionClass, 'prepareQuery').mockImplementation(function (this: unknown, ...args: unknown[]) {
		statements.push({ sql: (args[0] as { sql: string }).sql, session: this });
		return original.apply(this, args);
	});
	return statements;
}

function replyEvent(user: Awaited<ReturnType<typeof makeUser>>, threadId: number, body: string) {
	const url = new URL(`http://localhost/forums/sujet/${threadId}?/reply`);
	return {
		locals: { user: asSessionUser(user), locale: 'fr' },
		url,
		params: { id: String(threadId) },
		request: new Request(url, { method: 'POST', body: new URLSearchParams({ body }), headers: { 'content-type': 'application/x-www-form-urlencoded' } })
	} as never;
}

afterEach(() => vi.restoreAllMocks());

describe('A reply from the thread page', () => {
	it('loads the thread once, validates once and writes the post, counters and read position in one transaction', async () => {
		const category = await ensureCategory({ slug: 'reponse-commande', name: 'Réponse en une commande' });
		const [author, replier, watcher, mentioned] = [
			await makeUser(testDb.db, { name: 'Anne Autrice' }),
			await makeUser(testDb.db, { name: 'Rémi Répond' }),
			await makeUser(testDb.db, { name: 'Wanda Veille' }),
			await makeUser(testDb.db, { name: 'Maxime Cité' })
		];
		const { threadId } = await createThread({ categoryId: category.id, authorId: author.id, title: 'Coordination des sorties d’hôpital', body: 'Comment faites-vous ?' });
		await setThreadWatch(testDb.db, await forumViewerOf(testDb.db, watcher), await requireReadableThread(testDb.db, null, threadId), 'watching');

		const validations = vi.spyOn(postBody, 'safeParse');
		const statements = recordStatements();
		const outcome = await routeOutcome(() => actions.reply(replyEvent(replier, threadId, `Nous appelons l’IDEL la veille, @${handleOf(mentioned)}.`)));
		expect(outcome.redirect).toBe(`/forums/sujet/${threadId}?depuis=1#message-2`);

		expect(validations).toHaveBeenCalledTimes(1);
		const threadLoads = statements.filter((statement) => /from "forum_threads"/.test(statement.sql));
		expect(threadLoads).toHaveLength(1);
		expect(threadLoads[0].sql).toMatch(/for update/);
		const writes = statements.filter((statement) => /^(insert into|update) "(forum_posts|forum_threads|forum_categories|forum_read_positions)"/.test(statement.sql));
		expect(writes.map((statement) => statement.sql.match(/^(?:insert into|update) "(\w+)"/)![1])).toEqual(['forum_threads', 'forum_posts', 'forum_categories', 'forum_read_positions']);
		// One transaction: the thread's load and every write ran on the same session, not the root one.
		const root = (testDb.db as unknown as { session: unknown }).session;
		expect(new Set([threadLoads[0], ...writes].map((statement) => statement.session)).size).toBe(1);
		expect(writes[0].session).not.toBe(root);
		console.info(`reply: ${statements.length} statements, thread loaded ${threadLoads.length}×, body validated ${validations.mock.calls.length}×`);

		const [post] = await testDb.db.select().from(forumPosts).where(eq(forumPosts.threadId, threadId)).orderBy(forumPosts.position).offset(1);
		expect(post).toMatchObject({ position: 2, authorId: replier.id });
		const kinds = await testDb.db.select({ userId: notifications.userId, kind: notifications.kind }).from(notifications);
		expect(kinds).toEqual(
			expect.arrayContaining([
				{ userId: mentioned.id, kind: 'forum.mention' },
				{ userId: watcher.id, kind: 'forum.reply' },
				{ userId: author.id, kind: 'forum.reply' }
			])
		);
	});

	it('refuses an empty reply beside the field, keeping what was typed, and writes nothing', async () => {
		const category = await ensureCategory({ slug: 'reponse-vide', name: 'Réponse vide' });
		const [author, replier] = [await makeUser(testDb.db), await makeUser(testDb.db)];
		const { threadId } = await createThread({ categoryId: category.id, authorId: author.id, title: 'Un sujet', body: 'Le premier message' });
		const validations = vi.spyOn(postBody, 'safeParse');
		const outcome = await routeOutcome(() => actions.reply(replyEvent(replier, threadId, '   ')));
		expect(outcome.data).toMatchObject({ status: 400, data: { replyErrors: { body: 'forum.form.bodyRequired' }, values: { body: '   ' } } });
		expect(validations).toHaveBeenCalledTimes(1);
		expect(await testDb.db.select().from(forumPosts).where(eq(forumPosts.threadId, threadId))).toHaveLength(1);
	});
});
