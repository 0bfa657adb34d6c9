/**
 * `npm run bench`: load-tests the app's pages beside a bare Node http server, the upper
 * bound, and prints req/s, p50 and p99 latency and the ratio to the bound.
 *
 * The app runs as `npm start` does (adapter-node handler in one Node process, run by tsx)
 * against a fresh PostgreSQL database `cpts_bench` (created, migrated and seeded with the
 * demo network each run). Scenarios are the modules of bench/scenarios/; add one there
 * to measure more pages. A scenario with `run` (e.g. collab: the websocket servers side by
 * side) measures by itself; when only such scenarios are asked for
 * (`npm run bench -- collab`), the site is neither built nor started.
 *
 * Settings (environment): BENCH_DATABASE_URL (server to create the database on, default
 * postgres://postgres@127.0.0.1:5432/test), BENCH_DURATION seconds per target (10),
 * BENCH_WARMUP seconds before each (2), BENCH_CONNECTIONS (50), BENCH_WORKERS autocannon
 * worker threads (1), BENCH_ONLY comma-separated scenario names, BENCH_SKIP_BUILD=1 to use
 * build/ as it is (by default it is rebuilt when older than the sources, as `npm start`
 * does), BENCH_KEEP_DATABASE=1 to keep cpts_bench afterwards,
 * BENCH_LOG_LEVEL for the app (info, as in production), BENCH_DATABASE_NAME (cpts_bench).
 */
import { existsSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { createSession, SESSION_COOKIE } from '../src/lib/server/auth/session';
import { users } from '../src/lib/server/db/schema';
import { buildIfNeeded, buildIsStale } from '../src/server/build-if-needed';
import { createBenchDatabase, type BenchDatabase } from './lib/database';
import { runLoad, type LoadResult } from './lib/load';
import { runBenchMain } from './lib/main';
import { formatReport, type ReportRow } from './lib/report';
import { startApp, startServer, type RunningServer } from './lib/servers';
import type { BenchContext, BenchTarget, Scenario } from './lib/types';

const settingsSchema = z.object({
	BENCH_DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//).default('postgres://postgres@127.0.0.1:5432/test'),
	BENCH_DURATION: z.coerce.number().int().min(1).max(600).default(10),
	BENCH_WARMUP: z.coerce.number().int().min(0).max(60).default(2),
	BENCH_CONNECTIONS: z.coerce.number().int().min(1).max(10_000).default(50),
	BENCH_WORKERS: z.coerce.number().int().min(1).max(64).default(1),
	BENCH_ONLY: z.string().optional(),
	BENCH_SKIP_BUILD: z.enum(['0', '1']).default('0'),
	BENCH_KEEP_DATABASE: z.enum(['0', '1']).default('0'),
	BENCH_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('info'),
	// Another name lets two benches share one PostgreSQL server without dropping each other's base.
	BENCH_DATABASE_NAME: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/).default('cpts_bench')
});

const parsedSettings = settingsSchema.safeParse(process.env);
if (!parsedSettings.success) {
	console.error('Réglages du banc invalides :');
	for (const issue of parsedSettings.error.issues) console.error(`  - ${issue.path.join('.')}: ${issue.message}`);
	process.exit(1);
}
const settings = parsedSettings.data;
const log = (message: string) => console.log(`[bench] ${message}`);

async function loadScenarios(): Promise<Scenario[]> {
	const folder = path.resolve('bench/scenarios');
	// `npm run bench -- collab library` or BENCH_ONLY=collab,library; all when neither.
	const named = process.argv.slice(2).filter((argument) => !argument.startsWith('-'));
	const wanted = (named.length > 0 ? named : settings.BENCH_ONLY?.split(','))?.map((name) => name.trim()).filter(Boolean);
	const scenarios: Scenario[] = [];
	for (const file of readdirSync(folder).filter((name) => /\.ts$/.test(name) && !name.startsWith('_')).sort()) {
		const module = (await import(pathToFileURL(path.join(folder, file)).href)) as { default?: Scenario };
		if (!module.default) throw new Error(`bench/scenarios/${file} n’exporte pas de scénario par défaut`);
		if (!wanted || wanted.includes(module.default.name)) scenarios.push(module.default);
	}
	const unknown = wanted?.filter((name) => !scenarios.some((scenario) => scenario.name === name)) ?? [];
	if (unknown.length > 0) throw new Error(`Scénario inconnu : ${unknown.join(', ')}`);
	return scenarios;
}

/** One request before the load: a target that is broken or missing is reported, not loaded. */
async function checkTarget(url: string, target: BenchTarget): Promise<string | null> {
	try {
		const response = await fetch(url, { method: target.method ?? 'GET', headers: target.headers, body: target.body, redirect: 'manual' });
		const text = await response.text();
		const expected = target.expectStatus ?? 200;
		if (response.status !== expected) return `statut ${response.status} au lieu de ${expected}`;
		if (target.expectText && !text.includes(target.expectText)) return `la réponse ne contient pas « ${target.expectText} »`;
		return null;
	} catch (error) {
		return `requête impossible (${(error as Error).message})`;
	}
}

