/**
 * Presence across instances through a real Redis, with the guarantees one instance gives:
 * presence shows the session's person, nobody speaks for a client id another person holds
 * (on another instance either), and presence goes when its connection closes, when its
 * instance shuts down (it says so) and when its instance dies (it falls silent).
 */
import pino from 'pino';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { WebsocketProvider } from 'y-websocket';
import { OwnPresenceProvider } from '../../src/lib/client/drafts/provider';
import { encodeAwarenessMessage } from '../../ws-server/protocol';
import { useTestDatabase } from '../helpers/db';
import { makeCpts, makeMembership, makeUser } from '../helpers/factories';
import {
	freePort,
	makeDraft,
	rawSocket,
	REDIS_URL,
	redisAvailable,
	sessionCookie,
	startWsServerProcess,
	useCollabServers,
	waitFor,
	type TestClient
} from './helpers';

const testDb = useTestDatabase();
// Two instances of a test reach each other through Redis.
const { start, connect, stop } = useCollabServers(testDb, { redisUrl: REDIS_URL });

async function scene() {
	const place = await makeCpts(testDb.db);
	const people = [];
	for (const name of ['Alice Infirmière', 'Bruno Pharmacien', 'Carole Kiné', 'Marc Membre']) {
		const user = await makeUser(testDb.db, { name });
		await makeMembership(testDb.db, place.id, user.id);
		people.push({ ...user, cookie: await sessionCookie(testDb.db, user.id) });
	}
	const [alice, bruno, carole, marc] = people;
	const { documentName } = await makeDraft(testDb.db, place.id, alice.id);
	return { documentName, alice, bruno, carole, marc };
}

type Presence = { user?: { name?: string; color?: string }; section?: string | null; marker?: string };
const presenceOf = (observer: TestClient, clientId: number) => observer.provider.awareness.getStates().get(clientId) as Presence | undefined;

/** A y-websocket awareness message carrying one entry, written by hand. */
function awarenessMessage(clientId: number, clock: number, state: object | null): Uint8Array {
	return encodeAwarenessMessage([{ clientId, clock, state: JSON.stringify(state) }]);
}

/** A logger whose lines the test can read. */
function capturedLogger() {
	const lines: Record<string, unknown>[] = [];
	const stream = new Writable({
		write(chunk, _encoding, done) {
			for (const line of chunk.toString().split('\n')) if (line) lines.push(JSON.parse(line));
			done();
		}
	});
	return { logger: pino({ level: 'debug' }, stream), lines };
}

