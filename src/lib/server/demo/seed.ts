/** Demo network (placeholder until the seed is written): returns null when nothing was done. */
import type { Db } from '../db';

export async function seedDemoNetworkIfEmpty(_db: Db): Promise<Record<string, number> | null> {
	return null;
}
