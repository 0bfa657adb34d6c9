/**
 * Redis channel names and messages shared by the site's registry and ws-server's fan-out.
 * A leaf module: it imports nothing, so both sides read it without importing each other.
 */

/** Redis channel on which rights changes travel between processes. */
export const ACCESS_CHANNEL = 'collab:access';

/** Redis channel of the instances' heartbeats and goodbyes (see ws-server/fanout.ts). */
export const INSTANCES_CHANNEL = 'collab:instances';

/** Redis channel on which a process hears the answers to its flush requests. */
export function flushReplyChannel(requesterId: string): string {
	return `collab:flushed:${requesterId}`;
}

/** Redis channel of one document's updates and awareness. */
export function documentChannel(documentName: string): string {
	return `collab:doc:${documentName}`;
}

/** Whose rights changed, and on which document (all of theirs when absent). */
export interface AccessChange {
	userId: string;
	documentName?: string;
}

/** What a flush of a live document reached. */
export interface LiveFlushResult {
	/** Instances that held the document loaded (this one included). */
	holders: number;
	/** Those that wrote what they held unsaved, and said so in time. */
	confirmed: number;
	/** Every holder confirmed: the stored state holds everything typed before the request. */
	complete: boolean;
}