describe.runIf(redisAvailable)('presence across instances', () => {
	it('shows the session’s person on the other instance, and drops presence forged there for a client id held here', async () => {
		const { documentName, alice, bruno, carole, marc } = await scene();
		const one = await start();
		const two = await start();
		const victim = connect(one.url, documentName, alice.cookie);
		const besideVictim = connect(one.url, documentName, carole.cookie);
		const elsewhere = connect(two.url, documentName, bruno.cookie);
		await waitFor(() => victim.provider.synced && besideVictim.provider.synced && elsewhere.provider.synced, 'all synced');
		victim.provider.awareness.setLocalStateField('user', { name: 'Directrice ARS', color: '#0a6' });
		await waitFor(() => presenceOf(elsewhere, victim.doc.clientID)?.user?.name === 'Alice Infirmière', 'Alice’s presence on instance two');
		expect(presenceOf(elsewhere, victim.doc.clientID)!.user!.color).toBe('#0a6');

		// Marc, on instance two, whose first presence message claims Alice's client id (held
		// on instance one) with a clock far ahead, then speaks for his own client id.
		const spoofer = await rawSocket(two.url, documentName, marc.cookie);
		const ownId = 987_654_321;
		spoofer.socket.send(awarenessMessage(victim.doc.clientID, 1_000, { user: { name: 'Faux message' }, section: 'piège' }));
		spoofer.socket.send(awarenessMessage(ownId, 1, { user: { name: 'Marc' }, marker: 'après' }));
		// Relayed in order after the forged message, on both instances.
		await waitFor(() => presenceOf(elsewhere, ownId)?.marker === 'après' && presenceOf(besideVictim, ownId)?.marker === 'après', 'Marc’s own presence relayed');
		expect(presenceOf(besideVictim, ownId)!.user!.name).toBe('Marc Membre');
		for (const observer of [besideVictim, elsewhere]) {
			expect(presenceOf(observer, victim.doc.clientID)).toMatchObject({ user: { name: 'Alice Infirmière' } });
			expect(presenceOf(observer, victim.doc.clientID)!.section).toBeUndefined();
		}

		// Removal for Alice's id from Marc's socket is not his to say either.
		spoofer.socket.send(awarenessMessage(victim.doc.clientID, 2_000, null));
		spoofer.socket.send(awarenessMessage(ownId, 2, { user: { name: 'Marc' }, marker: 'encore' }));
		await waitFor(() => presenceOf(besideVictim, ownId)?.marker === 'encore', 'later presence relayed');
		expect(presenceOf(besideVictim, victim.doc.clientID)?.user?.name).toBe('Alice Infirmière');
		expect(presenceOf(elsewhere, victim.doc.clientID)?.user?.name).toBe('Alice Infirmière');

		// Marc's socket closes: his presence goes on both instances; Alice's leaves with her.
		spoofer.socket.close();
		await waitFor(() => !presenceOf(besideVictim, ownId) && !presenceOf(elsewhere, ownId), 'Marc’s presence removed everywhere');
		victim.destroy();
		await waitFor(() => !presenceOf(elsewhere, victim.doc.clientID) && !presenceOf(besideVictim, victim.doc.clientID), 'Alice’s presence removed everywhere');
	});

	it('shows presence held on other instances to an instance that loads the document later', async () => {
		const { documentName, alice, bruno } = await scene();
		const one = await start();
		const first = connect(one.url, documentName, alice.cookie);
		await waitFor(() => first.provider.synced, 'synced');
		first.provider.awareness.setLocalStateField('user', { name: 'Alice' });
		await waitFor(() => one.collab.metrics().redis.published > 0, 'published');
		// Instance two loads the document after Alice said where she is: it asks, one answers.
		const two = await start();
		const late = connect(two.url, documentName, bruno.cookie);
		await waitFor(() => presenceOf(late, first.doc.clientID)?.user?.name === 'Alice Infirmière', 'Alice’s presence on the late instance');
	});

	it('shows a client that moved to a restarted instance again at once, not after its next renewal', async () => {
		const { documentName, alice, bruno } = await scene();
		const restarting = await start();
		const staying = await start();
		const mover = connect(restarting.url, documentName, alice.cookie);
		const here = connect(staying.url, documentName, bruno.cookie);
		await waitFor(() => mover.provider.synced && here.provider.synced, 'both synced');
		mover.provider.awareness.setLocalStateField('user', { name: 'Alice' });
		await waitFor(() => presenceOf(here, mover.doc.clientID)?.user?.name === 'Alice Infirmière', 'Alice present');

		await stop(restarting);
		await waitFor(() => !presenceOf(here, mover.doc.clientID), 'Alice gone with her instance');
		await start({ port: restarting.port });
		await waitFor(() => mover.provider.synced, 'Alice reconnected');
		// Her provider renews its presence every 15 s; the wait is shorter than that.
		await waitFor(() => presenceOf(here, mover.doc.clientID)?.user?.name === 'Alice Infirmière', 'Alice present again on the other instance', 5_000);
	});

	it('removes the presence of an instance that shuts down: it announces it', async () => {
		const { documentName, alice, bruno } = await scene();
		// Silence could not explain a removal within the wait below: this instance's heartbeat
		// says three silent periods are 30 minutes, and y-protocols' own timeout is 30 s.
		const leaving = await start({ limits: { presenceHeartbeatMs: 600_000 } });
		const staying = await start();
		const there = connect(leaving.url, documentName, alice.cookie);
		const here = connect(staying.url, documentName, bruno.cookie);
		await waitFor(() => there.provider.synced && here.provider.synced, 'both synced');
		there.provider.awareness.setLocalStateField('user', { name: 'Alice' });
		await waitFor(() => presenceOf(here, there.doc.clientID)?.user?.name === 'Alice Infirmière', 'Alice present on the other instance');
		await waitFor(() => staying.collab.metrics().redis.peers > 0, 'the instances heard each other');

		await stop(leaving);
		await waitFor(() => !presenceOf(here, there.doc.clientID), 'Alice’s presence removed when her instance stopped', 5_000);
	});

	it('removes the presence of an instance killed with SIGKILL once it falls silent', async () => {
		const { documentName, alice, bruno } = await scene();
		const { logger, lines } = capturedLogger();
		// Listens often, so that it notices the silence soon after three of the other's periods.
		const staying = await start({ logger, limits: { presenceHeartbeatMs: 250 } });
		const doomed = startWsServerProcess({ databaseUrl: testDb.url, port: await freePort(), redisUrl: REDIS_URL });
		try {
			await doomed.started();
			const doomedId = /"instanceId":"([^"]+)"/.exec(doomed.output())![1];
			const there = connect(doomed.url, documentName, alice.cookie);
			const here = connect(staying.url, documentName, bruno.cookie);
			await waitFor(() => there.provider.synced && here.provider.synced, 'both synced');
			there.provider.awareness.setLocalStateField('user', { name: 'Alice' });
			await waitFor(() => presenceOf(here, there.doc.clientID)?.user?.name === 'Alice Infirmière', 'Alice present on the other instance');
			// A fresh update just before the kill: y-protocols' own 30 s timeout cannot be what removes it below.
			there.provider.awareness.setLocalStateField('section', 'dernier mot');
			await waitFor(() => presenceOf(here, there.doc.clientID)?.section === 'dernier mot', 'last presence relayed');

			doomed.child.kill('SIGKILL');
			expect(await doomed.exited).toBeNull();
			// Its default heartbeat is 5 s: silent for 15 s, it is taken for dead.
			await waitFor(() => !presenceOf(here, there.doc.clientID), 'Alice’s presence removed after her instance died', 25_000);
			expect(lines.some((line) => line.msg === 'presence of a gone instance removed' && line.goneInstanceId === doomedId)).toBe(true);
		} finally {
			doomed.child.kill('SIGKILL');
			await doomed.exited;
		}
	}, 90_000);
});

