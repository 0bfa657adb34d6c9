/**
 * The production entry (`npm start` = src/server/start.ts) as a real process: it refuses a
 * bad configuration with a clear message, serves the probes, and on SIGTERM closes the
 * database and exits 0. Needs the build (npm test builds before this runs).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const built = existsSync(path.join(root, 'build/handler.js'));
// The entry is exercised once (on the PGlite project): it does not depend on TEST_DB.
const runHere = built && process.env.TEST_DB !== 'postgres';

function startServer(env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
	let output = '';
	const child = spawn(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'src/server/start.ts'], {
		cwd: root,
		env: { ...process.env, SKIP_BUILD: '1', LOG_LEVEL: 'info', NODE_ENV: 'production', DATABASE_URL: '', ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	child.stdout!.on('data', (chunk) => (output += chunk));
	child.stderr!.on('data', (chunk) => (output += chunk));
	const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
	return { child, output: () => output, exited };
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error('condition not met in time');
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

/** A port nobody listens on now (the entry's default origin is derived from PORT). */
function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.on('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as { port: number };
			probe.close(() => resolve(port));
		});
	});
}

const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

describe.runIf(runHere)('server entry', () => {
	it('refuses to start with a malformed variable and names it', async () => {
		const server = startServer({ DATABASE_URL: 'mysql://localhost/cpts', PORT: 'abc' });
		expect(await server.exited).toBe(1);
		expect(server.output()).toContain('Configuration invalide');
		expect(server.output()).toContain('DATABASE_URL');
		expect(server.output()).toContain('PORT');
	});

	it('serves the probes on the embedded database, then stops cleanly on SIGTERM', async () => {
		const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cpts-lifecycle-'));
		folders.push(dataDir);
		const port = await freePort();
		// No ORIGIN, as after `npm install && npm start`.
		const server = startServer({ PORT: String(port), HOST: '127.0.0.1', PGLITE_DIR: dataDir, ORIGIN: '' });
		await waitFor(() => /"msg":"listening"/.test(server.output()), 90_000);
		const health = await fetch(`http://127.0.0.1:${port}/healthz`);
		expect(health.status).toBe(200);
		const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
		expect(await ready.json()).toMatchObject({ status: 'ready', database: 'pglite' });
		const home = await fetch(`http://127.0.0.1:${port}/`);
		expect(home.headers.get('x-request-id')).toBeTruthy();
		expect(await home.text()).toContain('lang="fr"');
		// A form posted from the address the README gives passes SvelteKit's origin check.
		const signIn = await fetch(`http://127.0.0.1:${port}/connexion`, {
			method: 'POST',
			headers: { origin: `http://localhost:${port}`, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
			body: 'email=personne%40exemple.fr&password=pas-le-bon-mot-de-passe'
		});
		expect(signIn.status).toBe(400);
		expect(await signIn.text()).toContain('E-mail ou mot de passe incorrect');

		server.child.kill('SIGTERM');
		expect(await server.exited).toBe(0);
		expect(server.output()).toContain('"msg":"stopped"');
	}, 120_000);
});
