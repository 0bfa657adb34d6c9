/**
 * `npm run bench -- presence`: what one presence change (a cursor moving) costs our
 * ws-server, with the editor's provider (OwnPresenceProvider: sends only its own presence)
 * beside y-websocket's own WebsocketProvider (which also sends on every change it receives,
 * so each move comes back from every other person on the draft). N people on one draft
 * (5 and 20); each in turn moves (500 moves); a move ends when every other client holds it.
 * Printed per provider: messages the server received per move, its CPU time per move (from
 * /proc; it runs as its own process, bench/servers/collab.ts, as in the collab bench), and
 * the time until everyone saw the move (p50 / p95). The two providers alternate (two passes
 * each) and the figures are the medians of the passes.
 *
 * Settings: BENCH_PRESENCE_PEOPLE ("5,20"), BENCH_PRESENCE_MOVES (500).
 */
import { WebsocketProvider } from 'y-websocket';
import { OwnPresenceProvider } from '../../src/lib/client/drafts/provider';
import { connectClient, type TestClient } from '../../test/ws/collab-peers';
import { median, percentile, sleep, sortedCopy, until } from '../lib/measure';
import { benchDraftDocument, benchMember, MEMBER_EMAIL } from '../lib/members';
import { cpuTimeMs, startServer, type RunningServer } from '../lib/servers';
import type { Scenario } from '../lib/types';

const PEOPLE = (process.env.BENCH_PRESENCE_PEOPLE ?? '5,20').split(',').map(Number);
const MOVES = Number(process.env.BENCH_PRESENCE_MOVES ?? 500);
const PASSES = 2;
const PROVIDERS: { label: string; Provider: typeof WebsocketProvider }[] = [
	{ label: 'WebsocketProvider (y-websocket)', Provider: WebsocketProvider },
	{ label: 'OwnPresenceProvider (l’éditeur)', Provider: OwnPresenceProvider }
];

interface PassFigures {
	messagesPerMove: number;
	cpuMsPerMove: number;
	seenP50: number;
	seenP95: number;
}

const log = (message: string) => console.log(`[bench presence] ${message}`);

/** Waits timed as the move's: polled on every turn of the event loop. */
const untilSeen = (condition: () => boolean, what: string) => until(condition, what, 20_000, 0);

async function messagesReceived(server: RunningServer): Promise<number> {
	const response = await fetch(`${server.url}/metrics`);
	return ((await response.json()) as { messagesTotal: number }).messagesTotal;
}

/** One pass: `people` clients of one provider on a new draft, each moving in turn. */
async function pass(server: RunningServer, documentName: string, cookie: string, people: number, Provider: typeof WebsocketProvider): Promise<PassFigures> {
	const clients: TestClient[] = [];
	for (let index = 0; index < people; index++) clients.push(connectClient(`${server.url}/collab`, documentName, cookie, { origin: server.url }, Provider));
	try {
		await until(() => clients.every((client) => client.provider.synced), 'clients synchronisés');
		const cursorOf = (observer: TestClient, mover: TestClient) => (observer.provider.awareness.getStates().get(mover.doc.clientID) as { cursor?: number } | undefined)?.cursor;
		for (const client of clients) client.provider.awareness.setLocalStateField('cursor', -1);
		await until(() => clients.every((mover) => clients.every((observer) => observer === mover || cursorOf(observer, mover) === -1)), 'présences échangées');
		await sleep(300); // arrivals and their echoes over
		const messagesBefore = await messagesReceived(server);
		const cpuBefore = cpuTimeMs(server.process.pid);
		const seen: number[] = [];
		for (let move = 0; move < MOVES; move++) {
			const mover = clients[move % people];
			const started = performance.now();
			mover.provider.awareness.setLocalStateField('cursor', move);
			await untilSeen(() => clients.every((observer) => observer === mover || cursorOf(observer, mover) === move), 'déplacement vu de tous');
			seen.push(performance.now() - started);
		}
		await sleep(300); // the last echoes counted
		const messages = (await messagesReceived(server)) - messagesBefore;
		const cpuMs = cpuTimeMs(server.process.pid) - cpuBefore;
		const sorted = sortedCopy(seen);
		return { messagesPerMove: messages / MOVES, cpuMsPerMove: cpuMs / MOVES, seenP50: percentile(sorted, 0.5), seenP95: percentile(sorted, 0.95) };
	} finally {
		for (const client of clients) client.destroy();
	}
}

const scenario: Scenario = {
	name: 'presence',
	description: 'Présence : coût d’un déplacement de curseur pour ws-server, selon le fournisseur',
	async run(context) {
		const { cptsId } = await benchMember(context.db);
		const cookie = await context.sessionCookie(MEMBER_EMAIL);
		const server = await startServer({
			name: 'ws-server',
			entry: 'bench/servers/collab.ts',
			readyPath: '/',
			env: { DATABASE_URL: context.databaseUrl, LOG_LEVEL: 'warn', NODE_ENV: 'production' }
		});
		const rows: string[][] = [];
		try {
			for (const people of PEOPLE) {
				const figures = new Map<string, PassFigures[]>(PROVIDERS.map((provider) => [provider.label, []]));
				for (let round = 0; round < PASSES; round++) {
					for (const { label, Provider } of round % 2 === 0 ? PROVIDERS : [...PROVIDERS].reverse()) {
						const documentName = await benchDraftDocument(context.db, cptsId, `Banc présence ${people} ${label}`);
						log(`${people} personnes, ${label}, passe ${round + 1}/${PASSES}…`);
						figures.get(label)!.push(await pass(server, documentName, cookie, people, Provider));
					}
				}
				for (const { label } of PROVIDERS) {
					const passes = figures.get(label)!;
					const med = (pick: (each: PassFigures) => number) => median(passes.map(pick));
					rows.push([
						`${people} personnes`,
						label,
						med((each) => each.messagesPerMove).toFixed(1),
						(1000 * med((each) => each.cpuMsPerMove)).toFixed(0),
						`${med((each) => each.seenP50).toFixed(2)} / ${med((each) => each.seenP95).toFixed(2)}`
					]);
				}
			}
		} finally {
			await server.stop();
		}
		const header = ['Document', 'Fournisseur', 'Messages reçus / déplacement', 'CPU serveur / déplacement (µs)', 'Vu de tous p50 / p95 (ms)'];
		const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
		const format = (cells: string[]) => cells.map((cell, column) => (column < 2 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
		console.log('');
		console.log(`Présence : ${MOVES} déplacements par passe, médiane de ${PASSES} passes par fournisseur (CPU du processus ws-server, /proc, pas de 10 ms).`);
		console.log([format(header), widths.map((width) => '─'.repeat(width)).join('  '), ...rows.map(format)].join('\n'));
	}
};

export default scenario;
