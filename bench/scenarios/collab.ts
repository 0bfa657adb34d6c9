/**
 * `npm run bench -- collab`: our ws-server beside y-websocket's reference server
 * (y-websocket@1.5.4 bin/utils.js) and @hocuspocus/server 4.x, in one run, on the same
 * machine, the same workload and the same Yjs, each driven by real clients in this process
 * (y-websocket's WebsocketProvider for ours and the reference server, HocuspocusProvider
 * for Hocuspocus). Each server is a child process started with --expose-gc. Beside them, on
 * the fan-out only, the floor: a bare ws relay without Yjs (bench/servers/relay.ts).
 *
 * Measured, per server:
 * - fan-out latency: N clients on one document (2, 20, 100); in each round one of them
 *   (in turn) types a word, and each other client gives one sample: in held rounds, until
 *   the update reached its socket (ArrivalProbe), in the free rounds between them, until
 *   its document held it; rounds are sequential (the next starts when everyone has the
 *   word), and interleaved between the servers, all running with their N clients at once
 *   (short blocks of rounds on each, in a new order every time: measureFanout), so that
 *   they share the machine's load; latencies are quantiles of all runs' samples pooled,
 *   and rounds a garbage collection of this process overlapped are counted (HarnessPauses);
 *   the server's CPU time per round (from /proc) is printed too: until the document
 *   holds it is mostly spent in the clients, all in this process (each applies the update:
 *   with 100 writers in the document, Yjs's state vectors make that about 60 µs per
 *   client), on a machine other work shares;
 * - late joiner: a document built by 10,000 updates (a writer typing word by word), then
 *   new clients join one after another: time from creating the provider to holding the
 *   whole text (one joiner on each server in turn, as the fan-out rounds);
 * - memory per loaded document: 1,000 documents (2 KB of text each, stored beforehand),
 *   each opened by one client; heap + external memory after a full GC, minus the same
 *   measure before, divided by 1,000 (the connection is counted with its document); RSS
 *   growth is printed too;
 * - cold load: a compacted document (the state of 10,000 updates, one bytea row) stored in
 *   PostgreSQL, opened by one client: time until the client holds the whole text (one
 *   load on each server in turn). Ours checks the session and the rights first (one
 *   database round trip) and loads once they are known: an unknown visitor never makes it
 *   load a document; the peers load at once.
 *
 * Storage compared: ours is its own (yjs_documents + yjs_updates, compaction). The peers
 * use their PostgreSQL path: extension-database for Hocuspocus, setPersistence for the
 * reference server (bench/peers/*-server.*), one row per document holding its state; the
 * cold-load row is the same bytes for all three. Ours also authenticates every connection
 * (session cookie and draft rights, read side by side), the peers run without auth.
 *
 * The peers live in bench/peers (own package.json and lockfile), installed here on first
 * use, never in the app's dependencies. The run is repeated (BENCH_COLLAB_RUNS, 3), the
 * servers started afresh each time in a rotating order; the table shows the latencies of
 * the runs' samples pooled and the median of the other figures, and each goal is printed
 * with the ratio of every run.
 *
 * Settings: BENCH_COLLAB_RUNS (3), BENCH_COLLAB_CLIENTS ("2,20,100"), BENCH_COLLAB_ROUNDS
 * (samples aimed at per client count; 3000), BENCH_COLLAB_MIN_ROUNDS (1000), BENCH_COLLAB_BLOCK (20), BENCH_COLLAB_DOCUMENTS (1000), BENCH_COLLAB_UPDATES
 * (10000), BENCH_COLLAB_JOINERS (5), BENCH_COLLAB_SERVERS (all: ours,y-websocket,hocuspocus,floor), BENCH_COLLAB_MEASURES (all:
 * memory,fanout,late,cold), BENCH_COLLAB_BEFORE_DIR (another checkout whose ws-server runs
 * beside ours, labelled BENCH_COLLAB_BEFORE_LABEL), BENCH_COLLAB_PROFILE=1
 * writes a CPU profile of our server to bench/profiles/.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import v8 from 'node:v8';
import path from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { sql } from 'drizzle-orm';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { yjsDocuments } from '../../src/lib/server/db/schema';
import { median, percentile, sleep, until } from '../lib/measure';
import { benchDraftDocument, benchMember, MEMBER_EMAIL } from '../lib/members';
import { cpuTimeMs, startServer, type RunningServer } from '../lib/servers';
import type { Scenario, StandaloneContext } from '../lib/types';

const PEERS_DIR = path.resolve('bench/peers');

const settings = {
	runs: Number(process.env.BENCH_COLLAB_RUNS ?? 3),
	clientCounts: (process.env.BENCH_COLLAB_CLIENTS ?? '2,20,100').split(',').map(Number),
	samplesPerCount: Number(process.env.BENCH_COLLAB_ROUNDS ?? 3000),
	documents: Number(process.env.BENCH_COLLAB_DOCUMENTS ?? 1_000),
	updates: Number(process.env.BENCH_COLLAB_UPDATES ?? 10_000),
	servers: (process.env.BENCH_COLLAB_SERVERS ?? 'ours,y-websocket,hocuspocus,floor').split(','),
	measures: (process.env.BENCH_COLLAB_MEASURES ?? 'memory,fanout,late,cold').split(','),
	profile: process.env.BENCH_COLLAB_PROFILE === '1'
};
const LATE_JOINERS = Number(process.env.BENCH_COLLAB_JOINERS ?? 5);
// Every WebsocketProvider adds a process 'exit' listener in Node.
process.setMaxListeners(0);
const COLD_LOADS = 20;
const WARMUP_ROUNDS = 10;
/** Recorded rounds played on one server before the next (an even number: held and free alternate). */
const BLOCK_ROUNDS = Number(process.env.BENCH_COLLAB_BLOCK ?? 20);
// With 20 and 100 clients the samples of a round move together: the p99 is that of the rounds, so it takes many.
const MIN_ROUNDS = Number(process.env.BENCH_COLLAB_MIN_ROUNDS ?? 1000);
const WAIT_MS = 60_000;

