/** `npm start` builds the site when build/ is missing or older than the sources. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const inputs = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package.json', 'package-lock.json'];
// vite build writes the handler last, so its time is the time of the build.
const builtFile = path.resolve('build/handler.js');

function newestModification(entry: string): number {
	if (!existsSync(entry)) return 0;
	const stats = statSync(entry);
	if (!stats.isDirectory()) return stats.mtimeMs;
	let newest = stats.mtimeMs;
	for (const child of readdirSync(entry)) newest = Math.max(newest, newestModification(path.join(entry, child)));
	return newest;
}

/** Whether the sources changed since the last build. */
export function buildIsStale(): boolean {
	if (!existsSync(builtFile)) return true;
	const builtAt = statSync(builtFile).mtimeMs;
	return inputs.some((input) => newestModification(path.resolve(input)) > builtAt);
}

/** Runs `vite build` when needed; exits the process if the build fails. */
export function buildIfNeeded(log: (message: string) => void): void {
	if (!buildIsStale()) return;
	log('Construction du site (vite build)…');
	const result = spawnSync(process.execPath, [path.resolve('node_modules/vite/bin/vite.js'), 'build'], {
		stdio: 'inherit'
	});
	if (result.status !== 0) {
		console.error('La construction du site a échoué (vite build).');
		process.exit(1);
	}
}
