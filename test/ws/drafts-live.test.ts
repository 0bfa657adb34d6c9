/**
 * What the site reads and changes of a draft while people type in it: exports and frozen
 * versions hold what was just typed (not only what the last debounced write stored), and a
 * restore made on the server reaches everyone connected. The live document is held by a
 * server of this process, by an instance this process reaches only through Redis (as a
 * ws-server of its own is), or by a real `npm run ws-server` process.
 */
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { documentChannel } from '../../src/lib/server/collab/channels';
import { flushLiveDocument, notifyAccessChanged, unregisterCollabServer } from '../../src/lib/server/collab/registry';
import { yjsDocuments } from '../../src/lib/server/db/schema';
import {
	addDraftReviewer,
	changeDraftStatus,
	exportableDoc,
	getVersion,
	jsonFromDoc,
	listVersions,
	loadStoredJSON,
	nameVersion,
	restoreVersion,
	stateFromJSON,
	toMarkdown
} from '../../src/lib/server/drafts';
import type { SessionUser } from '../../src/lib/server/auth/session';
import { GET as exportDraft } from '../../src/routes/projets/[id]/export/[format]/+server';
import { useTestDatabase } from '../helpers/db';
import { expectAppError } from '../helpers/refusal';
import { makeCpts, makeMembership, makeUser } from '../helpers/factories';
import { asSessionUser } from '../helpers/routes';
import {
	asSiteWithRedis,
	freePort,
	makeDraft,
	REDIS_URL,
	redisAvailable,
	sessionCookie,
	startWsServerProcess,
	useCollabServers,
	waitFor,
	type TestClient
} from './helpers';

const testDb = useTestDatabase();
const { start, connect } = useCollabServers(testDb);

// No debounced write during a test: what reaches the store can only come from a flush.
const holdWrites = { writeDebounceMs: 600_000, writeMaxWaitMs: 600_000 };

