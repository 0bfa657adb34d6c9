/**
 * The collaboration servers running in this process, and the rights-change hook.
 *
 * Kept on globalThis: the server entry (tsx) and the SvelteKit bundle each load their own
 * copy of this module, and the admin metrics route or a membership change in the bundle
 * must reach the server the entry started.
 */
import { getConfig } from '../config';
import { getLogger } from '../logger';

/** Redis channel on which rights changes travel between processes. */
export const ACCESS_CHANNEL = 'collab:access';

/** Redis channel of one document's updates and awareness. */
export function documentChannel(documentName: string): string {
	return `collab:doc:${documentName}`;
}

/** Whose rights changed, and on which document (all of theirs when absent). */
export interface AccessChange {
	userId: string;
	documentName?: string;
}

export interface CollabMetrics {
	instanceId: string;
	documentsLoaded: number;
	documentsLoading: number;
	connections: number;
	readOnlyConnections: number;
	/** Messages received per second, over the last 10 seconds. */
	messagesPerSecond: number;
	messagesTotal: number;
	malformedMessages: number;
	droppedReadOnlyUpdates: number;
	refusedConnections: Record<string, number>;
	store: {
		loads: number;
		loadFailures: number;
		loadMsAvg: number;
		writes: number;
		writeFailures: number;
		writeMsAvg: number;
		writeMsP95: number;
		compactions: number;
		pendingDocuments: number;
	};
	redis: { enabled: boolean; published: number; received: number };
}

export interface CollabServerHandle {
	readonly instanceId: string;
	metrics(): CollabMetrics;
	/** Re-checks the rights of the affected connections here and on the other instances. */
	accessChanged(change: AccessChange): Promise<void>;
}

const globalKey = Symbol.for('reseau-cpts.collab-servers');
type WithRegistry = typeof globalThis & { [globalKey]?: Set<CollabServerHandle> };

function registry(): Set<CollabServerHandle> {
	const holder = globalThis as WithRegistry;
	holder[globalKey] ??= new Set();
	return holder[globalKey];
}

export function registerCollabServer(server: CollabServerHandle): void {
	registry().add(server);
}

export function unregisterCollabServer(server: CollabServerHandle): void {
	registry().delete(server);
}

/** Metrics of every collaboration server of this process. */
export function collabMetrics(): CollabMetrics[] {
	return [...registry()].map((server) => server.metrics());
}

/**
 * Call after a change of rights commits (member removed, reviewer withdrawn…): the user's
 * open connections are checked again and those whose access changed are closed with
 * CLOSE_CODES.rightsChanged, so the client reconnects and is judged anew. Servers of this
 * process are called directly (and relay through Redis); without one here, the change is
 * published on Redis for a ws-server running as its own process.
 */
export async function notifyAccessChanged(change: AccessChange): Promise<void> {
	const servers = [...registry()];
	try {
		if (servers.length > 0) {
			await Promise.all(servers.map((server) => server.accessChanged(change)));
			return;
		}
		const redisUrl = getConfig().REDIS_URL;
		if (redisUrl) await publishWithoutServer(redisUrl, change);
	} catch (error) {
		// The change itself is committed; a missed notice only delays the disconnect until
		// the next reconnect, so it must not fail the caller.
		getLogger().error({ err: error, change }, 'collab access change not delivered');
	}
}

let publisher: Promise<import('ioredis').Redis> | undefined;

async function publishWithoutServer(redisUrl: string, change: AccessChange): Promise<void> {
	publisher ??= import('ioredis').then(({ Redis }) => {
		const client = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 2 });
		client.on('error', (error) => getLogger().warn({ err: error }, 'redis (collab notices) error'));
		return client;
	});
	await (await publisher).publish(ACCESS_CHANNEL, JSON.stringify({ origin: 'site', ...change }));
}

/** Closes the Redis connection opened by notifyAccessChanged, if any (shutdown, tests). */
export async function closeAccessNotifier(): Promise<void> {
	const pending = publisher;
	publisher = undefined;
	if (pending) (await pending).disconnect();
}
