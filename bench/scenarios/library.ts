/**
 * The library's search on 100,000 generated resources in a real PostgreSQL.
 *
 * Three query shapes, each measured directly (searchLibrary, sequential calls, p50/p95)
 * and as server-rendered pages under load (req/s beside the bare Node bound):
 * - a rare term (about 50 documents),
 * - a common term (15 % of the documents: ranking and counting every match, the usual trap),
 * - a two-word phrase with a facet filter (territory nature).
 *
 * Documents are built from the words of the demo content (demo/library-profiles.ts and
 * demo/library-practices.ts), so lengths and word frequencies look like the real library; the
 * measured terms are removed from that vocabulary and put back at controlled rates.
 *
 * Two ways to run it:
 * - inside the harness: `BENCH_ONLY=library npm run bench` (setup adds the documents to
 *   the harness's cpts_bench database, then its targets are loaded with autocannon);
 * - alone: `npx tsx bench/scenarios/library.ts` creates its own database cpts_bench_library
 *   (BENCH_DATABASE_URL's server), prints the query figures, then loads the search page
 *   with the same harness modules. BENCH_LIBRARY_DOCUMENTS changes the 100,000,
 *   BENCH_DATABASE_NAME the database; BENCH_KEEP_DATABASE=1 keeps it at the end and reuses
 *   it on the next run (generation takes minutes), BENCH_QUERIES_ONLY=1 stops after the
 *   query figures.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db';
import { libraryResources } from '../../src/lib/server/db/schema';
import { MISSIONS, RESOURCE_KINDS, type ResourceProfile } from '../../src/lib/domain/library';
import { PROFESSIONS, TERRITORY_NATURES } from '../../src/lib/domain/professions';
import { DEMO_LIBRARY } from '../../src/lib/server/demo/library';
import { parseSearchQuery } from '../../src/lib/server/library/forms';
import { renderMarkdown } from '../../src/lib/server/library/markdown';
import { forgetFacetCounts } from '../../src/lib/server/library/facet-cache';
import { searchLibrary } from '../../src/lib/server/library/search';
import type { BenchContext, BenchTarget, Scenario } from '../lib/types';

const DOCUMENTS = Number(process.env.BENCH_LIBRARY_DOCUMENTS ?? 100_000);
const RARE_TERM = 'drépanocytose';
const RARE_COUNT = 50;
const COMMON_TERM = 'coordination';
const COMMON_SHARE = 0.15;
const PHRASE = 'soins palliatifs';
const PHRASE_SHARE = 0.05;
const REGION_CODES = ['84', '27', '53', '24', '94', '44', '32', '11', '28', '75', '76', '52', '93', '01', '02', '03', '04', '06'];

export const LIBRARY_QUERIES = {
	rare: { label: `terme rare « ${RARE_TERM} »`, params: `q=${encodeURIComponent('drepanocytose')}` },
	common: { label: `terme courant « ${COMMON_TERM} » (${COMMON_SHARE * 100} %)`, params: `q=${encodeURIComponent(COMMON_TERM)}` },
	phrase: { label: `expression « ${PHRASE} » + nature rurale`, params: `q=${encodeURIComponent(`"${PHRASE}"`)}&nature=rural` },
	// Words of the thesaurus (src/lib/server/search/thesaurus.ts), at the demo content's own
	// rates: a profession in all its forms, an abbreviation or its phrase, a hyphenated word.
	profession: { label: 'profession « infirmier » (toutes ses formes)', params: `q=infirmier` },
	abbreviation: { label: 'sigle « SNP » (ou « soins non programmés »)', params: `q=SNP` },
	hyphenated: { label: 'mot composé « sage-femme »', params: `q=sage-femme` }
} as const;

/** A small deterministic generator (mulberry32), so every run builds the same library. */
function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let value = state;
		value = Math.imul(value ^ (value >>> 15), value | 1);
		value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
		return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
	};
}