describe('presence after a reconnect', () => {
	it('shows a client that reconnected at once, not after its next renewal', async () => {
		const { documentName, alice, bruno } = await scene();
		const server = await start({ redisUrl: null });
		const blinking = connect(server.url, documentName, alice.cookie);
		const observer = connect(server.url, documentName, bruno.cookie);
		await waitFor(() => blinking.provider.synced && observer.provider.synced, 'both synced');
		blinking.provider.awareness.setLocalStateField('user', { name: 'Alice' });
		await waitFor(() => presenceOf(observer, blinking.doc.clientID)?.user !== undefined, 'Alice present');
		blinking.provider.disconnect();
		await waitFor(() => !presenceOf(observer, blinking.doc.clientID), 'Alice gone');
		blinking.provider.connect();
		// Her provider renews its presence every 15 s; the wait is shorter than that.
		await waitFor(() => presenceOf(observer, blinking.doc.clientID)?.user?.name === 'Alice Infirmière', 'Alice present again', 5_000);
	});
});

describe('presence traffic', () => {
	it('reaches the server once per change from the editor’s provider, not once per person on the draft', async () => {
		const { documentName, alice, bruno, carole, marc } = await scene();
		const server = await start({ redisUrl: null });
		/** Messages the server received after one person moved, with four people on the draft. */
		const messagesForOneMove = async (Provider: typeof WebsocketProvider, marker: string) => {
			const people = [alice, bruno, carole, marc].map((person) => connect(server.url, documentName, person.cookie, {}, Provider));
			const [mover, ...others] = people;
			await waitFor(() => people.every((client) => client.provider.synced), 'all synced');
			for (const client of people) client.provider.awareness.setLocalStateField('marker', 'arrivée');
			await waitFor(() => others.every((other) => presenceOf(other, mover.doc.clientID)?.marker === 'arrivée'), 'everyone sees the mover');
			const received = () => server.collab.metrics().messagesTotal;
			let before = received();
			// Quiet first: arrivals' presence and its echoes over.
			await waitFor(async () => {
				await new Promise((resolve) => setTimeout(resolve, 150));
				const now = received();
				const quiet = now === before;
				before = now;
				return quiet;
			}, 'the server quiet');
			mover.provider.awareness.setLocalStateField('marker', marker);
			await waitFor(() => others.every((other) => presenceOf(other, mover.doc.clientID)?.marker === marker), 'the move seen by all');
			await new Promise((resolve) => setTimeout(resolve, 300));
			const count = received() - before;
			for (const client of people) client.destroy();
			return count;
		};
		// y-websocket's provider sends on what it receives: the three others echo the move.
		expect(await messagesForOneMove(WebsocketProvider, 'en amont')).toBe(4);
		expect(await messagesForOneMove(OwnPresenceProvider, 'le nôtre')).toBe(1);
	});
});
