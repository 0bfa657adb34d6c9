/** Starts the servers under test as child processes and waits until they answer. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

export interface RunningServer {
	name: string;
	url: string;
	process: ChildProcess;
	stop(): Promise<void>;
}

/** A port free right now (the child binds it a moment later). */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.on('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			probe.close(() => resolve(port));
		});
	});
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
}): Promise<RunningServer> {
	const port = await freePort();
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
