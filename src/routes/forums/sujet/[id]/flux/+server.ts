/**
 * Server-Sent Events of a thread: "post" events carrying only the new post's position. The
 * page then fetches the posts through ../messages, under the same permission checks, so
 * the stream itself never carries content (a membership ended meanwhile leaks nothing).
 */
import type { RequestHandler } from './$types';
import { parseId, requireReadableThread, subscribeToThread } from '$lib/server/forum';
import { forumContext } from '$lib/server/forum/http';
import { notFound } from '$lib/server/shared/errors';
import { endpoint } from '$lib/server/shared/http';

const HEARTBEAT_MS = 25_000;

export const GET: RequestHandler = endpoint(async ({ params, locals, request }) => {
	const threadId = parseId(params.id);
	if (!threadId) throw notFound('forum.threadNotFound');
	const { db, viewer } = await forumContext(locals);
	await requireReadableThread(db, viewer, threadId);
	const encoder = new TextEncoder();
	let stop = () => {};
	const stream = new ReadableStream<Uint8Array>({
		start(controller) {
			const send = (text: string) => {
				try {
					controller.enqueue(encoder.encode(text));
				} catch {
					stop();
				}
			};
			send('retry: 5000\n\n');
			const unsubscribe = subscribeToThread(threadId, (event) => send(`event: post\ndata: ${JSON.stringify({ position: event.position })}\n\n`));
			const heartbeat = setInterval(() => send(': ping\n\n'), HEARTBEAT_MS);
			stop = () => {
				clearInterval(heartbeat);
				unsubscribe();
			};
			request.signal.addEventListener('abort', () => {
				stop();
				try {
					controller.close();
				} catch {
					// already closed
				}
			});
		},
		cancel() {
			stop();
		}
	});
	return new Response(stream, {
		headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', 'x-accel-buffering': 'no' }
	});
});
