/**
 * Faults and bad input: garbage frames, a store that fails to load, and two instances
 * through a real Redis (fan-out, late joiners, a restart mid-edit, rights changes).
 */
import { describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CLOSE_CODES } from '../../src/lib/server/collab/codes';
import { removeMember } from '../../src/lib/server/cpts/membership';
import { createPostgresStore, type DocumentStore } from '../../ws-server/persistence';
import { encodeSyncStep1, encodeUpdate, MESSAGE_AWARENESS, MESSAGE_SYNC } from '../../ws-server/protocol';
import { useTestDatabase } from '../helpers/db';
import { asSessionUser } from '../helpers/routes';
import {
	makeDraft,
	rawSocket,
	REDIS_URL,
	redisAvailable,
	seededRandom,
	storedDoc,
	storedText,
	TEST_ORIGIN,
	twoMembers,
	upgradedTcpSocket,
	useCollabServers,
	waitFor,
	websocketFrame
} from './helpers';

const testDb = useTestDatabase();
const { start, connect, stop } = useCollabServers(testDb);

/** Frames of every bad shape: random bytes, truncated real messages, good headers on garbage. */
function badFrames(count: number, random: () => number): Uint8Array[] {
	const bytes = (length: number) => Uint8Array.from({ length }, () => Math.floor(random() * 256));
	const source = new Y.Doc();
	source.getText('body').insert(0, 'un vrai message de synchronisation, coupé en route');
	const awareness = new awarenessProtocol.Awareness(source);
	awareness.setLocalState({ user: { name: 'x' } });
	const awarenessMessage = (() => {
		const encoder = encoding.createEncoder();
		encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
		encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, [source.clientID]));
		return encoding.toUint8Array(encoder);
	})();
	awareness.destroy();
	const real = [encodeSyncStep1(source), encodeUpdate(Y.encodeStateAsUpdate(source)), awarenessMessage];
	const withHeader = (header: number[], payload: Uint8Array, declaredLength: number) => {
		const encoder = encoding.createEncoder();
		for (const value of header) encoding.writeVarUint(encoder, value);
		encoding.writeVarUint(encoder, declaredLength);
		encoding.writeUint8Array(encoder, payload);
		return encoding.toUint8Array(encoder);
	};
	const frames: Uint8Array[] = [];
	for (let index = 0; index < count; index++) {
		const kind = index % 5;
		if (kind === 0) frames.push(bytes(1 + Math.floor(random() * 300)));
		else if (kind === 1) {
			const message = real[index % real.length];
			frames.push(message.slice(0, Math.max(1, Math.floor(random() * (message.length - 1)))));
		} else if (kind === 2) {
			// A sync update whose payload is garbage (length right or wrong).
			const payload = bytes(1 + Math.floor(random() * 200));
			frames.push(withHeader([MESSAGE_SYNC, 2], payload, random() < 0.5 ? payload.length : payload.length + 7));
		} else if (kind === 3) {
			const payload = bytes(1 + Math.floor(random() * 100));
			frames.push(random() < 0.5 ? withHeader([MESSAGE_AWARENESS], payload, payload.length) : withHeader([MESSAGE_SYNC, 0], payload, payload.length));
		} else {
			// Unknown message and sync types.
			frames.push(Uint8Array.from([4 + Math.floor(random() * 250), ...bytes(Math.floor(random() * 20))]));
		}
	}
	source.destroy();
	return frames;
}

/**
 * Websocket frames no library would send: random bytes, truncated frames, unmasked frames,
 * reserved opcodes and bits, oversized control frames, stray continuations, invalid UTF-8
 * text and declared lengths past the limit. ws rejects them; the process must not notice.
 */
