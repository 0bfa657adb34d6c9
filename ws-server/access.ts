/**
 * Rights on open connections: when someone's rights change, their connections are checked
 * again (or closed outright) with the code that makes clients reconnect and re-authenticate.
 */
import type { Logger } from 'pino';
import { CLOSE_CODES } from '../src/lib/server/collab/codes';
import type { AccessChange } from '../src/lib/server/collab/channels';
import type { Db } from '../src/lib/server/db';
import { sessionDocumentAccess } from './auth';
import type { Connection } from './connection';

/** Closes the user's connections (all, or those to one document) with the re-authenticate code. */
export function closeConnectionsForUser(connections: Iterable<Connection>, userId: string, documentName?: string): number {
	let closed = 0;
	for (const connection of affectedBy(connections, { userId, documentName })) {
		connection.close(CLOSE_CODES.rightsChanged, 'rights changed');
		closed++;
	}
	return closed;
}

/** Checks the affected connections again; closes those whose session or access changed. */
export async function revalidateAccess(connections: Iterable<Connection>, change: AccessChange, database: () => Promise<Db>, log: Logger): Promise<void> {
	const affected = affectedBy(connections, change);
	if (affected.length === 0) return;
	try {
		const db = await database();
		for (const connection of affected) {
			const found = await sessionDocumentAccess(db, connection.sessionToken, connection.document.name);
			if (found?.access !== connection.access) connection.close(CLOSE_CODES.rightsChanged, 'rights changed');
		}
	} catch (error) {
		// Unsure of the rights: make them reconnect, where they are checked from scratch.
		log.error({ err: error, change }, 'rights re-check failed');
		for (const connection of affected) connection.close(CLOSE_CODES.rightsChanged, 'rights changed');
	}
}

function affectedBy(connections: Iterable<Connection>, change: AccessChange): Connection[] {
	return [...connections].filter(
		(connection) => connection.user.id === change.userId && (!change.documentName || connection.document.name === change.documentName)
	);
}
