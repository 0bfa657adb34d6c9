/**
 * Who may open a draft on the websocket, decided from the site's session cookie and the
 * drafts' permission rules: refusals, read-only connections, rights changes, quotas.
 */
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { invalidateUserSessions } from '../../src/lib/server/auth/session';
import { CLOSE_CODES } from '../../src/lib/server/collab/codes';
import { notifyAccessChanged } from '../../src/lib/server/collab/registry';
import { removeMember } from '../../src/lib/server/cpts/membership';
import { draftReviewers } from '../../src/lib/server/db/schema';
import { addDraftReviewer, removeDraftReviewer } from '../../src/lib/server/drafts/records';
import { useTestDatabase } from '../helpers/db';
import { makeCpts, makeMembership, makeUser } from '../helpers/factories';
import { asSessionUser } from '../helpers/routes';
import { makeDraft, rawSocket, sessionCookie, storedText, upgradeStatus, useCollabServers, waitFor, type TestClient } from './helpers';

const testDb = useTestDatabase();
const { start, connect, stop } = useCollabServers(testDb);

/** A CPTS with a coordinator and a member, a draft, and people around it. */
async function scene() {
	const place = await makeCpts(testDb.db);
	const other = await makeCpts(testDb.db);
	const coordinator = await makeUser(testDb.db, { name: 'Claire Coordinatrice' });
	const member = await makeUser(testDb.db, { name: 'Marc Membre' });
	const outsider = await makeUser(testDb.db, { name: 'Olga Ailleurs' });
	const pending = await makeUser(testDb.db, { name: 'Paul En-Attente' });
	const facilitator = await makeUser(testDb.db, { name: 'Fanny Animatrice', roles: ['facilitator'] });
	const reviewer = await makeUser(testDb.db, { name: 'René ARS' });
	await makeMembership(testDb.db, place.id, coordinator.id, { role: 'coordinator' });
	await makeMembership(testDb.db, place.id, member.id);
	await makeMembership(testDb.db, other.id, outsider.id);
	await makeMembership(testDb.db, place.id, pending.id, { status: 'pending' });
	const { draft, documentName } = await makeDraft(testDb.db, place.id, coordinator.id);
	await testDb.db.insert(draftReviewers).values({ draftId: draft.id, userId: reviewer.id, invitedBy: coordinator.id });
	const withCookie = async <T extends { id: string }>(user: T) => ({ ...user, cookie: await sessionCookie(testDb.db, user.id) });
	return {
		place,
		draft,
		documentName,
		coordinator: await withCookie(coordinator),
		member: await withCookie(member),
		outsider: await withCookie(outsider),
		pending: await withCookie(pending),
		facilitator: await withCookie(facilitator),
		reviewer: await withCookie(reviewer)
	};
}

describe('refusals at connect', () => {
	it('refuses a signed-out visitor and a forged cookie with 4401, and the provider stops retrying', async () => {
		const { documentName } = await scene();
		const server = await start();
		const anonymous = connect(server.url, documentName, null);
		const forged = connect(server.url, documentName, 'cpts_session=abcdefghijklmnopqrstuvwxyz234567');
		await waitFor(() => anonymous.terminalCode !== null && forged.terminalCode !== null, 'both refused');
		expect(anonymous.terminalCode).toBe(CLOSE_CODES.unauthenticated);
		expect(forged.terminalCode).toBe(CLOSE_CODES.unauthenticated);
		expect(anonymous.provider.synced).toBe(false);
		expect(anonymous.text.length).toBe(0);
		expect(server.collab.metrics().refusedConnections.unauthenticated).toBe(2);
	});

	it('refuses a member of another CPTS and a pending member with 4403, and an unknown draft with 4404', async () => {
		const { documentName, outsider, pending, member } = await scene();
		const server = await start();
		const stranger = connect(server.url, documentName, outsider.cookie);
		const waiting = connect(server.url, documentName, pending.cookie);
		const missing = connect(server.url, 'draft:aaaaaaaaaaaaaaaaaaaaaaaa', member.cookie);
		await waitFor(() => [stranger, waiting, missing].every((client) => client.terminalCode !== null), 'all refused');
		expect(stranger.terminalCode).toBe(CLOSE_CODES.forbidden);
		expect(waiting.terminalCode).toBe(CLOSE_CODES.forbidden);
		expect(missing.terminalCode).toBe(CLOSE_CODES.notFound);
		// Signed-in refusals may have started the load (it runs beside the rights check):
		// nothing stays loaded.
		await waitFor(() => server.collab.metrics().documentsLoaded + server.collab.metrics().documentsLoading === 0, 'nothing left loaded');
	});

	it('answers 403 to a foreign Origin and 404 to a path that is not a document, before any handshake', async () => {
		const { documentName, member } = await scene();
		const server = await start();
		expect(await upgradeStatus(server.port, `/collab/${documentName}`, { Origin: 'https://evil.example', Cookie: member.cookie })).toBe(403);
		expect(await upgradeStatus(server.port, '/collab/../../etc/passwd', { Cookie: member.cookie })).toBe(404);
		expect(await upgradeStatus(server.port, '/collab/draft:NOT-AN-ID', { Cookie: member.cookie })).toBe(404);
		// Same origin is accepted.
		const { socket } = await rawSocket(server.url, documentName, member.cookie);
		socket.close();
	});

	it('without a configured ORIGIN, accepts the Origin of the Host it was reached at and no other', async () => {
		const { documentName, member } = await scene();
		const server = await start({ origin: null });
		const host = `127.0.0.1:${server.port}`;
		expect(await upgradeStatus(server.port, `/collab/${documentName}`, { Origin: 'http://localhost:9999', Cookie: member.cookie })).toBe(403);
		expect(await upgradeStatus(server.port, `/collab/${documentName}`, { Origin: 'null', Cookie: member.cookie })).toBe(403);
		expect(await upgradeStatus(server.port, `/collab/${documentName}`, { Origin: `http://${host}`, Cookie: member.cookie })).toBe(101);
	});
});