async function measure(url: string, target: Pick<BenchTarget, 'method' | 'headers' | 'body'>): Promise<LoadResult> {
	const common = { url, method: target.method, headers: target.headers, body: target.body, connections: settings.BENCH_CONNECTIONS, workers: settings.BENCH_WORKERS };
	if (settings.BENCH_WARMUP > 0) await runLoad({ ...common, durationSeconds: settings.BENCH_WARMUP });
	return runLoad({ ...common, durationSeconds: settings.BENCH_DURATION });
}

const servers: RunningServer[] = [];
let benchDatabase: BenchDatabase | undefined;

async function cleanUp(): Promise<void> {
	await Promise.allSettled(servers.map((server) => server.stop()));
	await benchDatabase?.dispose(settings.BENCH_KEEP_DATABASE === '1').catch((error: Error) => log(`nettoyage de la base : ${error.message}`));
}
process.once('SIGINT', () => void cleanUp().then(() => process.exit(130)));

/** The machine's load average: figures taken on a busy machine say less about the app. */
const loadAverage = () => os.loadavg().map((value) => value.toFixed(1)).join(' / ');

async function main(): Promise<void> {
	const started = Date.now();
	const loadBefore = loadAverage();
	const scenarios = await loadScenarios();
	const pageScenarios = scenarios.filter((scenario) => scenario.targets);
	const standaloneScenarios = scenarios.filter((scenario) => scenario.run);

	log(`base ${settings.BENCH_DATABASE_NAME} sur ${new URL(settings.BENCH_DATABASE_URL).host} : création, migrations, réseau de démonstration…`);
	benchDatabase = await createBenchDatabase(settings.BENCH_DATABASE_URL, settings.BENCH_DATABASE_NAME);
	log(`données : ${JSON.stringify(benchDatabase.seeded)}`);
	const sessionCookie = async (email: string) => {
		const [user] = await benchDatabase!.database.db.select({ id: users.id }).from(users).where(eq(users.email, email));
		if (!user) throw new Error(`Utilisateur inconnu dans la base du banc : ${email}`);
		const { token } = await createSession(benchDatabase!.database.db, user.id, { userAgent: 'bench' });
		return `${SESSION_COOKIE}=${token}`;
	};

	if (pageScenarios.length > 0) await benchPages(pageScenarios, sessionCookie, loadBefore);
	for (const scenario of standaloneScenarios) {
		log(`scénario ${scenario.name} : ${scenario.description}`);
		await scenario.run!({ db: benchDatabase.database.db, databaseUrl: benchDatabase.url, sessionCookie });
	}
	if (standaloneScenarios.length > 0) console.log(`Charge de la machine (1 / 5 / 15 min) : ${loadBefore} au début, ${loadAverage()} à la fin`);
	console.log(`\nDurée totale : ${Math.round((Date.now() - started) / 1000)} s`);
}

/** The page scenarios: the app and the bare bound under autocannon. */
async function benchPages(scenarios: Scenario[], sessionCookie: BenchContext['sessionCookie'], loadBefore: string): Promise<void> {
	if (settings.BENCH_SKIP_BUILD === '1' && existsSync(path.resolve('build/handler.js'))) {
		if (buildIsStale()) log('attention : build/ est plus ancien que les sources (BENCH_SKIP_BUILD=1)');
	} else {
		buildIfNeeded(log);
	}

	const hello = await startServer({ name: 'hello', entry: 'bench/servers/hello.ts', env: {}, readyPath: '/' });
	servers.push(hello);
	const app = await startApp({ databaseUrl: benchDatabase!.url, logLevel: settings.BENCH_LOG_LEVEL });
	servers.push(app);
	log(`serveurs prêts : hello ${hello.url}, application ${app.url}`);

	const context: BenchContext = {
		appUrl: app.url,
		db: benchDatabase!.database.db,
		sessionCookie
	};

	const rows: ReportRow[] = [];
	const perTarget = `${settings.BENCH_WARMUP} s de chauffe + ${settings.BENCH_DURATION} s, ${settings.BENCH_CONNECTIONS} connexions`;
	log(`Node nu « hello » (${perTarget})…`);
	const bound = await measure(hello.url, {});
	rows.push({ label: 'Node http nu « hello »', result: bound });

	for (const scenario of scenarios) {
		log(`scénario ${scenario.name} : ${scenario.description}`);
		await scenario.setup?.(context);
		for (const target of await scenario.targets!(context)) {
			const url = `${app.url}${target.path}`;
			const problem = await checkTarget(url, target);
			if (problem) {
				rows.push({ label: target.label, result: null, skipped: problem });
				continue;
			}
			log(`  ${target.label} (${perTarget})…`);
			rows.push({ label: target.label, result: await measure(url, target) });
		}
	}

	console.log('');
	console.log(
		`Node ${process.version}, ${os.cpus().length} processeur(s) ${os.cpus()[0]?.model ?? ''}, ` +
			`autocannon ${settings.BENCH_CONNECTIONS} connexions × ${settings.BENCH_DURATION} s par cible, PostgreSQL ${new URL(settings.BENCH_DATABASE_URL).host}`
	);
	console.log(`Charge de la machine (1 / 5 / 15 min) : ${loadBefore} au début, ${loadAverage()} à la fin`);
	console.log(formatReport(rows, bound));
}

await runBenchMain(main, cleanUp);