type ServerKey = 'ours' | 'before' | 'y-websocket' | 'hocuspocus' | 'floor';

/** One client: a Y.Doc kept in sync by a provider. */
interface Client {
	doc: Y.Doc;
	text: Y.Text;
	synced(): boolean;
	destroy(): void;
}

interface ServerUnderTest {
	key: ServerKey;
	label: string;
	start(databaseUrl: string): Promise<RunningServer>;
	/** A fresh document name (ours: a draft the bench user may edit). */
	room(): Promise<string>;
	/** Writes a compacted state where this server loads it from. */
	store(name: string, state: Uint8Array): Promise<void>;
	/** A client; with `tap`, its socket's incoming messages pass through the probe first. */
	connect(url: string, name: string, tap?: SocketTap): Client;
	/** Recognises the messages that carry a document update, in this server's protocol. */
	isUpdate: UpdateTest;
	/** Measured on the fan-out only (the floor keeps no document). */
	fanoutOnly?: boolean;
}

/** Whether a message a client received carries a document update (per protocol). */
type UpdateTest = (bytes: Uint8Array) => boolean;
/** y-websocket's protocol: messageSync (0), then messageYjsUpdate (2). */
const isYWebsocketUpdate: UpdateTest = (bytes) => bytes[0] === 0 && bytes[1] === 2;
/** Hocuspocus's: the document name first (a varString), then Sync (0) and Update (2). */
const isHocuspocusUpdate: UpdateTest = (bytes) => {
	try {
		const decoder = decoding.createDecoder(bytes);
		decoding.readVarString(decoder);
		return decoding.readVarUint(decoder) === 0 && decoding.readVarUint(decoder) === 2;
	} catch {
		// Shorter than a name and two types: its one-byte ping, for instance.
		return false;
	}
};

/**
 * When an update reached each client's socket, apart from when the client had applied it.
 * All the bench's clients share one process (100 of them on a 2-core machine): the client
 * whose socket the server wrote last also waits for the 98 others to apply the update
 * before its own message is even read, ≈ 60 µs each with 100 writers in the document
 * (Yjs's state vectors), so "document updated" grows with the harness, not the server.
 * While a round is held, each message a socket receives is stamped on arrival (after ws
 * decoded its frame, as the provider would get it) and queued; once every receiver holds
 * the update, the queue is delivered to the providers in arrival order, and each client's
 * sample is the arrival time of the message that updated its document. The clients do all
 * their real work, only later; what is timed is the server's fan-out, as clients on their
 * own machines would see it, plus one apply (measured apart in the other rounds).
 */
class ArrivalProbe {
	/** The arrival time of the message being delivered, for the document's update listener. */
	delivering: number | null = null;
	private holding = false;
	private held: { at: number; deliver: () => void }[] = [];
	private arrived = new Set<number>();
	private expected = 0;
	private onArrived: () => void = () => {};

	constructor(private readonly isUpdate: UpdateTest) {}

	/** Holds what the sockets receive; resolves when `expected` clients got an update. */
	hold(expected: number): Promise<void> {
		this.holding = true;
		this.arrived.clear();
		this.expected = expected;
		return new Promise((resolve) => (this.onArrived = resolve));
	}

	/** Called by a tapped socket; true when the message was held (delivered later). */
	offer(client: number, data: unknown, deliver: () => void): boolean {
		if (!this.holding) return false;
		const at = performance.now();
		this.held.push({ at, deliver });
		if (data instanceof ArrayBuffer && this.isUpdate(new Uint8Array(data))) {
			this.arrived.add(client);
			if (this.arrived.size === this.expected) this.onArrived();
		}
		return true;
	}

	/** Stops holding and delivers the held messages in arrival order. */
	release(): void {
		this.holding = false;
		const held = this.held;
		this.held = [];
		for (const { at, deliver } of held) {
			this.delivering = at;
			try {
				deliver();
			} finally {
				this.delivering = null;
			}
		}
	}
}

interface SocketTap {
	probe: ArrivalProbe;
	client: number;
}

/** Figures of one server in one run. */
interface Figures {
	/**
	 * received: until the update reached each client's socket (held rounds, ArrivalProbe);
	 * applied: until each client's document held it, the clients applying in turn in this
	 * process (free rounds); cpuMs: the server process's CPU time (user + system) per round,
	 * from /proc; clientCpuMs: this process's (the clients') during that server's rounds.
	 */
	fanout: Record<number, { received: SampleSet; applied: SampleSet; lost: number; cpuMs: number; clientCpuMs: number }>;
	lateJoinMs: number;
	lateJoinBytes: number;
	memoryPerDocumentKb: number;
	rssPerDocumentKb: number;
	coldLoadMs: number;
	coldLoadP95Ms: number;
	coldLoadBytes: number;
}

const log = (message: string) => console.log(`[bench collab] ${message}`);
const waitFor = (condition: () => boolean, what: string) => until(condition, what, WAIT_MS);

