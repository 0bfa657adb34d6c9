/**
 * Automatic versions through the real collaboration server: ws-server's hooks freeze a
 * version after the last person leaves (once per change, none when nothing changed), and
 * during activity once the latest version is ten minutes old.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { automaticVersionHooks, jsonFromState, listVersions, getVersion, stateFromJSON } from '../../src/lib/server/drafts';
import { draftVersions, yjsDocuments } from '../../src/lib/server/db/schema';
import { useTestDatabase } from '../helpers/db';
import { makeCpts, makeMembership, makeUser } from '../helpers/factories';
import { asSessionUser } from '../helpers/routes';
import { makeDraft, sessionCookie, useCollabServers, waitFor, type TestClient } from './helpers';

const testDb = useTestDatabase();
const { start, connect } = useCollabServers(testDb, {
	hooks: automaticVersionHooks(async () => testDb.db),
	limits: { writeDebounceMs: 30, writeMaxWaitMs: 100 }
});

async function scene() {
	const place = await makeCpts(testDb.db);
	const alice = await makeUser(testDb.db, { name: 'Alice Infirmière' });
	await makeMembership(testDb.db, place.id, alice.id);
	const { draft, documentName } = await makeDraft(testDb.db, place.id, alice.id);
	// The text as the editor shapes it, stored as ws-server will serve it.
	await testDb.db.insert(yjsDocuments).values({
		name: documentName,
		state: stateFromJSON({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Diagnostic territorial.' }] }] })
	});
	const server = await start();
	return { draft, documentName, alice: asSessionUser(alice), cookie: await sessionCookie(testDb.db, alice.id), server };
}

/** Adds a paragraph at the start of the editor's fragment, as Tiptap would. */
function addParagraph(client: TestClient, text: string) {
	const paragraph = new Y.XmlElement('paragraph');
	paragraph.insert(0, [new Y.XmlText(text)]);
	client.doc.getXmlFragment('default').insert(0, [paragraph]);
}

describe('automatic versions from ws-server', () => {
	it('freezes a version when the last person leaves, and none when they leave without a change', async () => {
		const { draft, documentName, alice, cookie, server } = await scene();
		const first = connect(server.url, documentName, cookie);
		await waitFor(() => first.provider.synced, 'synced');
		addParagraph(first, 'Réunion plénière le 12 mars.');
		first.destroy();
		await waitFor(async () => (await listVersions(testDb.db, alice, draft.id)).length === 1, 'a version after the last disconnect');
		const version = await getVersion(testDb.db, alice, draft.id, 1);
		expect(version.kind).toBe('auto');
		expect(JSON.stringify(version.doc)).toContain('Réunion plénière le 12 mars.');

		// A visit that changes nothing leaves no new version.
		const second = connect(server.url, documentName, cookie);
		await waitFor(() => second.provider.synced, 'synced again');
		expect(second.doc.getXmlFragment('default').toString()).toContain('Réunion plénière');
		second.destroy();
		const writtenBefore = server.collab.metrics().store.writes;
		await waitFor(() => server.collab.metrics().connections === 0, 'disconnected');
		await new Promise((resolve) => setTimeout(resolve, 300));
		expect(server.collab.metrics().store.writes).toBe(writtenBefore);
		expect(await listVersions(testDb.db, alice, draft.id)).toHaveLength(1);
	});

	it('freezes one during activity once the latest version is ten minutes old', async () => {
		const { draft, documentName, alice, cookie, server } = await scene();
		const writer = connect(server.url, documentName, cookie);
		await waitFor(() => writer.provider.synced, 'synced');
		// No version yet: the first write freezes one right away.
		addParagraph(writer, 'Premier ajout.');
		await waitFor(async () => (await listVersions(testDb.db, alice, draft.id)).length === 1, 'first activity version');
		addParagraph(writer, 'Deuxième ajout.');
		await waitFor(async () => server.collab.metrics().store.pendingDocuments === 0 && server.collab.metrics().store.writes >= 2, 'second write');
		expect(await listVersions(testDb.db, alice, draft.id)).toHaveLength(1);
		await testDb.db.update(draftVersions).set({ createdAt: new Date(Date.now() - 11 * 60_000) }).where(eq(draftVersions.draftId, draft.id));
		addParagraph(writer, 'Troisième ajout.');
		await waitFor(async () => (await listVersions(testDb.db, alice, draft.id)).length === 2, 'second activity version');
		const latest = await getVersion(testDb.db, alice, draft.id, 2);
		expect(JSON.stringify(latest.doc)).toContain('Troisième ajout.');
		expect(jsonFromState(Y.encodeStateAsUpdate(writer.doc)).content?.length).toBe(4);
	});
});