function badWireFrames(count: number, random: () => number): { bytes: Buffer; truncated: boolean }[] {
	const bytes = (length: number) => Uint8Array.from({ length }, () => Math.floor(random() * 256));
	const source = new Y.Doc();
	source.getText('body').insert(0, 'un message réel, mal emballé');
	const real = [encodeSyncStep1(source), encodeUpdate(Y.encodeStateAsUpdate(source))];
	source.destroy();
	const frames: { bytes: Buffer; truncated: boolean }[] = [];
	for (let index = 0; index < count; index++) {
		const message = real[index % real.length];
		switch (index % 8) {
			case 0:
				frames.push({ bytes: Buffer.from(bytes(1 + Math.floor(random() * 64))), truncated: true });
				break;
			case 1: {
				const whole = websocketFrame({ opcode: 2, payload: message });
				frames.push({ bytes: whole.subarray(0, 1 + Math.floor(random() * (whole.length - 1))), truncated: true });
				break;
			}
			case 2:
				frames.push({ bytes: websocketFrame({ opcode: 2, payload: message, masked: false }), truncated: false });
				break;
			case 3: {
				const reserved = [3, 4, 5, 6, 7, 11, 12, 13, 14, 15][Math.floor(random() * 10)];
				frames.push({ bytes: websocketFrame({ opcode: reserved, payload: message }), truncated: false });
				break;
			}
			case 4:
				frames.push({ bytes: websocketFrame({ opcode: 2, payload: message, rsv: 1 + Math.floor(random() * 7) }), truncated: false });
				break;
			case 5:
				frames.push({ bytes: websocketFrame({ opcode: 9, payload: bytes(126 + Math.floor(random() * 100)) }), truncated: false });
				break;
			case 6:
				frames.push({ bytes: websocketFrame({ opcode: 0, payload: message }), truncated: false });
				break;
			default:
				frames.push(
					random() < 0.5
						? { bytes: websocketFrame({ opcode: 1, payload: Uint8Array.from([0xc3, 0x28, 0xa0, 0xa1, 0xff, 0xfe]) }), truncated: false }
						: { bytes: websocketFrame({ opcode: 2, payload: bytes(8), declaredLength: 5 * 1024 * 1024 }), truncated: true }
				);
		}
	}
	return frames;
}

/** The close code in the frames a server sent (unmasked), or null when it sent none. */
function closeCodeIn(data: Buffer): number | null {
	let offset = 0;
	while (offset + 2 <= data.length) {
		const opcode = data[offset] & 0x0f;
		let length = data[offset + 1] & 0x7f;
		let header = 2;
		if (length === 126) {
			if (offset + 4 > data.length) return null;
			length = data.readUInt16BE(offset + 2);
			header = 4;
		} else if (length === 127) {
			if (offset + 10 > data.length) return null;
			length = Number(data.readBigUInt64BE(offset + 2));
			header = 10;
		}
		if (opcode === 8) return length >= 2 && offset + header + 2 <= data.length ? data.readUInt16BE(offset + header) : 1005;
		offset += header + length;
	}
	return null;
}

// Garbage connections open at once (each is authenticated like any other).
const CONCURRENCY = 150;

/** Runs `task` for 0..count-1 with at most `concurrency` at once. */
async function inPool(count: number, concurrency: number, task: (index: number) => Promise<void>): Promise<void> {
	let next = 0;
	await Promise.all(
		Array.from({ length: concurrency }, async () => {
			while (next < count) await task(next++);
		})
	);
}

/**
 * A bare websocket on a document counting the update messages it receives, and applying
 * them to a copy of `state` (it asks for nothing: it gets what is typed after it joined).
 */
async function updateCounter(url: string, documentName: string, cookie: string, state: Uint8Array) {
	const { socket } = await rawSocket(url, documentName, cookie);
	const counter = { doc: new Y.Doc(), updates: 0 };
	Y.applyUpdate(counter.doc, state);
	socket.on('message', (data: Buffer) => {
		const decoder = decoding.createDecoder(new Uint8Array(data));
		if (decoding.readVarUint(decoder) !== MESSAGE_SYNC || decoding.readVarUint(decoder) !== 2) return;
		counter.updates++;
		Y.applyUpdate(counter.doc, decoding.readVarUint8Array(decoder));
	});
	return counter;
}

