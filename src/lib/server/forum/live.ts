/**
 * Live replies: posting publishes "post N was added to thread T"; the thread page's
 * Server-Sent Events stream (routes/forums/sujet/[id]/flux) forwards it to open browsers,
 * which then fetch the new posts through the same permission checks as the page.
 *
 * The bus is in this process: one Node server serves the site (README). Several instances
 * would need a shared channel (Redis pub/sub, as ws-server does); the event carries no
 * content, so that change stays here.
 */
import { EventEmitter } from 'node:events';

export interface LivePostEvent {
	threadId: number;
	position: number;
}

const bus = new EventEmitter();
// One listener per open thread page: many readers is normal, not a leak.
bus.setMaxListeners(0);

/** Announces a new post (call after the transaction that wrote it committed). */
export function publishPost(event: LivePostEvent): void {
	bus.emit(`thread:${event.threadId}`, event);
}

/** Listens to a thread's new posts; returns the function that stops listening. */
export function subscribeToThread(threadId: number, listener: (event: LivePostEvent) => void): () => void {
	const name = `thread:${threadId}`;
	bus.on(name, listener);
	return () => bus.off(name, listener);
}

/** How many pages listen to a thread (tests and metrics). */
export function listenerCount(threadId: number): number {
	return bus.listenerCount(`thread:${threadId}`);
}