/** Words of the demo content in their order of appearance (frequent words appear often). */
function demoWords(): string[] {
	const excluded = new Set([COMMON_TERM, 'palliatifs', 'palliatif', 'drépanocytose']);
	return DEMO_LIBRARY.flatMap((entry) => `${entry.title} ${entry.summary} ${entry.body}`.split(/[^\p{L}\p{N}’'-]+/u))
		// "coordinateur", "coordinatrice" stem like the common term: out too.
		.filter((word) => word.length > 0 && !excluded.has(word.toLowerCase()) && !/^coordin/i.test(word));
}

function pickSome<T>(next: () => number, values: readonly T[], max: number): T[] {
	const count = Math.floor(next() * (max + 1));
	return [...new Set(Array.from({ length: count }, () => values[Math.floor(next() * values.length)]))];
}

function sentence(next: () => number, words: string[], length: number): string {
	const start = Math.floor(next() * (words.length - length));
	// Runs of real text, sometimes shuffled, read like the demo content without copying it.
	const run = words.slice(start, start + length);
	if (next() < 0.5) run.sort(() => next() - 0.5);
	return run.join(' ');
}

const profileOf = (nature: (typeof TERRITORY_NATURES)[number]): ResourceProfile => ({
	nature,
	populationMin: 10_000,
	populationMax: 60_000,
	professionalsMin: 30,
	professionalsMax: 200,
	maturity: null,
	actors: ['Médecins généralistes', 'Infirmiers libéraux'],
	partners: ['EHPAD'],
	stakes: ['Accès aux soins'],
	priorityMissions: ['acces_soins'],
	exampleActions: [{ action: 'Créneaux de soins non programmés', partners: 'Urgences' }],
	indicators: ['Patients sans médecin traitant'],
	governance: 'Association',
	coordinationWorkload: '0,5 ETP',
	coordinationFte: 0.5
});

/** Inserts the generated documents (published, 10 % members only, a few drafts). */
export async function generateLibrary(db: Db, log: (message: string) => void = console.log): Promise<void> {
	const next = random(20_260_401);
	const words = demoWords();
	const rareEvery = Math.floor(DOCUMENTS / RARE_COUNT);
	const started = Date.now();
	const batchSize = 1_000;
	for (let offset = 0; offset < DOCUMENTS; offset += batchSize) {
		const rows = [];
		for (let index = offset; index < Math.min(DOCUMENTS, offset + batchSize); index++) {
			const paragraphs = Array.from({ length: 3 + Math.floor(next() * 4) }, () => sentence(next, words, 25 + Math.floor(next() * 35)));
			if (next() < COMMON_SHARE) paragraphs.splice(Math.floor(next() * paragraphs.length), 0, `La ${COMMON_TERM} du parcours est assurée par la CPTS.`);
			if (next() < PHRASE_SHARE) paragraphs.push(`Un temps dédié aux ${PHRASE} à domicile avec l’HAD.`);
			if (index % rareEvery === 7) paragraphs.push(`Parcours des patients atteints de ${RARE_TERM} avec le centre de référence.`);
			const body = paragraphs.map((paragraph) => paragraph.charAt(0).toUpperCase() + paragraph.slice(1) + '.').join('\n\n');
			const rendered = renderMarkdown(body);
			const kind = RESOURCE_KINDS[Math.floor(next() * RESOURCE_KINDS.length)];
			const natures = pickSome(next, TERRITORY_NATURES, 2);
			const status = next() < 0.03 ? 'draft' : 'published';
			rows.push({
				id: `bench${index.toString(36).padStart(8, '0')}`,
				slug: `ressource-banc-${index}`,
				kind,
				title: sentence(next, words, 4 + Math.floor(next() * 6)).slice(0, 190) || `Ressource ${index}`,
				summary: sentence(next, words, 20 + Math.floor(next() * 15)).slice(0, 590) || 'Résumé',
				bodySource: body,
				bodyHtml: rendered.html,
				bodyText: rendered.text,
				natures,
				sizeBands: pickSome(next, [1, 2, 3, 4], 2),
				missions: pickSome(next, MISSIONS, 3),
				professions: pickSome(next, PROFESSIONS, 4),
				regionCode: next() < 0.4 ? REGION_CODES[Math.floor(next() * REGION_CODES.length)] : null,
				profile: kind === 'profil_type' ? profileOf(natures[0] ?? 'rural') : null,
				status: status as 'draft' | 'published',
				visibility: (next() < 0.1 ? 'members_only' : 'public') as 'members_only' | 'public',
				publishedAt: status === 'published' ? new Date(Date.UTC(2024, 0, 1) + index * 600_000) : null
			});
		}
		await db.insert(libraryResources).values(rows).onConflictDoNothing();
		if ((offset / batchSize) % 20 === 19) log(`  ${offset + batchSize} documents (${Math.round((Date.now() - started) / 1000)} s)`);
	}
	// What autovacuum would do on a live database: visibility map and statistics, also for the
	// copies search counts on.
	await db.execute(sql`vacuum analyze library_resources, library_search_rows, library_search_vectors`);
	log(`  ${DOCUMENTS} documents insérés et analysés en ${Math.round((Date.now() - started) / 1000)} s`);
}

/** How many generated documents the database holds (ids `bench…`). */
async function generatedCount(db: Db): Promise<number> {
	const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(libraryResources).where(sql`${libraryResources.id} like 'bench%'`);
	return Number(row?.count ?? 0);
}

export interface QueryFigures {
	label: string;
	matches: number;
	runs: number;
	p50: number;
	p95: number;
	max: number;
	/** CPU time per call in the database's backends and in this process (ms), less noisy than wall time on a busy machine. */
	cpu: { database: number | null; node: number };
}

const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];

/**
 * CPU time used so far by the client backends of this database (ms), read from /proc when the
 * server runs on this machine (Linux, clock ticks of 10 ms); null otherwise.
 */
async function backendCpuMs(db: Db): Promise<number | null> {
	const backends = rowsOf<{ pid: number }>(
		await db.execute(sql`select pid from pg_stat_activity where datname = current_database() and backend_type = 'client backend'`)
	);
	let total = 0;
	for (const { pid } of backends) {
		try {
			const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
			total += (Number(fields[11]) + Number(fields[12])) * 10;
		} catch {
			return null;
		}
	}
	return total;
}

const percentile = (sorted: number[], share: number) => sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))];