describe('bad input', () => {
	it('survives 10,000 random, truncated and ill-typed frames: no crash, document unchanged, others unaffected', async () => {
		const { documentName, alice, bruno } = await twoMembers(testDb.db);
		const server = await start({ limits: { maxConnectionsPerUser: 200, maxConnectionsPerDocument: 200 } });
		const a = connect(server.url, documentName, alice.cookie);
		const b = connect(server.url, documentName, bruno.cookie);
		await waitFor(() => a.provider.synced && b.provider.synced, 'synced');
		a.text.insert(0, 'Texte de référence du projet de santé.');
		await waitFor(() => b.text.toString() === a.text.toString(), 'converged');
		const before = Y.encodeStateAsUpdate(a.doc);
		const random = seededRandom(20_260_522);

		// 8,000 bad messages inside well-formed websocket frames: our decoder's turn.
		const messages = badFrames(8_000, random);
		const probe = encodeSyncStep1(new Y.Doc());
		let closedAsMalformed = 0;
		await inPool(messages.length, CONCURRENCY, async (index) => {
			const frame = messages[index];
			const { socket, closed } = await rawSocket(server.url, documentName, alice.cookie);
			// Now and then as text, which the protocol never uses.
			if (index % 97 === 0) socket.send(Buffer.from(frame).toString('latin1'));
			else socket.send(frame);
			// A frame that happens to be valid leaves the socket open: ask for a reply to know
			// it was handled, then hang up.
			socket.send(probe);
			const outcome = await Promise.race([
				closed,
				new Promise<number>((resolve) =>
					socket.on('message', (data: Buffer) => {
						if (data[0] === MESSAGE_SYNC && data[1] === 1) resolve(0);
					})
				)
			]);
			if (outcome === CLOSE_CODES.malformedMessage) closedAsMalformed++;
			socket.terminate();
		});
		expect(closedAsMalformed).toBeGreaterThan(7_600);
		expect(server.collab.metrics().malformedMessages).toBe(closedAsMalformed);

		// 2,000 bad websocket frames on raw TCP: the websocket layer's turn.
		const wire = badWireFrames(2_000, random);
		const codes = new Map<number | null, number>();
		await inPool(wire.length, CONCURRENCY, async (index) => {
			const socket = await upgradedTcpSocket(server.port, `/collab/${documentName}`, { origin: TEST_ORIGIN, cookie: alice.cookie });
			let received = Buffer.alloc(0);
			socket.on('data', (chunk: Buffer) => (received = Buffer.concat([received, chunk])));
			socket.on('error', () => {});
			const ended = new Promise<void>((resolve) => socket.once('close', () => resolve()));
			socket.write(wire[index].bytes);
			// A frame cut short leaves the server waiting for the rest: hang up mid-frame.
			if (wire[index].truncated) socket.end();
			await ended;
			const code = closeCodeIn(received);
			codes.set(code, (codes.get(code) ?? 0) + 1);
		});
		// Every frame that broke the protocol was answered with a protocol close code.
		const protocolErrors = (codes.get(1002) ?? 0) + (codes.get(1007) ?? 0) + (codes.get(1009) ?? 0);
		expect(protocolErrors).toBeGreaterThanOrEqual(wire.filter((frame) => !frame.truncated).length);
		await waitFor(() => server.collab.metrics().connections === 2, 'every garbage connection gone, the two clients left');

		// The two real clients never noticed, and still edit together.
		expect(a.closeCodes).toEqual([]);
		expect(b.closeCodes).toEqual([]);
		expect(Y.encodeStateAsUpdate(b.doc)).toEqual(before);
		// The server's own copy is unchanged too: a newcomer receives exactly the same state.
		const newcomer = connect(server.url, documentName, bruno.cookie);
		await waitFor(() => newcomer.provider.synced, 'newcomer synced');
		expect(Y.encodeStateAsUpdate(newcomer.doc)).toEqual(before);
		b.text.insert(b.text.length, ' Suite.');
		await waitFor(() => a.text.toString() === 'Texte de référence du projet de santé. Suite.', 'edits still flow');

		await stop(server);
		expect(await storedText(testDb.db, documentName)).toBe('Texte de référence du projet de santé. Suite.');
		const { doc } = await storedDoc(testDb.db, documentName);
		expect(Y.encodeStateVector(doc)).toEqual(Y.encodeStateVector(a.doc));
	}, 180_000);
});

