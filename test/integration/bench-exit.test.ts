/**
 * Bench entry points end by themselves when their seeding throws: code 1 and the error,
 * although the pool and servers opened before the failure are still there.
 */
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../helpers/db';
import { runUntilExit } from '../helpers/process';

// Far beyond what a run takes (a few seconds): past it the script is taken as hung.
const HUNG_AFTER_MS = 60_000;

const testDb = useTestDatabase();

describe.runIf(process.env.TEST_DB === 'postgres')('bench entry points that fail', () => {
	it('exit with code 1 and the error when seeding throws with a pool and a server open', async () => {
		const { code, output } = await runUntilExit(['test/helpers/bench-throws.ts'], { DATABASE_URL: testDb.url }, HUNG_AFTER_MS);
		expect(code, output).toBe(1);
		expect(output).toContain('seeding failed: demo territory 99999 unknown');
	}, HUNG_AFTER_MS + 30_000);

	it('npm run bench exits with code 1 and says why when a scenario is unknown', async () => {
		const { code, output } = await runUntilExit(['bench/run.ts', 'no-such-scenario'], { BENCH_DATABASE_URL: testDb.url.replace(/\/[^/]*$/, '/postgres') }, HUNG_AFTER_MS);
		expect(code, output).toBe(1);
		expect(output).toContain('Scénario inconnu : no-such-scenario');
	}, HUNG_AFTER_MS + 30_000);
});
