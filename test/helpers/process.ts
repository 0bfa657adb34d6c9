/** Runs a TypeScript entry point as a real process and waits for it to end by itself. */
import { spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * Its exit code and output, or 'still running' once `hungAfterMs` have passed (then it is killed).
 * tsx as a loader, not its CLI, so that killing the child kills the script itself.
 */
export async function runUntilExit(args: string[], env: Record<string, string>, hungAfterMs: number): Promise<{ code: number | 'still running'; output: string }> {
	let output = '';
	const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
	child.stdout.on('data', (chunk) => (output += chunk));
	child.stderr.on('data', (chunk) => (output += chunk));
	const exited = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? -1)));
	let guard: NodeJS.Timeout | undefined;
	const hung = new Promise<'still running'>((resolve) => (guard = setTimeout(() => resolve('still running'), hungAfterMs)));
	const code = await Promise.race([exited, hung]);
	clearTimeout(guard);
	if (code === 'still running') {
		child.kill('SIGKILL');
		await exited;
	}
	return { code, output };
}