/**
 * Copies of real client updates with a few bytes changed that the server's document
 * (`state`) refuses: those the decoder rejects, and those that decode but fail while they
 * are being integrated. Nearly all of the latter leave part of themselves in a document they
 * are applied to (`halfApplied`), and a few leave it in a state that no longer loads
 * anywhere (`breaking`). Each comes from a new author (client ids counted, so runs repeat).
 */
function refusedUpdates(state: Uint8Array, random: () => number, wanted: number, wantedBreaking = 0) {
	let authors = 1_000;
	const realUpdate = () => {
		const author = new Y.Doc();
		author.clientID = ++authors;
		Y.applyUpdate(author, state);
		const before = Y.encodeStateVector(author);
		const body = author.getText('body');
		body.insert(3, 'une phrase ajoutée ');
		// Part of its own insert deleted: the rest then starts after the author's own item,
		// an origin Yjs trusts to be there (a changed byte there fails once integrating).
		body.delete(3, 4);
		body.insert(body.length, ' et une fin.');
		const update = Y.encodeStateAsUpdate(author, before);
		author.destroy();
		return update;
	};
	const rejectedByDecoder: Uint8Array[] = [];
	const failedWhileIntegrated: Uint8Array[] = [];
	const breaking: Uint8Array[] = [];
	let halfApplied = 0;
	let real = realUpdate();
	for (let tries = 0; tries < 200_000 && (failedWhileIntegrated.length < wanted || breaking.length < wantedBreaking); tries++) {
		const update = real.slice();
		for (let changed = 0; changed < 1 + Math.floor(random() * 3); changed++) update[Math.floor(random() * update.length)] = Math.floor(random() * 256);
		try {
			Y.decodeUpdate(update);
		} catch {
			if (rejectedByDecoder.length < wanted) rejectedByDecoder.push(update);
			continue;
		}
		// Judged on the server's document as it stays: a refused frame changes nothing there.
		const trial = new Y.Doc();
		Y.applyUpdate(trial, state);
		const stateVector = Y.encodeStateVector(trial);
		try {
			Y.applyUpdate(trial, update);
			trial.destroy();
			continue; // a change that happens to be valid: not a refused frame
		} catch {
			// refused while being integrated: what did it leave behind?
		}
		if (!equalBytes(Y.encodeStateVector(trial), stateVector)) halfApplied++;
		let loadsAgain = true;
		try {
			Y.applyUpdate(new Y.Doc(), Y.encodeStateAsUpdate(trial));
		} catch {
			loadsAgain = false;
		}
		trial.destroy();
		if (!loadsAgain && breaking.length < wantedBreaking) breaking.push(update);
		if (failedWhileIntegrated.length < wanted) failedWhileIntegrated.push(update);
		real = realUpdate();
	}
	// Cut short too: the structs whole, the delete set missing.
	for (let length = real.length - 1; length > real.length - 4; length--) rejectedByDecoder.push(real.slice(0, length));
	return { rejectedByDecoder, failedWhileIntegrated, halfApplied, breaking };
}

function equalBytes(one: Uint8Array, other: Uint8Array): boolean {
	return one.length === other.length && one.every((byte, index) => byte === other[index]);
}

