/** Bounds and timings of the collaboration server; ws-server reads its defaults here. */
export interface CollabLimits {
	/** Largest websocket frame accepted (ws maxPayload); bigger frames close the connection. */
	maxMessageBytes: number;
	/** Largest document (its encoded state, approximated between compactions). */
	maxDocumentBytes: number;
	maxConnectionsPerDocument: number;
	maxConnectionsPerUser: number;
	/** Messages buffered per connection while its document loads. */
	maxQueuedMessages: number;
	/** A connection whose unsent bytes pass this is a slow reader and is closed. */
	maxBufferedBytes: number;
	/** Debounce of stored writes: write this long after the last change… */
	writeDebounceMs: number;
	/** …but no later than this after the first unsaved change. */
	writeMaxWaitMs: number;
	/** Fold appended updates into the compacted state once a document has this many rows. */
	compactAfterUpdates: number;
	/** Keep a document in memory this long after its last connection left (and was flushed). */
	unloadAfterMs: number;
	/** Ping period; a connection that missed one pong is dropped. */
	heartbeatMs: number;
	/**
	 * How long a flush request (export, version, restore) waits for the instances holding the
	 * document to say they wrote it; past this, the stored state is used as it is.
	 */
	liveFlushTimeoutMs: number;
	/**
	 * Period of this instance's heartbeat on Redis. Another instance that hears nothing from
	 * it for three periods takes it for dead and removes the presence it spoke for.
	 */
	presenceHeartbeatMs: number;
}

export const DEFAULT_COLLAB_LIMITS: CollabLimits = {
	maxMessageBytes: 4 * 1024 * 1024,
	maxDocumentBytes: 32 * 1024 * 1024,
	maxConnectionsPerDocument: 200,
	maxConnectionsPerUser: 30,
	maxQueuedMessages: 200,
	maxBufferedBytes: 16 * 1024 * 1024,
	writeDebounceMs: 2_000,
	writeMaxWaitMs: 10_000,
	compactAfterUpdates: 200,
	unloadAfterMs: 0,
	heartbeatMs: 30_000,
	liveFlushTimeoutMs: 3_000,
	presenceHeartbeatMs: 5_000
};
