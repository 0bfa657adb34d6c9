import { describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { applyPresence, type ParsedPresence } from './presence';
import { encodeAwarenessEntries } from './protocol';

/** An awareness like a document's on the server (no presence of its own), with its events. */
function observed() {
	const awareness = new awarenessProtocol.Awareness(new Y.Doc());
	awareness.setLocalState(null);
	const events: unknown[] = [];
	awareness.on('change', (changes: unknown, origin: unknown) => events.push(['change', changes, origin]));
	awareness.on('update', (changes: unknown, origin: unknown) => events.push(['update', changes, origin]));
	return { awareness, events };
}

// The server's own id (random, one per awareness) is left out: it never has a state.
const snapshot = (awareness: awarenessProtocol.Awareness) => ({
	states: [...awareness.getStates()],
	clocks: [...awareness.meta].filter(([clientId]) => clientId !== awareness.clientID).map(([clientId, meta]) => [clientId, meta.clock])
});

describe('applyPresence', () => {
	it('does what y-protocols’ applyAwarenessUpdate does with the same entries, message after message', () => {
		const cursor = (at: number) => ({ user: { name: 'Alice', canEdit: true }, cursor: { anchor: at, head: at } });
		const messages: ParsedPresence[][] = [
			[{ clientId: 1, clock: 1, state: cursor(1) }],
			[{ clientId: 1, clock: 1, state: cursor(2) }], // same clock: ignored
			[{ clientId: 1, clock: 2, state: cursor(1) }], // renewal: updated, not changed
			[{ clientId: 1, clock: 3, state: cursor(5) }, { clientId: 2, clock: 7, state: { user: { name: 'Bruno' } } }],
			[{ clientId: 1, clock: 2, state: cursor(9) }], // older clock: ignored
			[{ clientId: 1, clock: 4, state: null }], // left
			[{ clientId: 1, clock: 4, state: null }], // left again: nothing
			[{ clientId: 2, clock: 7, state: null }], // removal at the same clock: applied
			[{ clientId: 1, clock: 5, state: cursor(3) }], // back
			[{ clientId: 3, clock: 1, state: 42 }, { clientId: 3, clock: 2, state: [1, 2] }]
		];
		const library = observed();
		const ours = observed();
		for (const entries of messages) {
			const update = encodeAwarenessEntries(entries.map((entry) => ({ ...entry, state: JSON.stringify(entry.state) })));
			awarenessProtocol.applyAwarenessUpdate(library.awareness, update, 'origin');
			applyPresence(ours.awareness, structuredClone(entries), 'origin');
			expect(snapshot(ours.awareness)).toEqual(snapshot(library.awareness));
			expect(ours.events).toEqual(library.events);
		}
		expect(library.events.length).toBeGreaterThan(8);
		library.awareness.destroy();
		ours.awareness.destroy();
	});
});