/**
 * A bare websocket on a document that applies every update message it receives to a copy
 * of `state`, as a peer's provider would, and keeps what its Yjs threw instead of crashing.
 */
async function updateRecorder(url: string, documentName: string, cookie: string, state: Uint8Array) {
	const { socket } = await rawSocket(url, documentName, cookie);
	const recorder = { doc: new Y.Doc(), updates: 0, errors: [] as string[], socket };
	Y.applyUpdate(recorder.doc, state);
	socket.on('message', (data: Buffer) => {
		const decoder = decoding.createDecoder(new Uint8Array(data));
		if (decoding.readVarUint(decoder) !== MESSAGE_SYNC || decoding.readVarUint(decoder) !== 2) return;
		recorder.updates++;
		try {
			Y.applyUpdate(recorder.doc, decoding.readVarUint8Array(decoder));
		} catch (error) {
			recorder.errors.push(String(error));
		}
	});
	return recorder;
}

describe('refused updates', () => {
	it('reach no other client, here nor through Redis: only what the server\'s document took is sent on', async () => {
		const { documentName, alice, bruno } = await twoMembers(testDb.db);
		const redisUrl = redisAvailable ? REDIS_URL : null;
		const one = await start({ redisUrl });
		const two = redisUrl ? await start({ redisUrl }) : null;
		const writer = connect(one.url, documentName, alice.cookie);
		await waitFor(() => writer.provider.synced, 'synced');
		writer.text.insert(0, 'Début du projet. ');
		const state = Y.encodeStateAsUpdate(writer.doc);
		const peers = [await updateRecorder(one.url, documentName, bruno.cookie, state)];
		if (two) {
			const reader = connect(two.url, documentName, bruno.cookie);
			// Both instances hold the document and hear each other before the frames.
			await waitFor(() => reader.text.toString() === 'Début du projet. ', 'the first words crossed');
			peers.push(await updateRecorder(two.url, documentName, bruno.cookie, state));
		}
		const { rejectedByDecoder, failedWhileIntegrated } = refusedUpdates(state, seededRandom(20_261_016), 40);
		expect(failedWhileIntegrated.length).toBe(40);
		const sendRefused = async (updates: Uint8Array[]) => {
			for (const update of updates) {
				const { socket, closed } = await rawSocket(one.url, documentName, alice.cookie);
				socket.send(encodeUpdate(update));
				expect(await closed).toBe(CLOSE_CODES.malformedMessage);
			}
		};
		// A word typed after the refused frames arrives after anything they could have sent.
		let words = 0;
		const typeAndWait = async () => {
			const word = ` mot${words++}`;
			writer.text.insert(writer.text.length, word);
			await waitFor(() => peers.every((peer) => peer.doc.getText('body').toString().endsWith(word)), `"${word}" reached every peer`);
		};

		await sendRefused(rejectedByDecoder);
		await typeAndWait();
		// Refused before any change: the peers received nothing but the word.
		for (const peer of peers) expect(peer.updates).toBe(1);

		await sendRefused(failedWhileIntegrated);
		await typeAndWait();
		// Refused while being integrated: tried on a replica first, they reached nobody either.
		for (const peer of peers) expect(peer.updates).toBe(2);
		for (const peer of peers) expect(peer.errors).toEqual([]);
		const newcomer = connect(one.url, documentName, bruno.cookie);
		await waitFor(() => newcomer.provider.synced, 'newcomer synced');
		for (const peer of peers) {
			expect(Y.encodeStateVector(peer.doc)).toEqual(Y.encodeStateVector(newcomer.doc));
			expect(peer.doc.getText('body').toString()).toBe(newcomer.text.toString());
		}
		expect(writer.closeCodes).toEqual([]);
		await typeAndWait();
		await waitFor(() => writer.text.toString() === newcomer.text.toString(), 'the writer converges with the server');
		for (const peer of peers) peer.socket.terminate();
	});
});

