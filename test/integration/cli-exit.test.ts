/**
 * The command-line scripts (src/server/cli/*) as real processes: each ends by itself once
 * its work is done, with REDIS_URL set too (seeding changes memberships, which are announced
 * to collaboration servers through Redis: that connection must not keep the process alive).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../helpers/db';
import { REDIS_URL, redisAvailable } from '../ws/helpers';

const root = path.resolve(import.meta.dirname, '../..');
// Far beyond what a run takes (a few seconds): past it the script is taken as hung.
const HUNG_AFTER_MS = 60_000;

const testDb = useTestDatabase();

/** Runs a CLI against this file's database; its exit code, or 'still running' past the guard. */
async function runCli(script: string, env: Record<string, string>): Promise<{ code: number | 'still running'; output: string }> {
	let output = '';
	// tsx as a loader, not its CLI, so that killing the child kills the script itself.
	const child = spawn(process.execPath, ['--import', 'tsx', `src/server/cli/${script}`], {
		cwd: root,
		env: { ...process.env, DATABASE_URL: testDb.url, LOG_LEVEL: 'warn', ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	child.stdout.on('data', (chunk) => (output += chunk));
	child.stderr.on('data', (chunk) => (output += chunk));
	const exited = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? -1)));
	let guard: NodeJS.Timeout | undefined;
	const hung = new Promise<'still running'>((resolve) => (guard = setTimeout(() => resolve('still running'), HUNG_AFTER_MS)));
	const code = await Promise.race([exited, hung]);
	clearTimeout(guard);
	if (code === 'still running') {
		child.kill('SIGKILL');
		await exited;
	}
	return { code, output };
}

describe.runIf(process.env.TEST_DB === 'postgres' && redisAvailable)('command-line scripts with REDIS_URL', () => {
	it.each(['seed.ts', 'migrate.ts'])('%s exits by itself', async (script) => {
		const { code, output } = await runCli(script, { REDIS_URL });
		expect(code, output).toBe(0);
	}, HUNG_AFTER_MS + 30_000);
});
