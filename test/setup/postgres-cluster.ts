/**
 * A real PostgreSQL for tests: TEST_DATABASE_URL when set, otherwise a throwaway cluster
 * started from the PostgreSQL binaries of the machine (initdb + pg_ctl, as an unprivileged
 * user when we are root, since initdb refuses root), otherwise none.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface PostgresForTests {
	url: string;
	stop(): Promise<void>;
}

function findBinary(name: string): string | null {
	const which = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
	if (which.status === 0 && which.stdout.trim()) return which.stdout.trim();
	const root = '/usr/lib/postgresql';
	if (!existsSync(root)) return null;
	for (const version of readdirSync(root).sort().reverse()) {
		const candidate = path.join(root, version, 'bin', name);
		if (existsSync(candidate)) return candidate;
	}
	return null;
}

/** Whether a throwaway cluster could be started here. */
export function canStartThrowawayCluster(): boolean {
	return findBinary('initdb') !== null && findBinary('pg_ctl') !== null;
}

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

/** Starts a throwaway cluster in a temporary folder; stop() removes it. */
export async function startThrowawayCluster(): Promise<PostgresForTests> {
	const initdb = findBinary('initdb')!;
	const pgCtl = findBinary('pg_ctl')!;
	const folder = mkdtempSync(path.join(os.tmpdir(), 'cpts-pg-'));
	const dataDir = path.join(folder, 'data');
	const logFile = path.join(folder, 'server.log');
	const port = await freePort();
	const asRoot = process.getuid?.() === 0;
	// initdb refuses to run as root: run the cluster as the "postgres" (or "nobody") user.
	const runAs = asRoot ? (spawnSync('id', ['-u', 'postgres']).status === 0 ? 'postgres' : 'nobody') : null;
	if (runAs) {
		chmodSync(folder, 0o777);
		execFileSync('chown', ['-R', runAs, folder]);
	}
	const run = (binary: string, args: string[]) =>
		runAs
			? execFileSync('runuser', ['-u', runAs, '--', binary, ...args], { stdio: 'pipe' })
			: execFileSync(binary, args, { stdio: 'pipe' });
	run(initdb, ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale', 'C.UTF-8']);
	run(pgCtl, [
		'-D',
		dataDir,
		'-l',
		logFile,
		'-w',
		'-o',
		`-p ${port} -c listen_addresses=127.0.0.1 -k ${folder} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`,
		'start'
	]);
	return {
		url: `postgres://postgres@127.0.0.1:${port}/postgres`,
		async stop() {
			try {
				run(pgCtl, ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
			} finally {
				rmSync(folder, { recursive: true, force: true });
			}
		}
	};
}
