/**
 * The command-line scripts (src/server/cli/*) as real processes: each ends by itself once
 * its work is done, with REDIS_URL set too (seeding changes memberships, which are announced
 * to collaboration servers through Redis: that connection must not keep the process alive).
 */
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../helpers/db';
import { runUntilExit } from '../helpers/process';
import { REDIS_URL, redisAvailable } from '../ws/helpers';

// Far beyond what a run takes (a few seconds): past it the script is taken as hung.
const HUNG_AFTER_MS = 60_000;

const testDb = useTestDatabase();

describe.runIf(process.env.TEST_DB === 'postgres' && redisAvailable)('command-line scripts with REDIS_URL', () => {
	it.each(['seed.ts', 'migrate.ts'])('%s exits by itself', async (script) => {
		const { code, output } = await runUntilExit([`src/server/cli/${script}`], { DATABASE_URL: testDb.url, LOG_LEVEL: 'warn', REDIS_URL }, HUNG_AFTER_MS);
		expect(code, output).toBe(0);
	}, HUNG_AFTER_MS + 30_000);
});
