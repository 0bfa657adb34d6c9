/**
 * Connection quotas: per document and per user. A slot is reserved before the upgrade
 * completes (so two simultaneous connects cannot both take the last one) and released
 * when the socket closes.
 */
import type { CollabLimits } from '../src/lib/server/collab/limits';

export class ConnectionQuotas {
	private readonly perDocument = new Map<string, number>();
	private readonly perUser = new Map<string, number>();

	constructor(private readonly limits: Pick<CollabLimits, 'maxConnectionsPerDocument' | 'maxConnectionsPerUser'>) {}

	/** Takes a slot; false when the document or the user is at its limit. */
	tryReserve(userId: string, documentName: string): boolean {
		const onDocument = this.perDocument.get(documentName) ?? 0;
		const ofUser = this.perUser.get(userId) ?? 0;
		if (onDocument >= this.limits.maxConnectionsPerDocument || ofUser >= this.limits.maxConnectionsPerUser) return false;
		this.perDocument.set(documentName, onDocument + 1);
		this.perUser.set(userId, ofUser + 1);
		return true;
	}

	release(userId: string, documentName: string): void {
		decrement(this.perDocument, documentName);
		decrement(this.perUser, userId);
	}
}

function decrement(counts: Map<string, number>, key: string): void {
	const next = (counts.get(key) ?? 0) - 1;
	if (next > 0) counts.set(key, next);
	else counts.delete(key);
}