describe('read-only connections', () => {
	it('lets a facilitator and an invited reviewer read, but their edits reach neither the others nor the store', async () => {
		const { documentName, coordinator, facilitator, reviewer } = await scene();
		const server = await start();
		const editor = connect(server.url, documentName, coordinator.cookie);
		await waitFor(() => editor.provider.synced, 'editor synced');
		editor.text.insert(0, 'Axe 1 : accès aux soins. ');
		const animatrice = connect(server.url, documentName, facilitator.cookie);
		const ars = connect(server.url, documentName, reviewer.cookie);
		await waitFor(() => animatrice.text.toString() === editor.text.toString() && ars.text.toString() === editor.text.toString(), 'readers receive the text');
		expect(server.collab.metrics().readOnlyConnections).toBe(2);

		animatrice.text.insert(0, 'ANIMATRICE ');
		ars.text.insert(0, 'ARS ');
		// Presence sent after the edit, on the same socket: once the editor sees it, the server
		// has handled the edit before it. (Readers are seen reading: presence is allowed.)
		animatrice.provider.awareness.setLocalStateField('user', { name: 'Fanny' });
		ars.provider.awareness.setLocalStateField('user', { name: 'René' });
		await waitFor(() => {
			const states = editor.provider.awareness.getStates();
			// The server shows the session's names, not the ones the clients claimed.
			return states.get(ars.doc.clientID)?.user?.name === 'René ARS' && states.get(animatrice.doc.clientID)?.user?.name === 'Fanny Animatrice';
		}, 'readers presence reaches the editor');
		editor.text.insert(editor.text.length, 'Axe 2 : parcours.');
		await waitFor(() => ars.text.toString().includes('Axe 2') && animatrice.text.toString().includes('Axe 2'), 'readers receive later edits');
		expect(editor.text.toString()).toBe('Axe 1 : accès aux soins. Axe 2 : parcours.');
		expect(ars.text.toString()).not.toContain('ANIMATRICE');
		expect(animatrice.text.toString()).not.toContain('ARS ');
		expect(server.collab.metrics().droppedReadOnlyUpdates).toBeGreaterThanOrEqual(2);


		await stop(server);
		expect(await storedText(testDb.db, documentName)).toBe('Axe 1 : accès aux soins. Axe 2 : parcours.');
	});

	it('drops the trial replica of a document when its last writer leaves, readers staying', async () => {
		const { documentName, coordinator, member, facilitator } = await scene();
		const server = await start();
		const editor = connect(server.url, documentName, coordinator.cookie);
		const reader = connect(server.url, documentName, facilitator.cookie);
		await waitFor(() => editor.provider.synced && reader.provider.synced, 'both synced');
		editor.text.insert(0, 'Axe 1 : accès aux soins. ');
		await waitFor(() => reader.text.toString() === editor.text.toString(), 'reader receives the text');
		expect(server.collab.metrics().trialReplicas).toBe(1);

		editor.destroy();
		await waitFor(() => server.collab.metrics().connections === 1, 'the writer left');
		expect(server.collab.metrics()).toMatchObject({ trialReplicas: 0, documentsLoaded: 1, readOnlyConnections: 1 });

		// A reader's edit makes none (it is dropped before the document); the next writer's does.
		reader.text.insert(0, 'LECTRICE ');
		const second = connect(server.url, documentName, member.cookie);
		await waitFor(() => second.provider.synced && second.text.toString() === 'Axe 1 : accès aux soins. ', 'second writer synced');
		second.text.insert(0, 'Titre. ');
		await waitFor(() => server.collab.metrics().trialReplicas === 1, 'replica made again for the writer');
	});
});