async function scene() {
	const place = await makeCpts(testDb.db);
	const alice = await makeUser(testDb.db, { name: 'Alice Infirmière' });
	const claire = await makeUser(testDb.db, { name: 'Claire Coordinatrice' });
	const rene = await makeUser(testDb.db, { name: 'René ARS' });
	await makeMembership(testDb.db, place.id, alice.id);
	await makeMembership(testDb.db, place.id, claire.id, { role: 'coordinator' });
	const { draft, documentName } = await makeDraft(testDb.db, place.id, alice.id);
	await addDraftReviewer(testDb.db, asSessionUser(claire), draft.id, rene.email);
	await testDb.db.insert(yjsDocuments).values({
		name: documentName,
		state: stateFromJSON({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Diagnostic territorial.' }] }] })
	});
	const person = async (user: typeof alice) => ({ user: asSessionUser(user), cookie: await sessionCookie(testDb.db, user.id) });
	return { draft, documentName, alice: await person(alice), claire: await person(claire), rene: await person(rene) };
}

/** Adds a paragraph at the start of the editor's fragment, as Tiptap would. */
function addParagraph(client: TestClient, text: string) {
	const paragraph = new Y.XmlElement('paragraph');
	paragraph.insert(0, [new Y.XmlText(text)]);
	client.doc.getXmlFragment('default').insert(0, [paragraph]);
}

const textOf = (client: TestClient) => toMarkdown(jsonFromDoc(client.doc));
const storedText = async (draftId: string) => toMarkdown(await loadStoredJSON(testDb.db, draftId));

/** Types through one client and waits until another has it: the server applied it. */
async function typed(writer: TestClient, observer: TestClient, text: string) {
	addParagraph(writer, text);
	await waitFor(() => textOf(observer).includes(text), `the server relayed "${text}"`);
}

async function markdownExport(draftId: string, user: SessionUser): Promise<string> {
	const response = await exportDraft({
		params: { id: draftId, format: 'markdown' },
		url: new URL(`http://localhost/projets/${draftId}/export/markdown`),
		locals: { user, locale: 'fr' }
	} as never);
	return response.text();
}

describe('with the document loaded in this process', () => {
	it('exports, status versions and named versions hold what was just typed', async () => {
		const { draft, documentName, alice, claire } = await scene();
		const server = await start({ limits: holdWrites });
		const writer = connect(server.url, documentName, alice.cookie);
		const observer = connect(server.url, documentName, claire.cookie);
		await waitFor(() => writer.provider.synced && observer.provider.synced, 'both synced');

		await typed(writer, observer, 'Tapé à l’instant.');
		// Still in the server's write window: the stored text lacks it.
		expect(await storedText(draft.id)).not.toContain('Tapé à l’instant.');
		expect(await markdownExport(draft.id, alice.user)).toContain('Tapé à l’instant.');
		expect(toMarkdown(await exportableDoc(testDb.db, draft))).toContain('Tapé à l’instant.');

		await typed(writer, observer, 'Juste avant la relecture.');
		const version = await changeDraftStatus(testDb.db, claire.user, draft.id, 'en_relecture');
		expect(toMarkdown((await getVersion(testDb.db, alice.user, draft.id, version.number)).doc)).toContain('Juste avant la relecture.');

		await typed(writer, observer, 'Juste avant de nommer.');
		const named = await nameVersion(testDb.db, alice.user, draft.id, 'Relue');
		expect(toMarkdown((await getVersion(testDb.db, alice.user, draft.id, named.number)).doc)).toContain('Juste avant de nommer.');
	});

	it('restores on the server: every connected client receives it, readers are refused, and typing goes on', async () => {
		const { draft, documentName, alice, claire, rene } = await scene();
		const server = await start({ limits: holdWrites });
		const first = await nameVersion(testDb.db, alice.user, draft.id, 'Avant la plénière');
		const writer = connect(server.url, documentName, alice.cookie);
		const coordinator = connect(server.url, documentName, claire.cookie);
		const reader = connect(server.url, documentName, rene.cookie);
		await waitFor(() => writer.provider.synced && coordinator.provider.synced && reader.provider.synced, 'all synced');
		await typed(writer, reader, 'Ajout tardif à retirer.');

		await expectAppError(restoreVersion(testDb.db, rene.user, draft.id, first.number), 'forbidden');
		expect(textOf(coordinator)).toContain('Ajout tardif à retirer.');

		expect(await restoreVersion(testDb.db, claire.user, draft.id, first.number)).toEqual({ number: first.number, changed: true });
		const expected = JSON.stringify((await getVersion(testDb.db, alice.user, draft.id, first.number)).doc);
		await waitFor(
			() => [writer, coordinator, reader].every((client) => JSON.stringify(jsonFromDoc(client.doc)) === expected),
			'everyone has the restored text'
		);
		// The text before the restore was frozen (restoring it undoes the restore).
		const [before] = await listVersions(testDb.db, alice.user, draft.id);
		expect(before.kind).toBe('restore');
		expect(toMarkdown((await getVersion(testDb.db, alice.user, draft.id, before.number)).doc)).toContain('Ajout tardif à retirer.');
		// An ordinary change of the shared document: edits go on on top of it, and it is stored.
		await typed(writer, coordinator, 'Après la restauration.');
		expect(await markdownExport(draft.id, claire.user)).toBe(await markdownExport(draft.id, alice.user));
		const exported = await markdownExport(draft.id, alice.user);
		expect(exported).toContain('Après la restauration.');
		expect(exported).not.toContain('Ajout tardif à retirer.');
	});
});

describe('with Redis unreachable', () => {
	it('still exports the stored text within the bound, refuses a restore, and never hangs on a rights notice', async () => {
		const { draft, documentName, alice, claire } = await scene();
		const first = await nameVersion(testDb.db, alice.user, draft.id, 'Trame');
		// Nothing listens there: every Redis command waits for a connection that never comes.
		await asSiteWithRedis(`redis://127.0.0.1:${await freePort()}`, async () => {
			expect(await flushLiveDocument(documentName)).toEqual({ holders: 0, confirmed: 0, complete: false });
			expect(await markdownExport(draft.id, alice.user)).toContain('Diagnostic territorial.');
			await expectAppError(restoreVersion(testDb.db, claire.user, draft.id, first.number), 'conflict');
			await notifyAccessChanged({ userId: alice.user.id, documentName });
		});
	}, 60_000);
});

describe.runIf(redisAvailable)('with the document loaded on other instances, reached through Redis', () => {
	it('asks the holders to write, waits for them, and refuses a restore when one does not answer', async () => {
		const { draft, documentName, alice, claire } = await scene();
		await asSiteWithRedis(REDIS_URL, async () => {
			// Two instances through Redis, out of this process's registry: as separate processes are.
			const one = await start({ redisUrl: REDIS_URL, limits: holdWrites });
			const two = await start({ redisUrl: REDIS_URL, limits: holdWrites });
			unregisterCollabServer(one.collab);
			unregisterCollabServer(two.collab);
			const first = await nameVersion(testDb.db, alice.user, draft.id, 'Trame');
			const writer = connect(one.url, documentName, alice.cookie);
			const observer = connect(two.url, documentName, claire.cookie);
			await waitFor(() => writer.provider.synced && observer.provider.synced, 'both synced');

			await typed(writer, observer, 'Tapé sur une autre instance.');
			expect(await storedText(draft.id)).not.toContain('Tapé sur une autre instance.');
			expect(await markdownExport(draft.id, alice.user)).toContain('Tapé sur une autre instance.');
			expect(await flushLiveDocument(documentName)).toEqual({ holders: 2, confirmed: 2, complete: true });

			await typed(writer, observer, 'Avant la relecture, sur une autre instance.');
			const version = await changeDraftStatus(testDb.db, claire.user, draft.id, 'en_relecture');
			expect(toMarkdown((await getVersion(testDb.db, alice.user, draft.id, version.number)).doc)).toContain('Avant la relecture, sur une autre instance.');

			await typed(writer, observer, 'Ajout tardif.');
			await restoreVersion(testDb.db, claire.user, draft.id, first.number);
			const expected = JSON.stringify((await getVersion(testDb.db, alice.user, draft.id, first.number)).doc);
			await waitFor(() => [writer, observer].every((client) => JSON.stringify(jsonFromDoc(client.doc)) === expected), 'both instances restored');

			// A server of this process that does not hold the document asks through its own Redis client.
			await start({ redisUrl: REDIS_URL, limits: holdWrites });
			await typed(observer, writer, 'Tapé après la restauration.');
			expect(await flushLiveDocument(documentName)).toEqual({ holders: 2, confirmed: 2, complete: true });
			expect(await storedText(draft.id)).toContain('Tapé après la restauration.');

			// A holder that never answers (an instance of an older version, say): the wait is
			// bounded, exports read what the others wrote, and a restore is refused rather than
			// computed from a text that may lack its edits.
			const silent = new Redis(REDIS_URL);
			try {
				await silent.subscribe(documentChannel(documentName));
				await typed(writer, observer, 'Pendant qu’une instance se tait.');
				expect(await flushLiveDocument(documentName)).toEqual({ holders: 3, confirmed: 2, complete: false });
				expect(await markdownExport(draft.id, alice.user)).toContain('Pendant qu’une instance se tait.');
				await expectAppError(restoreVersion(testDb.db, claire.user, draft.id, first.number), 'conflict');
				expect(textOf(writer)).toContain('Pendant qu’une instance se tait.');
			} finally {
				silent.disconnect();
			}
		});
	}, 60_000);

	it('reaches a real `npm run ws-server` process: export, status version and restore', async () => {
		const { draft, documentName, alice, claire } = await scene();
		await asSiteWithRedis(REDIS_URL, async () => {
			const child = startWsServerProcess({ databaseUrl: testDb.url, port: await freePort(), redisUrl: REDIS_URL });
			try {
				await child.started();
				const first = await nameVersion(testDb.db, alice.user, draft.id, 'Trame');
				const writer = connect(child.url, documentName, alice.cookie);
				const observer = connect(child.url, documentName, claire.cookie);
				await waitFor(() => writer.provider.synced && observer.provider.synced, 'both synced');

				await typed(writer, observer, 'Tapé dans l’autre processus.');
				expect(await markdownExport(draft.id, alice.user)).toContain('Tapé dans l’autre processus.');
				await typed(writer, observer, 'Avant la relecture.');
				const version = await changeDraftStatus(testDb.db, claire.user, draft.id, 'en_relecture');
				expect(toMarkdown((await getVersion(testDb.db, alice.user, draft.id, version.number)).doc)).toContain('Avant la relecture.');

				await typed(writer, observer, 'Ajout tardif.');
				await restoreVersion(testDb.db, claire.user, draft.id, first.number);
				const expected = JSON.stringify((await getVersion(testDb.db, alice.user, draft.id, first.number)).doc);
				await waitFor(() => [writer, observer].every((client) => JSON.stringify(jsonFromDoc(client.doc)) === expected), 'clients of the other process restored');
			} finally {
				child.child.kill('SIGTERM');
				await child.exited;
			}
		});
	}, 120_000);
});
