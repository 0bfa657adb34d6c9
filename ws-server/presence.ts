/**
 * Presence across instances, with the guarantees a single instance gives (connection.ts):
 * a client id speaks for one person, and presence goes when that person's connection does.
 *
 * An instance speaks on Redis only for the awareness client ids its own connections hold,
 * each message tagged with the person behind them. The others remember, per document, who
 * holds each remote id, so that:
 * - a connection cannot take a client id that another person holds on another instance;
 * - a remote message about an id held by a connection here, or held elsewhere by another
 *   person, is dropped;
 * - presence goes when its connection closes (its instance publishes the removal), when its
 *   instance shuts down (every removal is published, then a goodbye), and when its instance
 *   dies: silent for three heartbeats (fanout.ts), it is taken for dead and what it spoke for
 *   is removed here. This is y-protocols' outdatedTimeout, judged per instance instead of per
 *   entry, so that an instance's clients need not renew faster for it to be noticed.
 */
import type { Logger } from 'pino';
import { equalityDeep } from 'lib0/function';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { CollabDocument, DocumentConnection } from './documents';
import { decodePresence, encodePresence, type RedisFanout } from './fanout';
import { decodeAwarenessEntries } from './protocol';

/** Origin of presence applied from another instance's message (never re-published). */
export const REMOTE_PRESENCE = Symbol('remote presence');
/** Origin of the removal of a dead instance's presence (local only: nobody else speaks for it). */
const INSTANCE_GONE = Symbol('instance gone');

/** Who holds a client id on another instance. */
export interface RemoteHolder {
	instanceId: string;
	userId: string;
}

export interface AwarenessChanges {
	added: number[];
	updated: number[];
	removed: number[];
}

/**
 * Whether a person other than `userId` speaks for that awareness client id: one of the
 * document's connections here (other than `except`), or a connection on another instance.
 */
export function heldByAnotherPerson(document: CollabDocument, clientId: number, userId: string, except?: DocumentConnection): boolean {
	for (const other of document.connections) {
		if (other !== except && other.awarenessIds.has(clientId) && other.user.id !== userId) return true;
	}
	const remote = document.remotePresence.get(clientId);
	return remote !== undefined && remote.userId !== userId;
}

/** An awareness entry with its state already read (null: the client left). */
export interface ParsedPresence {
	clientId: number;
	clock: number;
	state: unknown;
}

/**
 * y-protocols' applyAwarenessUpdate for entries already parsed (and checked) by the caller:
 * the same clock rule, state and meta updates, and 'change' and 'update' events, without
 * encoding the entries again for y-protocols to decode and parse them a second time.
 */
export function applyPresence(awareness: awarenessProtocol.Awareness, entries: ParsedPresence[], origin: unknown): void {
	const timestamp = Date.now();
	const added: number[] = [];
	const updated: number[] = [];
	const changed: number[] = [];
	const removed: number[] = [];
	for (const { clientId, clock, state } of entries) {
		const meta = awareness.meta.get(clientId);
		const previous = awareness.states.get(clientId);
		const currentClock = meta === undefined ? 0 : meta.clock;
		if (!(currentClock < clock || (currentClock === clock && state === null && awareness.states.has(clientId)))) continue;
		if (state === null) awareness.states.delete(clientId);
		else awareness.states.set(clientId, state as Record<string, unknown>);
		awareness.meta.set(clientId, { clock, lastUpdated: timestamp });
		if (meta === undefined && state !== null) added.push(clientId);
		else if (meta !== undefined && state === null) removed.push(clientId);
		else if (state !== null) {
			if (!equalityDeep(state, previous)) changed.push(clientId);
			updated.push(clientId);
		}
	}
	if (added.length > 0 || changed.length > 0 || removed.length > 0) awareness.emit('change', [{ added, updated: changed, removed }, origin]);
	if (added.length > 0 || updated.length > 0 || removed.length > 0) awareness.emit('update', [{ added, updated, removed }, origin]);
}

function localHolder(document: CollabDocument, clientId: number): DocumentConnection | null {
	for (const connection of document.connections) if (connection.awarenessIds.has(clientId)) return connection;
	return null;
}

export class PresenceRelay {
	constructor(
		private readonly fanout: RedisFanout | null,
		private readonly log: Logger
	) {}