describe('rights changes', () => {
	it('disconnects a removed member with the re-authenticate code; the reconnect is then refused', async () => {
		const { place, documentName, coordinator, member } = await scene();
		const server = await start();
		const removed = connect(server.url, documentName, member.cookie);
		const staying = connect(server.url, documentName, coordinator.cookie);
		await waitFor(() => removed.provider.synced && staying.provider.synced, 'synced');

		// removeMember announces the change itself: no explicit notice here.
		await removeMember(testDb.db, asSessionUser(coordinator), place.id, member.id);
		await waitFor(() => removed.closeCodes.includes(CLOSE_CODES.rightsChanged), 'closed with 4509');
		// The stock provider reconnects after 4509, and the fresh check refuses it for good.
		await waitFor(() => removed.terminalCode === CLOSE_CODES.forbidden, 'reconnect refused with 4403');
		expect(staying.closeCodes).toEqual([]);
		staying.text.insert(0, 'encore là');
		await waitFor(async () => server.collab.metrics().connections === 1, 'one connection left');
	});

	it('closes a withdrawn reviewer and upgrades a newly invited one at once', async () => {
		const { draft, documentName, coordinator, reviewer, outsider } = await scene();
		const server = await start();
		const ars = connect(server.url, documentName, reviewer.cookie);
		await waitFor(() => ars.provider.synced, 'reviewer synced');
		await removeDraftReviewer(testDb.db, asSessionUser(coordinator), draft.id, reviewer.id);
		await waitFor(() => ars.terminalCode === CLOSE_CODES.forbidden, 'withdrawn reviewer refused');
		expect(ars.closeCodes[0]).toBe(CLOSE_CODES.rightsChanged);

		const stranger = connect(server.url, documentName, outsider.cookie);
		await waitFor(() => stranger.terminalCode === CLOSE_CODES.forbidden, 'not invited yet');
		await addDraftReviewer(testDb.db, asSessionUser(coordinator), draft.id, outsider.email);
		stranger.provider.connect();
		await waitFor(() => stranger.provider.synced, 'invited reviewer reads');
	});

	it('leaves connections whose rights did not change, and closes signed-out sessions', async () => {
		const { documentName, member, coordinator } = await scene();
		const server = await start();
		const client = connect(server.url, documentName, member.cookie);
		await waitFor(() => client.provider.synced, 'synced');
		await notifyAccessChanged({ userId: member.id, documentName });
		expect(client.closeCodes).toEqual([]);

		await invalidateUserSessions(testDb.db, member.id);
		await notifyAccessChanged({ userId: member.id });
		await waitFor(() => client.terminalCode === CLOSE_CODES.unauthenticated, 'signed out, then refused');
		expect(client.closeCodes[0]).toBe(CLOSE_CODES.rightsChanged);

		const other = connect(server.url, documentName, coordinator.cookie);
		await waitFor(() => other.provider.synced, 'coordinator synced');
		expect(server.collab.closeConnectionsForUser(coordinator.id, documentName)).toBe(1);
		await waitFor(() => other.closeCodes.includes(CLOSE_CODES.rightsChanged), 'closed by closeConnectionsForUser');
		await waitFor(() => other.provider.synced, 'and back, since the rights still hold');
	});
});

describe('quotas and sizes', () => {
	it('refuses connections past the per-user limit with 4529, and frees the slot when one closes', async () => {
		const { documentName, member } = await scene();
		const server = await start({ limits: { maxConnectionsPerUser: 2 } });
		const first = await rawSocket(server.url, documentName, member.cookie);
		const second = await rawSocket(server.url, documentName, member.cookie);
		const third = await rawSocket(server.url, documentName, member.cookie);
		expect(await third.closed).toBe(CLOSE_CODES.tooManyConnections);
		first.socket.close();
		await first.closed;
		await waitFor(() => server.collab.metrics().connections === 1, 'slot freed');
		const fourth = await rawSocket(server.url, documentName, member.cookie);
		await waitFor(() => server.collab.metrics().connections === 2, 'fourth accepted');
		second.socket.close();
		fourth.socket.close();
	});

	it('refuses connections past the per-document limit', async () => {
		const { documentName, member, coordinator } = await scene();
		const server = await start({ limits: { maxConnectionsPerDocument: 1 } });
		const first = await rawSocket(server.url, documentName, member.cookie);
		const second = await rawSocket(server.url, documentName, coordinator.cookie);
		expect(await second.closed).toBe(CLOSE_CODES.tooManyConnections);
		first.socket.close();
	});

	it('closes a connection sending a frame over the size limit (1009) and one growing the document past its limit (4413)', async () => {
		const { documentName, member, coordinator } = await scene();
		const server = await start({ limits: { maxMessageBytes: 64 * 1024, maxDocumentBytes: 100 * 1024 } });
		const big = await rawSocket(server.url, documentName, member.cookie);
		big.socket.send(Buffer.alloc(65 * 1024, 1));
		expect(await big.closed).toBe(1009);

		const writer = connect(server.url, documentName, coordinator.cookie);
		const reader = connect(server.url, documentName, member.cookie);
		await waitFor(() => writer.provider.synced && reader.provider.synced, 'synced');
		// Written and deleted three times: the running estimate passes the limit, the real
		// size does not (deleted text is garbage-collected), so nobody is refused.
		for (let round = 0; round < 3; round++) {
			writer.text.insert(0, 'y'.repeat(40 * 1024));
			await waitFor(() => reader.text.length === 40 * 1024, 'relayed');
			writer.text.delete(0, writer.text.length);
			await waitFor(() => reader.text.length === 0, 'deletion relayed');
		}
		expect(writer.closeCodes).toEqual([]);
		for (let index = 0; index < 5; index++) writer.text.insert(0, 'x'.repeat(30 * 1024));
		await waitFor(() => writer.closeCodes.includes(CLOSE_CODES.documentTooLarge), 'closed with 4413');
		expect(reader.text.length).toBeLessThanOrEqual(100 * 1024);
	});
});

