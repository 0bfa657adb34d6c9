/**
 * Comments arrive live to the draft's other co-authors, as text does: a thread added,
 * answered or resolved sets a signal in the draft's Yjs document (drafts/live.ts), which
 * ws-server relays to every open editor. Whoever the server refuses the document to (a
 * member of another CPTS, a member removed meanwhile) hears nothing of it.
 */
import { describe, expect, it } from 'vitest';
import { CLOSE_CODES } from '../../src/lib/server/collab/codes';
import { removeMember } from '../../src/lib/server/cpts/membership';
import { outboxJobs } from '../../src/lib/server/db/schema';
import { addComment, addDraftReviewer, COMMENTS_CHANGED, replyToComment, setCommentResolved } from '../../src/lib/server/drafts';
import { COMMENTS_CHANGED_KEY, DRAFT_SIGNALS } from '../../src/lib/drafts/document';
import { OwnPresenceProvider } from '../../src/lib/client/drafts/provider';
import { useTestDatabase } from '../helpers/db';
import { expectAppError } from '../helpers/refusal';
import { makeCpts, makeMembership, makeUser } from '../helpers/factories';
import { drainOutbox } from '../helpers/outbox';
import { asSessionUser } from '../helpers/routes';
import { makeDraft, sessionCookie, useCollabServers, waitFor, type TestClient } from './helpers';
import { eq } from 'drizzle-orm';

const testDb = useTestDatabase();
const { start, connect } = useCollabServers(testDb);

async function scene() {
	const place = await makeCpts(testDb.db);
	const elsewhere = await makeCpts(testDb.db);
	const coordinator = await makeUser(testDb.db, { name: 'Claire Coordinatrice' });
	const coAuthor = await makeUser(testDb.db, { name: 'Alice Infirmière' });
	const reviewer = await makeUser(testDb.db, { name: 'René ARS' });
	const stranger = await makeUser(testDb.db, { name: 'Sam Ailleurs' });
	await makeMembership(testDb.db, place.id, coordinator.id, { role: 'coordinator' });
	await makeMembership(testDb.db, place.id, coAuthor.id);
	await makeMembership(testDb.db, elsewhere.id, stranger.id);
	const { draft, documentName } = await makeDraft(testDb.db, place.id, coordinator.id);
	await addDraftReviewer(testDb.db, asSessionUser(coordinator), draft.id, reviewer.email);
	const person = async (user: typeof coordinator) => ({ ...user, session: asSessionUser(user), cookie: await sessionCookie(testDb.db, user.id) });
	return { place, draft, documentName, coordinator: await person(coordinator), coAuthor: await person(coAuthor), reviewer: await person(reviewer), stranger: await person(stranger) };
}

/**
 * How many "threads changed" signals a client heard since connected: what the editor reacts
 * to is the change of the key (the value of concurrent sets is Yjs's pick, see live.ts).
 */
function listen(client: TestClient): { count: number } {
	const heard = { count: 0 };
	client.doc.getMap(DRAFT_SIGNALS).observe((event) => {
		if (event.keysChanged.has(COMMENTS_CHANGED_KEY)) heard.count += 1;
	});
	return heard;
}

describe('live comments', () => {
	it('reach every co-author and reviewer with the draft open, for a new thread, a reply and a resolution', async () => {
		const { draft, documentName, coordinator, coAuthor, reviewer } = await scene();
		const server = await start();
		// The editor's own provider class, as in the browser.
		const writer = connect(server.url, documentName, coordinator.cookie, {}, OwnPresenceProvider);
		const colleague = connect(server.url, documentName, coAuthor.cookie, {}, OwnPresenceProvider);
		const readOnly = connect(server.url, documentName, reviewer.cookie, {}, OwnPresenceProvider);
		await waitFor(() => writer.provider.synced && colleague.provider.synced && readOnly.provider.synced, 'all synced');
		const [ofWriter, ofColleague, ofReviewer] = [listen(writer), listen(colleague), listen(readOnly)];

		const { comment } = await addComment(testDb.db, coAuthor.session, draft.id, { body: 'Cible à chiffrer ?' });
		expect(await drainOutbox()).toBe(1);
		await waitFor(() => ofWriter.count === 1, 'the coordinator hears of the new thread');
		await waitFor(() => ofReviewer.count === 1, 'the reviewer (read-only) hears of it');

		await replyToComment(testDb.db, coordinator.session, draft.id, comment.id, 'Oui, −20 % en 2027.');
		await drainOutbox();
		await waitFor(() => ofColleague.count === 2, 'the co-author hears of the reply');

		await setCommentResolved(testDb.db, coordinator.session, draft.id, comment.id, true);
		await drainOutbox();
		await waitFor(() => ofColleague.count === 3 && ofReviewer.count === 3 && ofWriter.count === 3, 'everyone hears of the resolution');
	});

	it('never reach a member of another CPTS (refused the document), nor a member removed since', async () => {
		const { place, draft, documentName, coordinator, coAuthor, stranger } = await scene();
		const server = await start();
		const writer = connect(server.url, documentName, coordinator.cookie);
		const outsider = connect(server.url, documentName, stranger.cookie);
		const leaving = connect(server.url, documentName, coAuthor.cookie);
		await waitFor(() => outsider.terminalCode === CLOSE_CODES.forbidden, 'the outsider is refused with 4403');
		await waitFor(() => writer.provider.synced && leaving.provider.synced, 'members synced');
		const [ofWriter, ofOutsider, ofLeaving] = [listen(writer), listen(outsider), listen(leaving)];

		await addComment(testDb.db, coordinator.session, draft.id, { body: 'Premier fil.' });
		await drainOutbox();
		await waitFor(() => ofLeaving.count === 1 && ofWriter.count === 1, 'members hear of the first thread');

		await removeMember(testDb.db, coordinator.session, place.id, coAuthor.id);
		await waitFor(() => leaving.terminalCode === CLOSE_CODES.forbidden, 'the removed member is closed out');
		await addComment(testDb.db, coordinator.session, draft.id, { body: 'Second fil, après son départ.' });
		await drainOutbox();
		await waitFor(() => ofWriter.count === 2, 'the coordinator hears of the second thread');
		// The coordinator's copy came through the same server: the others' would have too.
		expect(ofLeaving.count).toBe(1);
		expect(ofOutsider.count).toBe(0);
		expect(outsider.doc.getMap(DRAFT_SIGNALS).size).toBe(0);
	});

	it('are not queued for a comment refused to someone outside the draft', async () => {
		const { draft, stranger } = await scene();
		await expectAppError(addComment(testDb.db, stranger.session, draft.id, { body: 'Intrusion.' }), 'not_found');
		const queued = await testDb.db.select().from(outboxJobs).where(eq(outboxJobs.kind, COMMENTS_CHANGED));
		expect(queued.filter((job) => job.payload.draftId === draft.id)).toEqual([]);
	});
});
