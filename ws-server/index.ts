/** The collaboration server, to attach to an HTTP server's `upgrade` (see src/server/start.ts). */
export { createCollabServer, type CollabServer, type CollabServerOptions } from './server';
export { createPostgresStore, type DocumentStore, type StoredDocument } from './persistence';