/** Heap and out-of-line sizes of the tables search reads (MB), those that exist. */
export async function storageFigures(db: Db): Promise<string> {
	const rows = rowsOf<{ name: string; heap: number; toast: number }>(
		await db.execute(
			sql`select c.relname as name, pg_relation_size(c.oid) / 1048576.0 as heap, coalesce(pg_relation_size(nullif(c.reltoastrelid, 0)), 0) / 1048576.0 as toast from pg_class c where c.relname in ('library_resources', 'library_search_rows', 'library_search_vectors') order by c.relname`
		)
	);
	return `Tables lues (Mo, lignes / hors ligne) : ${rows.map((row) => `${row.name} ${Math.round(Number(row.heap))} / ${Math.round(Number(row.toast))}`).join(', ')}`;
}

/**
 * Times searchLibrary (results page, snippets, total and facet counts) for each query shape:
 * first as a new search (the kept facet counts forgotten before each call, facet-cache.ts),
 * then as the same search asked again within seconds (the pages of a search, a reload).
 */
export async function measureQueries(db: Db, runs = 200): Promise<QueryFigures[]> {
	const figures: QueryFigures[] = [];
	for (const kept of [false, true]) {
		for (const shape of Object.values(LIBRARY_QUERIES)) {
			const query = parseSearchQuery(new URLSearchParams(shape.params), REGION_CODES);
			let matches = 0;
			for (let warm = 0; warm < 20; warm++) {
				if (!kept) forgetFacetCounts();
				matches = (await searchLibrary(db, null, query, REGION_CODES)).total;
			}
			const times: number[] = [];
			const databaseBefore = await backendCpuMs(db);
			const nodeBefore = process.cpuUsage();
			for (let run = 0; run < runs; run++) {
				if (!kept) forgetFacetCounts();
				const started = performance.now();
				await searchLibrary(db, null, query, REGION_CODES);
				times.push(performance.now() - started);
			}
			const node = process.cpuUsage(nodeBefore);
			const databaseAfter = await backendCpuMs(db);
			times.sort((a, b) => a - b);
			figures.push({
				label: `${shape.label}${kept ? ', comptes gardés' : ''}`,
				matches,
				runs,
				p50: percentile(times, 0.5),
				p95: percentile(times, 0.95),
				max: times[times.length - 1],
				cpu: {
					database: databaseBefore === null || databaseAfter === null ? null : (databaseAfter - databaseBefore) / runs,
					node: (node.user + node.system) / 1000 / runs
				}
			});
		}
	}
	return figures;
}

export function formatQueryFigures(figures: QueryFigures[]): string {
	const number = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
	const lines = figures.map(
		(figure) =>
			`${figure.label.padEnd(64)} ${String(figure.matches).padStart(7)} résultats   p50 ${number.format(figure.p50).padStart(6)} ms   p95 ${number.format(figure.p95).padStart(6)} ms   max ${number.format(figure.max).padStart(6)} ms   CPU par appel : PostgreSQL ${figure.cpu.database === null ? 'n.d.' : `${number.format(figure.cpu.database)} ms`}, Node ${number.format(figure.cpu.node)} ms`
	);
	const load = loadavg().map((value) => value.toFixed(2)).join(' / ');
	return [
		`Recherche dans la bibliothèque (${DOCUMENTS} documents, searchLibrary complet : page, extraits, total, facettes ; ${figures[0]?.runs ?? 0} appels successifs par forme ; nouvelle recherche, puis la même redemandée dans les secondes : comptes de facettes gardés)`,
		...lines,
		`Charge de la machine (1 / 5 / 15 min) à la fin des mesures : ${load}`
	].join('\n');
}

