/**
 * What reading "the text as typed" costs: exports (and frozen versions) first flush the
 * draft's live document wherever it is open, then read the stored text. Timed (p50/p95 of
 * 30 calls) against the old read of the stored text alone, with the document open nowhere,
 * in this process, and on two other instances reached through Redis (one paragraph typed
 * before each call, so each flush writes); then a restore until four clients on two
 * instances all hold the restored text; then the bytes one presence change costs on Redis.
 *
 * `npm run bench -- live`, or alone: `npx tsx bench/scenarios/live.ts` (its own database
 * cpts_bench_live). Needs Redis at BENCH_REDIS_URL (redis://127.0.0.1:6379).
 */
import { pathToFileURL } from 'node:url';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { SessionUser } from '../../src/lib/server/auth/session';
import { draftDocumentName } from '../../src/lib/server/collab/names';
import { unregisterCollabServer } from '../../src/lib/server/collab/registry';
import { getCptsBySlug } from '../../src/lib/server/cpts/records';
import type { Db } from '../../src/lib/server/db';
import { users } from '../../src/lib/server/db/schema';
import { exportableDoc, getVersion, jsonFromDoc, loadStoredJSON, nameVersion, restoreVersion, startDraft, toMarkdown } from '../../src/lib/server/drafts';
import { encodePresence } from '../../ws-server/fanout';
import { encodeAwareness } from '../../ws-server/protocol';
import { asSiteWithRedis, connectClient, startCollab, type RunningCollab, type TestClient } from '../../test/ws/collab-peers';
import { createBenchDatabase } from '../lib/database';
import { runBenchMain } from '../lib/main';
import { percentile, sortedCopy, until } from '../lib/measure';
import { freePort } from '../lib/servers';
import type { Scenario, StandaloneContext } from '../lib/types';

const ROUNDS = 30;
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const AUTHOR = 'formateur@demo.reseau-cpts.fr';
const MEMBER = 'membre@demo.reseau-cpts.fr';
// Writes only when asked: every figure below includes the write a flush makes.
const holdWrites = { writeDebounceMs: 600_000, writeMaxWaitMs: 600_000 };

async function viewer(db: Db, email: string): Promise<SessionUser> {
	const [row] = await db.select().from(users).where(eq(users.email, email));
	return { id: row.id, email: row.email, name: row.name, profession: row.profession, emailVerified: true, locale: 'fr', roles: [] };
}

/**
 * A collaboration server on a port of the bench's range (BENCH_PORTS). One left out of this
 * process's registry is reached through Redis only, as a separate process is.
 */
async function instance(db: Db, redisUrl: string | null, registered: boolean): Promise<RunningCollab> {
	const server = await startCollab(db, { redisUrl, limits: holdWrites, logger: pino({ level: 'warn' }), port: await freePort() });
	if (!registered) unregisterCollabServer(server.collab);
	return server;
}

/** Types a paragraph through `writer` and waits until `observer` has it (the server applied it). */
async function type(writer: TestClient, observer: TestClient, text: string): Promise<void> {
	const paragraph = new Y.XmlElement('paragraph');
	paragraph.insert(0, [new Y.XmlText(text)]);
	writer.doc.getXmlFragment('default').insert(0, [paragraph]);
	await until(() => observer.doc.getXmlFragment('default').toString().includes(text), 'relai');
}

function percentiles(times: number[]): [string, string] {
	const sorted = sortedCopy(times);
	return [percentile(sorted, 0.5).toFixed(1), percentile(sorted, 0.95).toFixed(1)];
}

/** Times `measure` ROUNDS times, `prepare` (untimed) before each. */
async function timed(rows: string[][], label: string, measure: () => Promise<unknown>, prepare: (round: number) => Promise<void> = async () => {}): Promise<void> {
	const times: number[] = [];
	for (let round = 0; round < ROUNDS; round++) {
		await prepare(round);
		const started = performance.now();
		await measure();
		times.push(performance.now() - started);
	}
	rows.push([label, ...percentiles(times)]);
}