describe('presence', () => {
	type Presence = { user?: { name?: string; canEdit?: boolean; color?: string }; section?: string | null };
	const presenceOf = (observer: TestClient, client: TestClient) =>
		observer.provider.awareness.getStates().get(client.doc.clientID) as Presence | undefined;

	it('shows the session\'s name and editing right, whatever the client claims', async () => {
		const { documentName, coordinator, member, reviewer } = await scene();
		const server = await start();
		const observer = connect(server.url, documentName, coordinator.cookie);
		const writer = connect(server.url, documentName, member.cookie);
		const reader = connect(server.url, documentName, reviewer.cookie);
		await waitFor(() => observer.provider.synced && writer.provider.synced && reader.provider.synced, 'all synced');
		writer.provider.awareness.setLocalStateField('user', { name: 'Directeur ARS', color: '#aa0000', canEdit: true });
		reader.provider.awareness.setLocalStateField('user', { name: 'Claire Coordinatrice', color: '#00aa00', canEdit: true });
		await waitFor(() => presenceOf(observer, writer)?.user !== undefined && presenceOf(observer, reader)?.user !== undefined, 'presence relayed');
		expect(presenceOf(observer, writer)!.user).toMatchObject({ name: 'Marc Membre', canEdit: true, color: '#aa0000' });
		expect(presenceOf(observer, reader)!.user).toMatchObject({ name: 'René ARS', canEdit: false });
	});

	it('drops presence sent for another person\'s client id', async () => {
		const { documentName, coordinator, member, facilitator } = await scene();
		const server = await start();
		const victim = connect(server.url, documentName, coordinator.cookie);
		const spoofer = connect(server.url, documentName, member.cookie);
		const observer = connect(server.url, documentName, facilitator.cookie);
		await waitFor(() => victim.provider.synced && spoofer.provider.synced && observer.provider.synced, 'all synced');
		victim.provider.awareness.setLocalStateField('user', { name: 'x' });
		spoofer.provider.awareness.setLocalStateField('user', { name: 'y' });
		await waitFor(() => presenceOf(observer, victim)?.user?.name === 'Claire Coordinatrice', 'victim present');
		await waitFor(() => presenceOf(observer, spoofer)?.user?.name === 'Marc Membre', 'spoofer present');

		// An awareness update for the victim's client id, with a clock far ahead, sent on the
		// spoofer's own socket.
		const forgedDoc = new Y.Doc();
		forgedDoc.clientID = victim.doc.clientID;
		const forged = new Awareness(forgedDoc);
		for (let clock = 0; clock < 50; clock++) forged.setLocalState({ user: { name: 'Faux message', canEdit: true }, section: 'piège' });
		const message = encoding.createEncoder();
		encoding.writeVarUint(message, 1);
		encoding.writeVarUint8Array(message, encodeAwarenessUpdate(forged, [victim.doc.clientID]));
		spoofer.provider.ws!.send(encoding.toUint8Array(message));
		forged.destroy();
		// A later change of the spoofer's own presence, relayed in order after the forged one.
		spoofer.provider.awareness.setLocalStateField('section', 'après');
		await waitFor(() => presenceOf(observer, spoofer)?.section === 'après', 'later presence relayed');
		expect(presenceOf(observer, victim)!.user!.name).toBe('Claire Coordinatrice');
		expect(presenceOf(observer, victim)!.section).toBeUndefined();
		expect(spoofer.terminalCode).toBeNull();
	});
});