function searchTargets(): BenchTarget[] {
	return [
		{ label: 'bibliothèque /bibliotheque', path: '/bibliotheque', expectText: 'Bibliothèque' },
		...Object.values(LIBRARY_QUERIES).map((shape) => ({
			label: `bibliothèque, ${shape.label}`,
			path: `/bibliotheque?${shape.params}`,
			expectText: '<mark'
		}))
	];
}

const scenario: Scenario = {
	name: 'library',
	description: `Bibliothèque : recherche plein texte sur ${DOCUMENTS} ressources générées`,
	async setup(context: BenchContext) {
		console.log(`[bench] bibliothèque : génération de ${DOCUMENTS} ressources…`);
		await generateLibrary(context.db, (message) => console.log(`[bench] ${message}`));
		console.log(formatQueryFigures(await measureQueries(context.db)));
		console.log(await storageFigures(context.db));
	},
	targets: () => searchTargets()
};

export default scenario;

/** Standalone run: own database, query figures, then the search pages under load. */
async function standalone(): Promise<void> {
	const os = await import('node:os');
	const { createBenchDatabase } = await import('../lib/database');
	const { startServer } = await import('../lib/servers');
	const { runLoad } = await import('../lib/load');
	const { formatReport } = await import('../lib/report');
	const { buildIfNeeded } = await import('../../src/server/build-if-needed');
	const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
	const duration = Number(process.env.BENCH_DURATION ?? 10);
	const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
	const loadBefore = os.loadavg().map((value) => value.toFixed(1)).join(' / ');
	if (process.env.BENCH_SKIP_BUILD !== '1') buildIfNeeded((message) => console.log(`[bench] ${message}`));
	const databaseName = process.env.BENCH_DATABASE_NAME ?? 'cpts_bench_library';
	const reuse = process.env.BENCH_KEEP_DATABASE === '1';
	console.log(`[bench] base ${databaseName} : ${reuse ? 'reprise si elle existe' : 'création'}, migrations, réseau de démonstration…`);
	const bench = await createBenchDatabase(serverUrl, databaseName, { reuse });
	const servers: { stop(): Promise<void> }[] = [];
	try {
		if (reuse && (await generatedCount(bench.database.db)) === DOCUMENTS) console.log(`[bench] ${DOCUMENTS} documents déjà générés : repris`);
		else await generateLibrary(bench.database.db, (message) => console.log(`[bench] ${message}`));
		const queryFigures = await measureQueries(bench.database.db);
		console.log(formatQueryFigures(queryFigures));
		console.log(await storageFigures(bench.database.db));
		if (process.env.BENCH_QUERIES_ONLY === '1') return;
		const hello = await startServer({ name: 'hello', entry: 'bench/servers/hello.ts', env: {}, readyPath: '/' });
		servers.push(hello);
		const app = await startServer({
			name: 'app',
			entry: 'src/server/start.ts',
			readyPath: '/readyz',
			env: { NODE_ENV: 'production', SKIP_BUILD: '1', DATABASE_URL: bench.url, DEMO_MODE: 'false', LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info', ORIGIN: 'http://127.0.0.1' }
		});
		servers.push(app);
		const measure = async (url: string) => {
			await runLoad({ url, connections, durationSeconds: 2 });
			return runLoad({ url, connections, durationSeconds: duration });
		};
		const bound = await measure(hello.url);
		const rows: import('../lib/report').ReportRow[] = [{ label: 'Node http nu « hello »', result: bound }];
		for (const target of searchTargets()) {
			const response = await fetch(`${app.url}${target.path}`);
			const text = await response.text();
			if (response.status !== 200 || (target.expectText && !text.includes(target.expectText))) {
				rows.push({ label: target.label, result: null, skipped: `statut ${response.status} ou texte attendu absent` });
				continue;
			}
			console.log(`[bench]   ${target.label}…`);
			rows.push({ label: target.label, result: await measure(`${app.url}${target.path}`) });
		}
		console.log('');
		console.log(`Node ${process.version}, ${os.cpus().length} processeur(s) ${os.cpus()[0]?.model ?? ''}, ${connections} connexions × ${duration} s par cible`);
		console.log(`Charge de la machine (1 / 5 / 15 min) : ${loadBefore} au début, ${os.loadavg().map((value) => value.toFixed(1)).join(' / ')} à la fin`);
		console.log(formatReport(rows, bound));
	} finally {
		await Promise.allSettled(servers.map((server) => server.stop()));
		await bench.dispose(process.env.BENCH_KEEP_DATABASE === '1');
	}
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	const { runBenchMain } = await import('../lib/main');
	await runBenchMain(standalone);
}
