/** Starts the servers under test as child processes and waits until they answer. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

export interface RunningServer {
	name: string;
	url: string;
	process: ChildProcess;
	stop(): Promise<void>;
}

// BENCH_PORTS ("5600-5699") keeps the servers a bench starts inside a range of ports, for
// machines where each user of the machine has its own; any free port otherwise.
const portRange = (() => {
	const match = /^(\d+)-(\d+)$/.exec(process.env.BENCH_PORTS ?? '');
	return match ? { first: Number(match[1]), last: Number(match[2]) } : null;
})();
let nextPort = portRange?.first ?? 0;

function listensOn(port: number): Promise<number | null> {
	return new Promise((resolve) => {
		const probe = createServer();
		probe.on('error', () => resolve(null));
		probe.listen(port, '127.0.0.1', () => {
			const address = probe.address();
			const bound = typeof address === 'object' && address ? address.port : null;
			probe.close(() => resolve(bound));
		});
	});
}

/** A port free right now (the child binds it a moment later). */
export async function freePort(): Promise<number> {
	if (!portRange) {
		const port = await listensOn(0);
		if (port === null) throw new Error('Aucun port libre');
		return port;
	}
	const size = portRange.last - portRange.first + 1;
	for (let tries = 0; tries < size; tries++) {
		const port = nextPort;
		nextPort = port >= portRange.last ? portRange.first : port + 1;
		if ((await listensOn(port)) !== null) return port;
	}
	throw new Error(`Aucun port libre entre ${portRange.first} et ${portRange.last} (BENCH_PORTS)`);
}

async function waitUntilAnswering(url: string, child: ChildProcess, stderr: () => string, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`Le serveur s’est arrêté (code ${child.exitCode}) :\n${stderr()}`);
		try {
			const response = await fetch(url);
			if (response.ok) return;
		} catch {
			// Not listening yet.
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error(`Pas de réponse de ${url} après ${timeoutMs} ms :\n${stderr()}`);
}

/**
 * Runs a TypeScript entry with Node and tsx (as `npm start` does), on 127.0.0.1:port.
 * Stdout (request logs) is discarded; stderr is kept to explain a failed start.
 */
export async function startServer(options: {
	name: string;
	entry: string;
	env: Record<string, string>;
	readyPath: string;
	/** Extra Node flags, e.g. --cpu-prof to profile the server under load. */
	nodeArgs?: string[];
	timeoutMs?: number;
	/** A fixed port (e.g. within a range set aside for this run); a free one otherwise. */
	port?: number;
}): Promise<RunningServer> {
	const port = options.port ?? (await freePort());
	const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', path.resolve(options.entry)], {
		env: { ...process.env, ...options.env, PORT: String(port), HOST: '127.0.0.1' },
		stdio: ['ignore', 'ignore', 'pipe']
	});
	let stderr = '';
	child.stderr?.on('data', (chunk: Buffer) => {
		stderr = (stderr + chunk.toString()).slice(-4_000);
	});
	const url = `http://127.0.0.1:${port}`;
	const stop = async () => {
		if (child.exitCode !== null) return;
		const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
		child.kill('SIGTERM');
		const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
		await exited;
		clearTimeout(timer);
	};
	try {
		await waitUntilAnswering(`${url}${options.readyPath}`, child, () => stderr, options.timeoutMs ?? 60_000);
	} catch (error) {
		await stop();
		throw error;
	}
	return { name: options.name, url, process: child, stop };
}

/** The app as `npm start` runs it in production (built site, no demo accounts shown), on a bench database. */
export function startApp(options: { databaseUrl: string; logLevel: string; port?: number }): Promise<RunningServer> {
	return startServer({
		name: 'app',
		entry: 'src/server/start.ts',
		readyPath: '/readyz',
		port: options.port,
		env: {
			NODE_ENV: 'production',
			SKIP_BUILD: '1',
			DATABASE_URL: options.databaseUrl,
			DEMO_MODE: 'false',
			LOG_LEVEL: options.logLevel,
			ORIGIN: 'http://127.0.0.1'
		}
	});
}

/** CPU time (user + system) a process has used, in ms, from /proc (Linux); NaN elsewhere. */
export function cpuTimeMs(pid: number | undefined): number {
	try {
		const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
		// utime and stime are fields 14 and 15 of the line, in clock ticks (100 per second).
		return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
	} catch {
		return Number.NaN;
	}
}
