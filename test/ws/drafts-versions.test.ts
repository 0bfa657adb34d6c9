/**
 * Automatic versions through the real collaboration server: ws-server's hooks freeze a
 * version after the last person leaves (once per change, none when nothing changed), and
 * during activity once the latest version is ten minutes old.
 *
 * ws-server does not wait for its hooks (only its shutdown does: the last test); the tests
 * do (hooks.settled) before they count versions or age them: a run still under way when the
 * test backdates the versions would read them as ten minutes old, as it should, and freeze
 * a version the test did not expect.
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
const hooks = trackedHooks();
const { start, connect, stop } = useCollabServers(testDb, {
	hooks,
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
	// Counted from here: the previous test's runs are over.
	await waitFor(() => hooks.settled(), 'earlier hook runs ended');
	hooks.calls.afterWrite = hooks.calls.afterLastDisconnect = 0;
	const server = await start();
	return { draft, documentName, alice: asSessionUser(alice), cookie: await sessionCookie(testDb.db, alice.id), server };
}

/**
 * The automatic version hooks, with the count of their calls and whether every run ended.
 * Each returns its run, as the real hooks do, so that stopping a server waits for it too.
 */
function trackedHooks() {
	const hooks = automaticVersionHooks(async () => testDb.db);
	const running = new Set<Promise<void>>();
	const calls = { afterWrite: 0, afterLastDisconnect: 0 };
	const track = (run: Promise<void>) => {
		running.add(run);
		void run.finally(() => running.delete(run));
		return run;
	};
	return {
		calls,
		settled: () => running.size === 0,
		afterWrite(name: string) {
			calls.afterWrite++;
			return track(hooks.afterWrite(name));
		},
		afterLastDisconnect(name: string) {
			calls.afterLastDisconnect++;
			return track(hooks.afterLastDisconnect(name));
		}
	};
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
		// The write's activity run and the departure's idle run both try; one version results.
		await waitFor(() => hooks.calls.afterLastDisconnect === 1 && hooks.settled(), 'the last disconnect handled');
		expect(hooks.calls.afterWrite).toBe(1);
		expect(await listVersions(testDb.db, alice, draft.id)).toHaveLength(1);
		const version = await getVersion(testDb.db, alice, draft.id, 1);
		expect(version.kind).toBe('auto');
		expect(JSON.stringify(version.doc)).toContain('Réunion plénière le 12 mars.');

		// A visit that changes nothing leaves no new version.
		const second = connect(server.url, documentName, cookie);
		await waitFor(() => second.provider.synced, 'synced again');
		expect(second.doc.getXmlFragment('default').toString()).toContain('Réunion plénière');
		second.destroy();
		await waitFor(() => hooks.calls.afterLastDisconnect === 2 && hooks.settled(), 'the second departure handled');
		expect(server.collab.metrics().store.writes).toBe(1);
		expect(await listVersions(testDb.db, alice, draft.id)).toHaveLength(1);
	});

	it('freezes one during activity once the latest version is ten minutes old', async () => {
		const { draft, documentName, alice, cookie, server } = await scene();
		const writer = connect(server.url, documentName, cookie);
		await waitFor(() => writer.provider.synced, 'synced');
		const written = (count: number) => () => server.collab.metrics().store.writes === count && hooks.calls.afterWrite === count && hooks.settled();
		// No version yet: the first write freezes one right away.
		addParagraph(writer, 'Premier ajout.');
		await waitFor(written(1), 'first write handled');
		expect(await listVersions(testDb.db, alice, draft.id)).toHaveLength(1);
		addParagraph(writer, 'Deuxième ajout.');
		await waitFor(written(2), 'second write handled');
		expect(await listVersions(testDb.db, alice, draft.id)).toHaveLength(1);
		// Ten minutes pass, once the second write's run has looked at the age.
		await testDb.db.update(draftVersions).set({ createdAt: new Date(Date.now() - 11 * 60_000) }).where(eq(draftVersions.draftId, draft.id));
		addParagraph(writer, 'Troisième ajout.');
		await waitFor(written(3), 'third write handled');
		expect(await listVersions(testDb.db, alice, draft.id)).toHaveLength(2);
		const latest = await getVersion(testDb.db, alice, draft.id, 2);
		expect(JSON.stringify(latest.doc)).toContain('Troisième ajout.');
		expect(jsonFromState(Y.encodeStateAsUpdate(writer.doc)).content?.length).toBe(4);
	});

	it('lets the version being frozen end before a shutdown does', async () => {
		const { draft, documentName, alice, cookie } = await scene();
		const automatic = automaticVersionHooks(async () => testDb.db);
		let departures = 0;
		// A freeze that takes its time (a busy database): the shutdown comes in the middle of it.
		const slow = await start({
			hooks: {
				async afterLastDisconnect(name: string) {
					departures++;
					await new Promise((resolve) => setTimeout(resolve, 300));
					await automatic.afterLastDisconnect(name);
				}
			}
		});
		const writer = connect(slow.url, documentName, cookie);
		await waitFor(() => writer.provider.synced, 'synced');
		addParagraph(writer, 'Dernier ajout avant l’arrêt.');
		writer.destroy();
		await waitFor(() => departures === 1, 'the departure handled');
		await stop(slow);
		const versions = await listVersions(testDb.db, alice, draft.id);
		expect(versions.map((version) => version.kind)).toEqual(['auto']);
		expect(JSON.stringify((await getVersion(testDb.db, alice, draft.id, 1)).doc)).toContain('Dernier ajout avant l’arrêt.');
	});
});