function shuffled<T>(items: T[]): T[] {
	const copy = [...items];
	for (let index = copy.length - 1; index > 0; index--) {
		const other = Math.floor(Math.random() * (index + 1));
		[copy[index], copy[other]] = [copy[other], copy[index]];
	}
	return copy;
}

/** Installs bench/peers when its node_modules does not match its package.json. */
function ensurePeersInstalled(): void {
	const wanted = JSON.parse(readFileSync(path.join(PEERS_DIR, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
	const missing = Object.entries(wanted.dependencies).filter(([name, version]) => {
		const file = path.join(PEERS_DIR, 'node_modules', name, 'package.json');
		return !existsSync(file) || (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version !== version;
	});
	if (missing.length === 0) return;
	log(`installation des serveurs comparés dans bench/peers (${missing.map(([name]) => name).join(', ')})…`);
	execFileSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: PEERS_DIR, stdio: 'inherit' });
}

/**
 * A `ws` WebSocket class sending these headers in the handshake (our session cookie), and
 * with a tap, offering each incoming message to its probe before any listener gets it
 * (both providers listen to 'message': y-websocket through onmessage, Hocuspocus's through
 * addEventListener).
 */
function socketClassWith(headers: Record<string, string>, tap?: SocketTap): typeof globalThis.WebSocket {
	class HeaderSocket extends WebSocket {
		constructor(address: string, protocols?: string | string[]) {
			super(address, protocols, { headers });
		}

		override emit(event: string | symbol, ...args: unknown[]): boolean {
			if (tap && event === 'message' && tap.probe.offer(tap.client, args[0], () => super.emit(event, ...args))) return true;
			return super.emit(event, ...args);
		}
	}
	return HeaderSocket as unknown as typeof globalThis.WebSocket;
}

function websocketClient(url: string, name: string, headers: Record<string, string>, tap?: SocketTap): Client {
	const doc = new Y.Doc();
	const provider = new WebsocketProvider(url, name, doc, { WebSocketPolyfill: socketClassWith(headers, tap), disableBc: true });
	return {
		doc,
		text: doc.getText('body'),
		synced: () => provider.synced,
		destroy() {
			provider.destroy();
			doc.destroy();
		}
	};
}

/** The text every stored document starts from: a fiche-action, typed and corrected. */
function ficheAction(): Y.Doc {
	const doc = new Y.Doc();
	const text = doc.getText('body');
	const lines = [
		'Mission 2 : organiser des parcours pluriprofessionnels autour du patient. ',
		'Fiche-action « Insuffisance cardiaque » : objectif, repérer les patients à risque de décompensation et éviter les hospitalisations évitables. ',
		'Actions : protocole de suivi partagé entre médecins généralistes, infirmiers libéraux et pharmaciens ; pesée quotidienne et carnet de suivi. ',
		'Partenaires : centre hospitalier de référence, service de cardiologie, HAD, associations de patients. ',
		'Indicateurs : nombre de patients inclus, taux de réhospitalisation à 30 jours, nombre de réunions de concertation. ',
		'Calendrier : lancement au premier trimestre, bilan à douze mois. Budget : temps de coordination et indemnisation des réunions. '
	];
	for (const line of lines) {
		for (const word of line.split(/(?<= )/)) text.insert(text.length, word);
	}
	text.delete(10, 12);
	text.insert(10, 'organiser ');
	return doc;
}

/** A document of `count` updates: a writer typing word by word, as the late joiner sees it. */
function documentOfUpdates(count: number): Y.Doc {
	const doc = new Y.Doc();
	const text = doc.getText('body');
	for (let index = 0; index < count; index++) text.insert(text.length, `mot${index % 100} `);
	return doc;
}

async function serversUnderTest(context: StandaloneContext): Promise<ServerUnderTest[]> {
	const { db } = context;
	const { cptsId } = await benchMember(db);
	const cookie = await context.sessionCookie(MEMBER_EMAIL);
	const { HocuspocusProvider } = (await import(pathToFileURL(path.join(PEERS_DIR, 'providers.mjs')).href)) as {
		HocuspocusProvider: new (options: Record<string, unknown>) => { isSynced: boolean; destroy(): void };
	};
	let counter = 0;
	const peerRoom = async () => `bench-${process.pid}-${++counter}`;
	const peerStore = (server: string) => async (name: string, state: Uint8Array) => {
		await db.execute(sql`insert into bench_peer_documents (server, name, state) values (${server}, ${name}, ${Buffer.from(state)})
			on conflict (server, name) do update set state = excluded.state`);
	};
	await db.execute(sql`create table if not exists bench_peer_documents (server text, name text, state bytea not null, primary key (server, name))`);
	const all: ServerUnderTest[] = [
		{
			key: 'ours',
			label: 'ws-server (nôtre)',
			start: (databaseUrl) =>
				startServer({
					name: 'ws-server',
					entry: 'bench/servers/collab.ts',
					readyPath: '/',
					env: { DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn', NODE_ENV: 'production' },
					nodeArgs: ['--expose-gc', ...(settings.profile ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve('bench/profiles')}`] : [])]
				}),
			room: () => benchDraftDocument(db, cptsId, `Banc collaboration ${++counter}`),
			async store(name, state) {
				await db.insert(yjsDocuments).values({ name, state });
			},
			isUpdate: isYWebsocketUpdate,
			connect: (url, name, tap) => websocketClient(`${url}/collab`, name, { cookie }, tap)
		},
		{
			key: 'y-websocket',
			label: 'y-websocket 1.5.4 (référence)',
			start: (databaseUrl) =>
				startServer({ name: 'y-websocket', entry: 'bench/peers/y-websocket-server.cjs', readyPath: '/', env: { DATABASE_URL: databaseUrl }, nodeArgs: ['--expose-gc'] }),
			room: peerRoom,
			store: peerStore('y-websocket'),
			isUpdate: isYWebsocketUpdate,
			connect: (url, name, tap) => websocketClient(url, name, {}, tap)
		},
		{
			key: 'hocuspocus',
			label: `Hocuspocus ${peerVersion('@hocuspocus/server')}`,
			start: (databaseUrl) =>
				startServer({ name: 'hocuspocus', entry: 'bench/peers/hocuspocus-server.mjs', readyPath: '/', env: { DATABASE_URL: databaseUrl }, nodeArgs: ['--expose-gc'] }),
			room: peerRoom,
			store: peerStore('hocuspocus'),
			isUpdate: isHocuspocusUpdate,
			connect(url, name, tap) {
				const doc = new Y.Doc();
				const provider = new HocuspocusProvider({ url: url.replace(/^http/, 'ws'), name, document: doc, WebSocketPolyfill: socketClassWith({}, tap) });
				return {
					doc,
					text: doc.getText('body'),
					synced: () => provider.isSynced,
					destroy() {
						provider.destroy();
						doc.destroy();
					}
				};
			}
		},
		{
			key: 'floor',
			label: 'plancher (relais ws sans Yjs)',
			start: () => startServer({ name: 'relais', entry: 'bench/servers/relay.ts', readyPath: '/', env: {} }),
			room: peerRoom,
			store: async () => {},
			isUpdate: isYWebsocketUpdate,
			connect: (url, name, tap) => websocketClient(url, name, {}, tap),
			fanoutOnly: true
		}
	];
	const chosen = all.filter((server) => settings.servers.includes(server.key));
	// Before/after a change: another checkout's ws-server (with this launcher copied into
	// its bench/servers/ and dependencies installed) runs beside ours on the same workload.
	const before = process.env.BENCH_COLLAB_BEFORE_DIR;
	if (before) {
		const ours = all[0];
		chosen.splice(1, 0, {
			...ours,
			key: 'before',
			label: `ws-server (${process.env.BENCH_COLLAB_BEFORE_LABEL ?? 'avant'})`,
			start: (databaseUrl) =>
				startServer({
					name: 'ws-server (avant)',
					entry: path.join(before, 'bench/servers/collab.ts'),
					readyPath: '/',
					env: { DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn', NODE_ENV: 'production' },
					nodeArgs: ['--expose-gc']
				})
		});
	}
	return chosen;
}

function peerVersion(name: string): string {
	const file = path.join(PEERS_DIR, 'node_modules', name, 'package.json');
	return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version : '?';
}

async function memory(url: string): Promise<{ heapUsed: number; external: number; rss: number; documents: number }> {
	const response = await fetch(`${url}/memory`);
	return (await response.json()) as { heapUsed: number; external: number; rss: number; documents: number };
}

/** Opens clients `concurrency` at a time; each counts once its text has `length` characters. */
async function openAll(server: ServerUnderTest, url: string, names: string[], length: number, concurrency = 50): Promise<Client[]> {
	const clients: Client[] = [];
	for (let offset = 0; offset < names.length; offset += concurrency) {
		const batch = names.slice(offset, offset + concurrency).map((name) => server.connect(url, name));
		clients.push(...batch);
		await waitFor(() => batch.every((client) => client.synced() && client.text.length === length), `${batch.length} clients chargés`);
	}
	return clients;
}

async function measureMemory(server: ServerUnderTest, url: string, figures: Figures): Promise<void> {
	const state = Y.encodeStateAsUpdate(ficheAction());
	const length = ficheAction().getText('body').length;
	const names: string[] = [];
	for (let index = 0; index < settings.documents; index++) {
		const name = await server.room();
		await server.store(name, state);
		names.push(name);
	}
	const before = await memory(url);
	const clients = await openAll(server, url, names, length);
	await sleep(500); // let the servers settle (deferred work after a load)
	const after = await memory(url);
	if (after.documents < settings.documents) log(`  attention : ${after.documents} documents chargés sur ${settings.documents}`);
	const perDocument = (bytes: number) => bytes / settings.documents / 1024;
	figures.memoryPerDocumentKb = perDocument(after.heapUsed + after.external - before.heapUsed - before.external);
	figures.rssPerDocumentKb = perDocument(after.rss - before.rss);
	for (const client of clients) client.destroy();
	// Written and unloaded before the next measure.
	const deadline = Date.now() + 30_000;
	while ((await memory(url)).documents > 0 && Date.now() < deadline) await sleep(200);
}

/** Latency samples of one kind of round, in ms, each with the time its round started. */
interface Samples {
	values: { ms: number; from: number }[];
	lost: number;
}

/**
 * The samples of one kind of round on one server, sorted: all of them, and those whose
 * round no garbage collection of this process overlapped. Kept whole (not as quantiles)
 * so that the passes can be pooled: a p99 of 300 samples is their third worst and moves
 * by a third between two identical passes.
 */
interface SampleSet {
	all: number[];
	withoutHarnessGc: number[];
}

/** Whether this process may trigger its own collections (node --expose-gc, as `npm run bench` runs it). */
const canCollect = typeof globalThis.gc === 'function';

/**
 * Between rounds, empties the bench's young generation when what is left of it may not
 * hold two more rounds' allocations (the largest seen), so that V8 seldom has to collect
 * it during a round: the pause would be timed as the server's. A minor collection (the
 * live clients are not traversed again); its time is in no round, nor in the clients' CPU
 * per round. `roundEnded` learns what a round allocated.
 */
const harnessGarbage = {
	largestRound: 0,
	usedAtStart: 0,
	beforeRound(): void {
		if (!canCollect) return;
		let young = youngGeneration();
		// space_size counts both semi-spaces; what a round can use before V8 collects is this.
		if (young.space_available_size < 2 * this.largestRound) {
			(globalThis.gc as (options: { type: 'minor' }) => void)({ type: 'minor' });
			young = youngGeneration();
		}
		this.usedAtStart = young.space_used_size;
	},
	roundEnded(): void {
		if (!canCollect) return;
		const allocated = youngGeneration().space_used_size - this.usedAtStart;
		// Negative: V8 collected during the round after all.
		if (allocated > this.largestRound) this.largestRound = allocated;
	}
};

function youngGeneration(): v8.HeapSpaceInfo {
	return v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')!;
}

/**
 * This process's garbage-collection pauses, as V8 reports them. With 100 clients per
 * server (300 Y.Docs of 100 writers here), a young-generation collection takes ≈ 6 ms and
 * comes every few rounds: a round it overlaps measures the harness's pause, whatever the
 * server did, and such rounds made most of the 100-client p99. Samples are kept with the
 * start of their round, and set apart afterwards if a pause overlapped it (the observer
 * reports pauses a little after they happen).
 */
class HarnessPauses {
	private pauses: { start: number; end: number }[] = [];
	private readonly observer = new PerformanceObserver((list) => this.record(list.getEntries()));

	start(): void {
		this.observer.observe({ entryTypes: ['gc'] });
	}

	/** Stops observing; what V8 reported until now is kept. */
	stop(): void {
		this.record(this.observer.takeRecords());
		this.observer.disconnect();
	}

	/** Sorts `samples`, all of them and those no pause overlapped. */
	split(samples: Samples): SampleSet {
		const byMs = (a: number, b: number) => a - b;
		return {
			all: samples.values.map((sample) => sample.ms).sort(byMs),
			withoutHarnessGc: samples.values.filter((sample) => !this.overlaps(sample.from, sample.from + sample.ms)).map((sample) => sample.ms).sort(byMs)
		};
	}

	private record(entries: { startTime: number; duration: number }[]): void {
		for (const entry of entries) this.pauses.push({ start: entry.startTime, end: entry.startTime + entry.duration });
	}

	private overlaps(from: number, to: number): boolean {
		return this.pauses.some((pause) => pause.start < to && pause.end > from);
	}
}

/** One document with `count` clients of one server, on which fan-out rounds are played. */
interface FanoutRig {
	key: ServerKey;
	pid: number | undefined;
	clients: Client[];
	/** Until each client's socket had the update (held rounds), and until its document had it. */
	arrival: Samples;
	applied: Samples;
	/** CPU time of this process (the clients) during the recorded rounds, in µs. */
	clientCpuUs: number;
	/**
	 * The next client (in turn) types a word; resolves once every other client holds it.
	 * `held`: the messages wait until every client's socket has the update (ArrivalProbe).
	 */
	round(recording: boolean, held: boolean): Promise<void>;
}

async function fanoutRig(server: ServerUnderTest, running: RunningServer, count: number): Promise<FanoutRig> {
	const name = await server.room();
	const probe = new ArrivalProbe(server.isUpdate);
	const clients: Client[] = [];
	for (let index = 0; index < count; index++) clients.push(server.connect(running.url, name, { probe, client: index }));
	await waitFor(() => clients.every((client) => client.synced()), `${count} clients synchronisés`);
	// Each receiver notes when a remote update lands; the round knows when it started.
	let roundStart = 0;
	let pending = 0;
	let roundDone: () => void = () => {};
	let sender: Client | null = null;
	let samples: Samples | null = null;
	let played = 0;
	const rig: FanoutRig = {
		key: server.key,
		pid: running.process.pid,
		clients,
		arrival: { values: [], lost: 0 },
		applied: { values: [], lost: 0 },
		clientCpuUs: 0,
		async round(record, held) {
			samples = record ? (held ? rig.arrival : rig.applied) : null;
			sender = clients[played % count];
			pending = count - 1;
			let timer: NodeJS.Timeout | undefined;
			const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, 10_000)));
			const done = new Promise<void>((resolve) => (roundDone = resolve));
			const arrived = held ? probe.hold(count - 1) : null;
			harnessGarbage.beforeRound();
			const cpu = process.cpuUsage();
			roundStart = performance.now();
			sender.text.insert(sender.text.length, `mot${played++} `);
			if (arrived) {
				await Promise.race([arrived, timeout]);
				probe.release();
			}
			await Promise.race([done, timeout]);
			harnessGarbage.roundEnded();
			clearTimeout(timer);
			if (samples) {
				const used = process.cpuUsage(cpu);
				rig.clientCpuUs += used.user + used.system;
				samples.lost += pending;
			}
			pending = 0;
		}
	};
	for (const client of clients) {
		client.doc.on('update', (_update: Uint8Array, origin: unknown) => {
			if (client === sender || origin === null || pending === 0) return;
			samples?.values.push({ ms: (probe.delivering ?? performance.now()) - roundStart, from: roundStart });
			if (--pending === 0) roundDone();
		});
	}
	return rig;
}

/**
 * Fan-out with `count` clients on every server at once, rounds interleaved in short blocks
 * (BLOCK_ROUNDS on one server, then on the next, in a new order every time): the load of a
 * shared machine changes from one second to the next, and measured one after the other the
 * servers met different loads (the same server measured twice that way differed by 20 %).
 * Blocks rather than single rounds: what a server and its clients still do after a round
 * (Hocuspocus acknowledges each update to its sender, ours applies after relaying, every
 * server re-arms its storage timer) would otherwise fall on another server's round two
 * times in three (ours alone had a 2-client p99 of 2.0 ms; beside the two others, round by
 * round, 3.4–5.5). Blocks of 20 against single rounds made no difference we could measure
 * through the noise of this 2-core machine; they are kept because they remove that
 * cross-talk by construction. The first round of a block, which meets what the previous
 * block left, is not recorded.
 */
async function measureFanout(order: ServerUnderTest[], running: Map<ServerKey, RunningServer>, count: number, figures: Map<ServerKey, Figures>): Promise<void> {
	const rigs: FanoutRig[] = [];
	for (const server of order) rigs.push(await fanoutRig(server, running.get(server.key)!, count));
	const rounds = Math.max(MIN_ROUNDS, Math.ceil(settings.samplesPerCount / (count - 1)));
	const blockRounds = Math.max(2, Math.min(BLOCK_ROUNDS, Math.floor(rounds / 10) * 2));
	const pauses = new HarnessPauses();
	pauses.start();
	for (let round = 0; round < WARMUP_ROUNDS; round++) for (const rig of rigs) await rig.round(false, round % 2 === 0);
	const cpuBefore = rigs.map((rig) => cpuTimeMs(rig.pid));
	let settling = 0;
	for (let first = 0; first < 2 * rounds; first += blockRounds) {
		// A new order each time: no server always follows the same one.
		for (const rig of shuffled(rigs)) {
			await rig.round(false, false);
			settling++;
			// Held and free rounds alternate, so both kinds meet the same machine.
			for (let round = first; round < Math.min(first + blockRounds, 2 * rounds); round++) await rig.round(true, round % 2 === 0);
		}
	}
	await sleep(50); // the last pauses reported
	pauses.stop();
	for (const [index, rig] of rigs.entries()) {
		const cpuMs = (cpuTimeMs(rig.pid) - cpuBefore[index]) / (2 * rounds + settling / rigs.length);
		const expected = rig.clients[0].text.toString();
		await waitFor(() => rig.clients.every((client) => client.text.toString() === expected), 'convergence');
		figures.get(rig.key)!.fanout[count] = {
			received: pauses.split(rig.arrival),
			applied: pauses.split(rig.applied),
			lost: rig.arrival.lost + rig.applied.lost,
			cpuMs,
			clientCpuMs: rig.clientCpuUs / 1000 / (2 * rounds)
		};
		for (const client of rig.clients) client.destroy();
	}
}

/** A document built by `settings.updates` updates on one server, and its text length. */
async function documentTypedOn(server: ServerUnderTest, url: string): Promise<{ name: string; length: number; bytes: number; close(): void }> {
	const name = await server.room();
	const writer = server.connect(url, name);
	const observer = server.connect(url, name);
	await waitFor(() => writer.synced() && observer.synced(), 'rédacteur synchronisé');
	for (let index = 0; index < settings.updates; index++) {
		writer.text.insert(writer.text.length, `mot${index % 100} `);
		// Typing, not a paste: let the socket drain now and then.
		if (index % 200 === 199) await new Promise((resolve) => setImmediate(resolve));
	}
	const length = writer.text.length;
	await waitFor(() => observer.text.length === length, `${settings.updates} mises à jour reçues par le serveur`);
	return {
		name,
		length,
		bytes: Y.encodeStateAsUpdate(writer.doc).byteLength,
		close() {
			writer.destroy();
			observer.destroy();
		}
	};
}

/** Time from creating a client to its holding the whole text. */
async function timeToText(server: ServerUnderTest, url: string, name: string, length: number, what: string): Promise<number> {
	const started = performance.now();
	const client = server.connect(url, name);
	await waitFor(() => client.text.length === length, what);
	const elapsed = performance.now() - started;
	client.destroy();
	return elapsed;
}

/**
 * Late joiners, then cold loads, with the servers interleaved as in the fan-out (one
 * sample on each server, in a new order every time).
 */
async function measureJoins(order: ServerUnderTest[], running: Map<ServerKey, RunningServer>, figures: Map<ServerKey, Figures>): Promise<void> {
	const url = (server: ServerUnderTest) => running.get(server.key)!.url;
	if (settings.measures.includes('late')) {
		log(`  retardataires sur ${settings.updates} mises à jour, alternés…`);
		const typed = new Map<ServerKey, Awaited<ReturnType<typeof documentTypedOn>>>();
		for (const server of order) typed.set(server.key, await documentTypedOn(server, url(server)));
		const times = new Map<ServerKey, number[]>(order.map((server) => [server.key, []]));
		for (let joiner = 0; joiner < LATE_JOINERS; joiner++) {
			for (const server of shuffled(order)) {
				const { name, length } = typed.get(server.key)!;
				times.get(server.key)!.push(await timeToText(server, url(server), name, length, 'retardataire synchronisé'));
			}
		}
		for (const server of order) {
			const document = typed.get(server.key)!;
			figures.get(server.key)!.lateJoinMs = median(times.get(server.key)!);
			figures.get(server.key)!.lateJoinBytes = document.bytes;
			document.close();
		}
	}
	if (settings.measures.includes('cold')) {
		log('  chargements à froid, alternés…');
		const source = documentOfUpdates(settings.updates);
		const state = Y.encodeStateAsUpdate(source);
		const length = source.getText('body').length;
		const names = new Map<ServerKey, string[]>();
		for (const server of order) {
			const stored: string[] = [];
			for (let index = 0; index < COLD_LOADS; index++) {
				const name = await server.room();
				await server.store(name, state);
				stored.push(name);
			}
			names.set(server.key, stored);
		}
		const times = new Map<ServerKey, number[]>(order.map((server) => [server.key, []]));
		for (let index = 0; index < COLD_LOADS; index++) {
			for (const server of shuffled(order)) {
				times.get(server.key)!.push(await timeToText(server, url(server), names.get(server.key)![index], length, 'document chargé'));
			}
		}
		for (const server of order) {
			const sorted = times.get(server.key)!.sort((a, b) => a - b);
			Object.assign(figures.get(server.key)!, { coldLoadMs: percentile(sorted, 0.5), coldLoadP95Ms: percentile(sorted, 0.95), coldLoadBytes: state.byteLength });
		}
	}
}

/** One run: every server started; memory one server after the other, the timings interleaved. */
async function runAll(order: ServerUnderTest[], databaseUrl: string): Promise<Map<ServerKey, Figures>> {
	const running = new Map<ServerKey, RunningServer>();
	const figures = new Map<ServerKey, Figures>(order.map((server) => [server.key, { fanout: {} } as Figures]));
	try {
		for (const server of order) running.set(server.key, await server.start(databaseUrl));
		const keeping = order.filter((server) => !server.fanoutOnly);
		if (settings.measures.includes('memory')) {
			for (const server of keeping) {
				log(`  ${server.label} : mémoire de ${settings.documents} documents…`);
				await measureMemory(server, running.get(server.key)!.url, figures.get(server.key)!);
			}
		}
		for (const count of settings.measures.includes('fanout') ? settings.clientCounts : []) {
			log(`  diffusion, ${count} clients sur chaque serveur, tours alternés…`);
			await measureFanout(order, running, count, figures);
		}
		await measureJoins(keeping, running, figures);
	} finally {
		await Promise.all([...running.values()].map((server) => server.stop()));
	}
	return figures;
}

const ms = (value: number) => (Number.isFinite(value) ? (value < 10 ? value.toFixed(2) : value.toFixed(1)) : '—');
const kb = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '—');

/** A latency figure of the fan-out: a quantile of one kind of round, over all samples or those no harness pause touched. */
interface LatencyMeasure {
	label: string;
	kind: 'received' | 'applied';
	subset: keyof SampleSet;
	share: number;
}
const LATENCY_MEASURES: LatencyMeasure[] = [
	{ label: 'reçue p50', kind: 'received', subset: 'all', share: 0.5 },
	{ label: 'reçue p99', kind: 'received', subset: 'all', share: 0.99 },
	{ label: 'reçue p99 hors GC du banc', kind: 'received', subset: 'withoutHarnessGc', share: 0.99 },
	{ label: 'appliquée p50', kind: 'applied', subset: 'all', share: 0.5 },
	{ label: 'appliquée p99', kind: 'applied', subset: 'all', share: 0.99 }
];

/** The measure over the samples of these runs pooled (one run: that run's). */
function latency(runs: Figures[], count: number, measure: LatencyMeasure): number {
	const pooled = runs.flatMap((figures) => figures.fanout[count]?.[measure.kind][measure.subset] ?? []);
	return percentile(pooled.sort((a, b) => a - b), measure.share);
}

/** Share of received samples whose round a garbage collection of the bench process overlapped, in %. */
function harnessGcShare(runs: Figures[], count: number): number {
	const sets = runs.map((figures) => figures.fanout[count]?.received).filter((set) => set !== undefined);
	const all = sets.reduce((sum, set) => sum + set.all.length, 0);
	const clean = sets.reduce((sum, set) => sum + set.withoutHarnessGc.length, 0);
	return all === 0 ? Number.NaN : (100 * (all - clean)) / all;
}

/** A run's figures for the log line: each sample list summed up as its size, p50 and p99. */
function summarised(figures: Figures): string {
	return JSON.stringify(figures, (_key, value: unknown) => {
		if (Array.isArray(value)) return `${value.length} éch., p50 ${ms(percentile(value as number[], 0.5))}, p99 ${ms(percentile(value as number[], 0.99))}`;
		return typeof value === 'number' ? Number(value.toFixed(2)) : value;
	});
}

function table(servers: ServerUnderTest[], results: Map<ServerKey, Figures[]>): string {
	const runsOf = (key: ServerKey) => results.get(key) ?? [];
	const med = (pick: (figures: Figures) => number) => (key: ServerKey) => median(runsOf(key).map(pick));
	const rows: { label: string; value: (key: ServerKey) => number; format: (value: number) => string }[] = [];
	for (const count of settings.clientCounts) {
		for (const measure of LATENCY_MEASURES) {
			rows.push({ label: `Diffusion ${count} clients, ${measure.label} (ms) *`, value: (key) => latency(runsOf(key), count, measure), format: ms });
		}
		rows.push({ label: `Diffusion ${count} clients, reçues pendant un GC du banc (%) *`, value: (key) => harnessGcShare(runsOf(key), count), format: kb });
		rows.push({ label: `Diffusion ${count} clients, CPU serveur / tour (ms)`, value: med((f) => f.fanout[count]?.cpuMs ?? Number.NaN), format: ms });
		rows.push({ label: `Diffusion ${count} clients, CPU des clients / tour (ms)`, value: med((f) => f.fanout[count]?.clientCpuMs ?? Number.NaN), format: ms });
	}
	rows.push({ label: `Retardataire, ${settings.updates} mises à jour (ms)`, value: med((f) => f.lateJoinMs), format: ms });
	rows.push({ label: 'Mémoire / document chargé, tas + externe (Kio)', value: med((f) => f.memoryPerDocumentKb), format: kb });
	rows.push({ label: 'Mémoire / document chargé, RSS (Kio)', value: med((f) => f.rssPerDocumentKb), format: kb });
	rows.push({ label: 'Chargement à froid depuis PostgreSQL, p50 (ms)', value: med((f) => f.coldLoadMs), format: ms });
	rows.push({ label: 'Chargement à froid depuis PostgreSQL, p95 (ms)', value: med((f) => f.coldLoadP95Ms), format: ms });
	const header = ['Mesure (médiane des passes ; * échantillons des passes réunis)', ...servers.map((server) => server.label)];
	const lines = rows.map((row) => [row.label, ...servers.map((server) => row.format(row.value(server.key)))]);
	const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column].length)));
	const format = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
	return [format(header), widths.map((width) => '─'.repeat(width)).join('  '), ...lines.map(format)].join('\n');
}

/**
 * The issue's goals: latencies checked on the samples of all runs pooled, memory on the
 * median; the ratio of each run is printed too (the servers of one run met the same
 * machine, those of two runs may not have).
 */
function verdicts(results: Map<ServerKey, Figures[]>): string[] {
	const ours = results.get('ours');
	if (!ours) return [];
	const lines: string[] = [];
	/** `overall` over all runs of a server; `perRun` over one run's figures. */
	const check = (label: string, key: ServerKey, overall: (runs: Figures[]) => number, factor: number) => {
		const bounds = results.get(key);
		if (!bounds) return;
		const value = overall(ours);
		const bound = overall(bounds);
		if (!Number.isFinite(value) || !Number.isFinite(bound)) return;
		const ratio = value / bound;
		const perRun = ours.map((figures, run) => overall([figures]) / overall([bounds[run]])).filter(Number.isFinite);
		lines.push(
			`${ratio <= factor ? 'OK ' : 'NON'} ${label} : ${ms(value)} / ${ms(bound)} = ${ratio.toFixed(2)} (objectif ≤ ${factor}) ; ` +
				`par passe ${perRun.map((each) => each.toFixed(2)).join(', ')}, médiane ${median(perRun).toFixed(2)}`
		);
	};
	for (const count of settings.clientCounts) {
		for (const measure of LATENCY_MEASURES) {
			const overall = (runs: Figures[]) => latency(runs, count, measure);
			check(`diffusion ${count} clients ${measure.label}, nôtre / y-websocket`, 'y-websocket', overall, 1);
			check(`diffusion ${count} clients ${measure.label}, nôtre / Hocuspocus`, 'hocuspocus', overall, 0.8);
			check(`diffusion ${count} clients ${measure.label}, nôtre / avant`, 'before', overall, 1);
		}
	}
	check('mémoire par document, nôtre / Hocuspocus', 'hocuspocus', (runs) => median(runs.map((f) => f.memoryPerDocumentKb)), 0.8);
	return lines;
}

const scenario: Scenario = {
	name: 'collab',
	description: 'Collaboration : ws-server, y-websocket 1.5.4 et Hocuspocus côte à côte',
	async run(context) {
		ensurePeersInstalled();
		if (!canCollect) log('attention : banc lancé sans --expose-gc (npm run bench le passe) : ses collectes tomberont dans les tours de diffusion');
		if (settings.profile) mkdirSync('bench/profiles', { recursive: true });
		const servers = await serversUnderTest(context);
		const results = new Map<ServerKey, Figures[]>();
		for (let run = 0; run < settings.runs; run++) {
			// A rotating order, so no server always runs first (or last) on a warming machine.
			const order = servers.map((_, index) => servers[(index + run) % servers.length]);
			log(`passe ${run + 1}/${settings.runs} : ${order.map((server) => server.label).join(', ')}`);
			const figuresOfRun = await runAll(order, context.databaseUrl);
			for (const server of order) {
				const figures = figuresOfRun.get(server.key)!;
				results.set(server.key, [...(results.get(server.key) ?? []), figures]);
				log(`  ${server.label} : ${summarised(figures)}`);
			}
		}
		const first = results.values().next().value?.[0];
		console.log('');
		console.log(
			`Collaboration : Node ${process.version}, ${os.cpus().length} processeur(s), Yjs identique pour tous, serveurs en processus séparés, ` +
				`clients dans le processus du banc ; médiane de ${settings.runs} passe(s).`
		);
		if (first) {
			console.log(
				`Documents : retardataire ${Math.round(first.lateJoinBytes / 1024)} Kio d’état, chargement à froid ${Math.round(first.coldLoadBytes / 1024)} Kio (une ligne bytea), ` +
					`${settings.documents} documents de ${Math.round(Y.encodeStateAsUpdate(ficheAction()).byteLength / 1024)} Kio pour la mémoire.`
			);
		}
		console.log(table(servers, results));
		for (const line of verdicts(results)) console.log(line);
		const lost = [...results.entries()].flatMap(([key, runs]) =>
			runs.flatMap((figures) => Object.entries(figures.fanout).filter(([, value]) => value.lost > 0).map(([count, value]) => `${key} ${count} clients : ${value.lost}`))
		);
		if (lost.length > 0) console.log(`Mises à jour non reçues en 10 s : ${lost.join(', ')}`);
	}
};

export default scenario;