async function run(context: StandaloneContext): Promise<void> {
	const { db } = context;
	const author = await viewer(db, AUTHOR);
	const place = (await getCptsBySlug(db, 'la-plaine'))!;
	const draft = await startDraft(db, author, place, { title: `Projet de santé en direct ${Date.now()}`, profile: null });
	const documentName = draftDocumentName(draft.id);
	const [authorCookie, memberCookie] = await Promise.all([context.sessionCookie(AUTHOR), context.sessionCookie(MEMBER)]);
	const rows: string[][] = [];
	const clients: TestClient[] = [];
	const stops: (() => Promise<void>)[] = [];
	try {
		await timed(rows, 'texte stocké seul (avant : sans flush)', async () => toMarkdown(await loadStoredJSON(db, draft.id)));
		await timed(rows, 'export Markdown, ouvert nulle part, sans Redis', async () => toMarkdown(await exportableDoc(db, draft)));
		await asSiteWithRedis(REDIS_URL, () =>
			timed(rows, 'export Markdown, ouvert nulle part, Redis (PUBLISH → 0)', async () => toMarkdown(await exportableDoc(db, draft)))
		);

		// Open in this process: the flush is a direct write.
		const here = await instance(db, null, true);
		stops.push(here.stop);
		const writer = connectClient(here.url, documentName, authorCookie);
		const observer = connectClient(here.url, documentName, memberCookie);
		clients.push(writer, observer);
		await until(() => writer.provider.synced && observer.provider.synced, 'synchro');
		await timed(
			rows,
			'export Markdown, ouvert ici, 1 paragraphe en attente',
			async () => toMarkdown(await exportableDoc(db, draft)),
			(round) => type(writer, observer, `Ici ${round}.`)
		);
		for (const each of clients.splice(0)) each.destroy();
		await stops.pop()!();

		// Open on two other instances, reached through Redis only (as separate processes are).
		await asSiteWithRedis(REDIS_URL, async () => {
			const one = await instance(db, REDIS_URL, false);
			const two = await instance(db, REDIS_URL, false);
			stops.push(one.stop, two.stop);
			const onOne = [connectClient(one.url, documentName, authorCookie), connectClient(one.url, documentName, memberCookie)];
			const onTwo = [connectClient(two.url, documentName, authorCookie), connectClient(two.url, documentName, memberCookie)];
			clients.push(...onOne, ...onTwo);
			await until(() => clients.every((each) => each.provider.synced), 'synchro');
			await timed(
				rows,
				'export Markdown, ouvert sur 2 autres instances (Redis), 1 paragraphe en attente',
				async () => toMarkdown(await exportableDoc(db, draft)),
				(round) => type(onOne[0], onTwo[0], `Ailleurs ${round}.`)
			);
			const version = await nameVersion(db, author, draft.id, 'Banc');
			const expected = JSON.stringify((await getVersion(db, author, draft.id, version.number)).doc);
			await timed(
				rows,
				'restauration jusqu’aux 4 clients (2 instances, Redis)',
				async () => {
					await restoreVersion(db, author, draft.id, version.number);
					await until(() => clients.every((each) => JSON.stringify(jsonFromDoc(each.doc)) === expected), 'restauration reçue');
				},
				(round) => type(onTwo[1], onOne[1], `À retirer ${round}.`)
			);
		});
	} finally {
		for (const each of clients) each.destroy();
		for (const stop of stops) await stop();
	}

	// One presence change on Redis: before, the y-websocket message as is; now, tagged with its person.
	const awareness = new awarenessProtocol.Awareness(new Y.Doc());
	awareness.setLocalState({ user: { name: 'Julien Moreau', color: '#0a6', canEdit: true }, section: 3 });
	const plain = encodeAwareness(awareness, [awareness.clientID]);
	const tagged = encodePresence(author.id, awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID]));
	awareness.destroy();

	const widths = [78, 10, 10];
	const line = (cells: string[]) => cells.map((cell, index) => (index === 0 ? cell.padEnd(widths[0]) : cell.padStart(widths[index]))).join('  ');
	console.log(`\nTexte tel que tapé (flush avant lecture), ${ROUNDS} appels par mesure`);
	console.log(line(['Opération', 'p50 (ms)', 'p95 (ms)']));
	for (const row of rows) console.log(line(row));
	console.log(`Présence sur Redis, par changement : ${plain.byteLength} octets avant, ${tagged.byteLength} octets avec la personne (hors enveloppe d’instance).`);
}

const scenario: Scenario = {
	name: 'live',
	description: 'projets de santé : coût du texte tel que tapé (flush avant export), restauration reçue par les clients, présence sur Redis',
	run
};

export default scenario;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
	const { createSession, SESSION_COOKIE } = await import('../../src/lib/server/auth/session');
	let bench: Awaited<ReturnType<typeof createBenchDatabase>> | undefined;
	await runBenchMain(
		async () => {
			const { database, url } = (bench = await createBenchDatabase(serverUrl, 'cpts_bench_live'));
			await run({
				db: database.db,
				databaseUrl: url,
				async sessionCookie(email) {
					const [row] = await database.db.select().from(users).where(eq(users.email, email));
					return `${SESSION_COOKIE}=${(await createSession(database.db, row.id)).token}`;
				}
			});
		},
		async () => bench?.dispose(false)
	);
}