describe('an update refused halfway', () => {
	it('changes nothing: the server\'s document and what it stores stay as they were, and the document loads after a restart', async () => {
		const { documentName, alice, bruno } = await twoMembers(testDb.db);
		const server = await start();
		// The starting text from an author with a known client id, so the fuzzing below repeats.
		const origin = new Y.Doc();
		origin.clientID = 7;
		origin.getText('body').insert(0, 'Début du projet. ');
		const state = Y.encodeStateAsUpdate(origin);
		const writer = await rawSocket(server.url, documentName, alice.cookie);
		writer.socket.send(encodeUpdate(state));
		const reader = connect(server.url, documentName, bruno.cookie);
		await waitFor(() => reader.text.toString() === 'Début du projet. ', 'the first words reached the reader');
		const { halfApplied, breaking } = refusedUpdates(state, seededRandom(20_261_207), 60, 1);
		// The fuzzing finds what it looks for: frames that leave part of themselves when applied,
		// one of them leaving a document that no longer loads.
		expect(halfApplied).toBeGreaterThan(10);
		expect(breaking.length).toBe(1);

		const refused = await rawSocket(server.url, documentName, alice.cookie);
		refused.socket.send(encodeUpdate(breaking[0]));
		expect(await refused.closed).toBe(CLOSE_CODES.malformedMessage);
		// The server's document is as before: a newcomer receives exactly the starting state.
		const newcomer = connect(server.url, documentName, bruno.cookie);
		await waitFor(() => newcomer.provider.synced, 'newcomer synced');
		expect(Y.encodeStateVector(newcomer.doc)).toEqual(Y.encodeStateVector(origin));
		expect(newcomer.text.toString()).toBe('Début du projet. ');
		// Edits still flow, and the stored document loads, here and in a new server.
		reader.text.insert(reader.text.length, 'Suite.');
		await waitFor(() => newcomer.text.toString() === 'Début du projet. Suite.', 'edits still flow');
		writer.socket.terminate();
		await stop(server);
		expect(await storedText(testDb.db, documentName)).toBe('Début du projet. Suite.');
		const restarted = await start();
		const returning = connect(restarted.url, documentName, bruno.cookie);
		await waitFor(() => returning.provider.synced, 'synced after the restart');
		expect(returning.text.toString()).toBe('Début du projet. Suite.');
		expect(returning.closeCodes).toEqual([]);
	}, 120_000);
});

describe('a failing load', () => {
	it('never serves nor overwrites: clients are closed with 4500 until the store answers again', async () => {
		const { documentName, alice, bruno } = await twoMembers(testDb.db);
		const healthy = await start();
		const writer = connect(healthy.url, documentName, alice.cookie);
		const observer = connect(healthy.url, documentName, bruno.cookie);
		await waitFor(() => writer.provider.synced && observer.provider.synced, 'synced');
		writer.text.insert(0, 'Contenu enregistré.');
		await waitFor(() => observer.text.length > 0, 'the server has it');
		await stop(healthy);
		writer.destroy();
		observer.destroy();
		const storedBefore = await storedDoc(testDb.db, documentName);
		expect(storedBefore.doc.getText('body').toString()).toBe('Contenu enregistré.');

		const real = createPostgresStore(async () => testDb.db);
		let failLoads = true;
		let appends = 0;
		const store: DocumentStore = {
			load: async (name) => {
				if (failLoads) throw new Error('simulated database outage');
				return real.load(name);
			},
			append: async (name, update) => {
				appends++;
				return real.append(name, update);
			},
			compact: (name) => real.compact(name)
		};
		const server = await start({ store });
		// One client arrives empty, the other with an edit made offline.
		const empty = connect(server.url, documentName, bruno.cookie);
		const offline = new Y.Doc();
		offline.getText('body').insert(0, 'Écrit hors ligne. ');
		const returning = connect(server.url, documentName, alice.cookie);
		Y.applyUpdate(returning.doc, Y.encodeStateAsUpdate(offline));
		await waitFor(() => server.collab.metrics().store.loadFailures >= 4, 'several loads failed');
		expect(empty.closeCodes).toContain(CLOSE_CODES.loadFailed);
		expect(returning.closeCodes).toContain(CLOSE_CODES.loadFailed);
		expect(empty.provider.synced).toBe(false);
		expect(empty.text.toString()).toBe('');
		expect(appends).toBe(0);
		const storedDuring = await storedDoc(testDb.db, documentName);
		expect(storedDuring.rows).toBe(storedBefore.rows);
		expect(Y.encodeStateAsUpdate(storedDuring.doc)).toEqual(Y.encodeStateAsUpdate(storedBefore.doc));

		// The store recovers: the providers' own retries load the real content, and the offline
		// edit merges into it instead of replacing it.
		failLoads = false;
		await waitFor(() => empty.provider.synced && returning.provider.synced, 'synced after recovery');
		await waitFor(() => empty.text.toString() === returning.text.toString() && empty.text.length > 20, 'converged');
		expect(empty.text.toString()).toContain('Contenu enregistré.');
		expect(empty.text.toString()).toContain('Écrit hors ligne.');
		await stop(server);
		expect(await storedText(testDb.db, documentName)).toBe(empty.text.toString());
	});
});