	/**
	 * The document's awareness changed (`connection` is the one it came from, if any): keeps
	 * the remote holders in step, and tells other instances what our connections said.
	 */
	changed(document: CollabDocument, changes: AwarenessChanges, origin: unknown, connection: DocumentConnection | null): void {
		for (const id of changes.removed) document.remotePresence.delete(id);
		if (origin === REMOTE_PRESENCE || origin === INSTANCE_GONE) return;
		if (connection) {
			// A client that moved here from another instance: we speak for it now.
			for (const id of changes.added) document.remotePresence.delete(id);
			for (const id of changes.updated) document.remotePresence.delete(id);
			this.publish(document, connection.user.id, changes.added.concat(changes.updated, changes.removed));
			return;
		}
		// Timeouts and removals without a connection as origin: only the ids our connections
		// hold go out, under their holder's name (a remote entry timing out here is not ours
		// to announce: its own instance decides).
		this.publishHeld(document, changes.added.concat(changes.updated, changes.removed));
	}

	/** A presence message from another instance. */
	receive(document: CollabDocument, senderId: string, payload: Uint8Array): void {
		const { userId, update } = decodePresence(payload);
		const accepted = decodeAwarenessEntries(update).filter((entry) => {
			// Connected here: this instance speaks for it (a lingering copy elsewhere is stale).
			if (localHolder(document, entry.clientId)) return false;
			const holder = document.remotePresence.get(entry.clientId);
			return !holder || holder.userId === userId;
		});
		if (accepted.length === 0) return;
		// Parsed before any is applied: an unreadable state drops the whole message (applyRemote).
		const parsed = accepted.map(({ clientId, clock, state }) => ({ clientId, clock, state: JSON.parse(state) as unknown }));
		applyPresence(document.awareness, parsed, REMOTE_PRESENCE);
		for (const entry of accepted) {
			if (document.awareness.getStates().has(entry.clientId)) document.remotePresence.set(entry.clientId, { instanceId: senderId, userId });
			else document.remotePresence.delete(entry.clientId);
		}
	}

	/** Another instance asked for the presence it lacks: ours only, person by person. */
	answerQuery(document: CollabDocument): void {
		const states = document.awareness.getStates();
		for (const connection of document.connections) {
			const ids = [...connection.awarenessIds].filter((id) => states.has(id));
			if (ids.length > 0) this.publish(document, connection.user.id, ids);
		}
	}

	/** Shutdown: every presence our connections hold is removed, and the removals published. */
	departAll(document: CollabDocument): void {
		const states = document.awareness.getStates();
		for (const connection of document.connections) {
			const ids = [...connection.awarenessIds].filter((id) => states.has(id));
			if (ids.length > 0) awarenessProtocol.removeAwarenessStates(document.awareness, ids, connection);
		}
	}

	/** An instance is gone: the presence it spoke for goes too (our clients are told). */
	instanceGone(document: CollabDocument, instanceId: string): void {
		const ids: number[] = [];
		for (const [clientId, holder] of document.remotePresence) if (holder.instanceId === instanceId) ids.push(clientId);
		if (ids.length === 0) return;
		this.log.debug({ document: document.name, goneInstanceId: instanceId, clients: ids.length }, 'presence of a gone instance removed');
		for (const id of ids) document.remotePresence.delete(id);
		awarenessProtocol.removeAwarenessStates(document.awareness, ids, INSTANCE_GONE);
	}

	private publishHeld(document: CollabDocument, ids: number[]): void {
		if (!this.fanout || ids.length === 0) return;
		const byPerson = new Map<string, number[]>();
		for (const id of ids) {
			const holder = localHolder(document, id);
			if (!holder) continue;
			const held = byPerson.get(holder.user.id);
			if (held) held.push(id);
			else byPerson.set(holder.user.id, [id]);
		}
		for (const [userId, held] of byPerson) this.publish(document, userId, held);
	}

	private publish(document: CollabDocument, userId: string, ids: number[]): void {
		if (!this.fanout || ids.length === 0) return;
		this.fanout.publishDocument(document.name, encodePresence(userId, awarenessProtocol.encodeAwarenessUpdate(document.awareness, ids)));
	}
}
