/**
 * y-websocket's WebsocketProvider, except that it sends only its own presence. Upstream, the
 * provider sends every change of its awareness to the server, other people's included
 * (those it has just received from the server: no origin check, y-websocket 3.1). With N
 * people on a draft, each cursor move then reached the server N times, N − 1 of them as
 * echoes the server parses and drops (their clocks do not move). HocuspocusProvider skips
 * changes it applied itself; so does this one. Removals of people who timed out (origin
 * 'timeout') are still sent, as upstream.
 */
import { WebsocketProvider } from 'y-websocket';

export class OwnPresenceProvider extends WebsocketProvider {
	constructor(...args: ConstructorParameters<typeof WebsocketProvider>) {
		super(...args);
		const sendChanges = this._awarenessUpdateHandler;
		this.awareness.off('update', sendChanges);
		// destroy() unregisters this field: it must hold the handler registered.
		this._awarenessUpdateHandler = (changes, origin) => {
			if (origin !== this) sendChanges(changes, origin);
		};
		this.awareness.on('update', this._awarenessUpdateHandler);
	}
}