describe.runIf(redisAvailable)('two instances through a real Redis', () => {
	it('clients on different instances converge, presence crosses, a late joiner gets unsaved content', async () => {
		const { documentName, alice, bruno, place } = await twoMembers(testDb.db);
		const slow = { writeDebounceMs: 60_000, writeMaxWaitMs: 60_000 };
		const one = await start({ redisUrl: REDIS_URL, limits: slow });
		const two = await start({ redisUrl: REDIS_URL, limits: slow });
		const a = connect(one.url, documentName, alice.cookie);
		const b = connect(two.url, documentName, bruno.cookie);
		await waitFor(() => a.provider.synced && b.provider.synced, 'synced');
		a.text.insert(0, 'Instance un. ');
		b.text.insert(0, 'Instance deux. ');
		for (let index = 0; index < 10; index++) {
			a.text.insert(a.text.length, `a${index} `);
			b.text.insert(0, `b${index} `);
		}
		await waitFor(() => a.text.toString() === b.text.toString() && a.text.toString().includes('a9'), 'converged across instances');
		a.provider.awareness.setLocalStateField('user', { name: 'Alice' });
		await waitFor(() => b.provider.awareness.getStates().get(a.doc.clientID)?.user?.name === alice.name, 'presence crosses instances');

		// A second draft open on instance one only, with nothing written yet (long debounce):
		// a late joiner on instance two still gets it, from instance one through Redis.
		const { documentName: second } = await makeDraft(testDb.db, place.id);
		const early = connect(one.url, second, alice.cookie);
		await waitFor(() => early.provider.synced, 'synced');
		early.text.insert(0, 'Pas encore écrit en base.');
		await waitFor(() => one.collab.metrics().messagesTotal > 0, 'sent');
		expect((await storedDoc(testDb.db, second)).rows).toBe(0);
		const late = connect(two.url, second, bruno.cookie);
		await waitFor(() => late.text.toString() === 'Pas encore écrit en base.', 'late joiner on the other instance');
		expect(two.collab.metrics().redis.received).toBeGreaterThan(0);
	});

	it('sends each update on once: to the other clients here and, through Redis, to those there', async () => {
		// Updates are sent on once applied, by the document's update listener (ws-server/documents.ts):
		// nothing else may send them a second time, here nor on the instance that gets them from Redis.
		const { documentName, alice, bruno } = await twoMembers(testDb.db);
		const one = await start({ redisUrl: REDIS_URL });
		const two = await start({ redisUrl: REDIS_URL });
		const writer = connect(one.url, documentName, alice.cookie);
		const reader = connect(two.url, documentName, bruno.cookie);
		await waitFor(() => writer.provider.synced && reader.provider.synced, 'synced');
		// Both instances hold the document and hear each other before the count starts.
		writer.text.insert(0, 'Début. ');
		await waitFor(() => reader.text.toString() === 'Début. ', 'the first word crossed');
		const here = await updateCounter(one.url, documentName, bruno.cookie, Y.encodeStateAsUpdate(writer.doc));
		const there = await updateCounter(two.url, documentName, bruno.cookie, Y.encodeStateAsUpdate(writer.doc));
		for (let index = 0; index < 30; index++) writer.text.insert(writer.text.length, `mot${index} `);
		writer.text.insert(writer.text.length, 'fin.');
		// A second copy of any update would arrive before the last one: each socket is in order.
		await waitFor(() => here.doc.getText('body').toString().endsWith('fin.') && there.doc.getText('body').toString().endsWith('fin.'), 'last word on both');
		// The reader's provider is another socket on instance two: it may still be catching up.
		// Polled until it holds the same text (a lost update keeps it short until the deadline).
		await waitFor(() => reader.text.toString() === writer.text.toString(), 'the reader converged');
		// Counted after the reader converged too, so a late second copy would be seen.
		expect(here.updates).toBe(31);
		expect(there.updates).toBe(31);
		expect(here.doc.getText('body').toString()).toBe(writer.text.toString());
		expect(there.doc.getText('body').toString()).toBe(writer.text.toString());
	});

	it('converges and stores every edit when one instance restarts mid-edit', async () => {
		const { documentName, alice, bruno } = await twoMembers(testDb.db);
		const limits = { writeDebounceMs: 20, writeMaxWaitMs: 100, compactAfterUpdates: 4 };
		const one = await start({ redisUrl: REDIS_URL, limits });
		const two = await start({ redisUrl: REDIS_URL, limits });
		const a = connect(one.url, documentName, alice.cookie);
		const b = connect(two.url, documentName, bruno.cookie);
		await waitFor(() => a.provider.synced && b.provider.synced, 'synced');
		for (let index = 0; index < 15; index++) {
			a.text.insert(a.text.length, `a${index} `);
			b.text.insert(0, `b${index} `);
		}
		await stop(one);
		// Instance one is down: Alice keeps typing (offline), Bruno too (online on two).
		for (let index = 15; index < 25; index++) {
			a.text.insert(a.text.length, `a${index} `);
			b.text.insert(0, `b${index} `);
		}
		const again = await start({ redisUrl: REDIS_URL, limits, port: one.port });
		await waitFor(() => a.provider.synced, 'Alice reconnected to the restarted instance');
		await waitFor(() => a.text.toString() === b.text.toString(), 'converged after restart');
		for (let index = 0; index < 25; index++) {
			expect(a.text.toString()).toContain(`a${index} `);
			expect(a.text.toString()).toContain(`b${index} `);
		}
		await stop(again);
		await stop(two);
		const { doc } = await storedDoc(testDb.db, documentName);
		expect(doc.getText('body').toString()).toBe(a.text.toString());
		expect(Y.encodeStateVector(doc)).toEqual(Y.encodeStateVector(a.doc));
	});

	it('closes a revoked member connected to another instance', async () => {
		const { place, documentName, alice, bruno } = await twoMembers(testDb.db);
		const one = await start({ redisUrl: REDIS_URL });
		const two = await start({ redisUrl: REDIS_URL });
		const client = connect(two.url, documentName, alice.cookie);
		await waitFor(() => client.provider.synced, 'synced');
		await removeMember(testDb.db, asSessionUser(bruno), place.id, alice.id);
		// Told on instance one (where the site's action ran); instance two hears it on Redis.
		await one.collab.accessChanged({ userId: alice.id });
		await waitFor(() => client.terminalCode === CLOSE_CODES.forbidden, 'revoked on the other instance');
		expect(client.closeCodes[0]).toBe(CLOSE_CODES.rightsChanged);
	});
});
