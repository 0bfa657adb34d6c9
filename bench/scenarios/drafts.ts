/**
 * Health-project drafts: the server-side work around the collaborative text, on a real
 * PostgreSQL, with a draft grown by 2,000 small edits (as ws-server appends them, then
 * compacted as it would): starting a draft from a profil-type (template → Yjs document),
 * reading the stored text, freezing a version, comparing it with the current text, and the
 * DOCX and Markdown exports; then the draft page, its history and the DOCX export under
 * load in the harness.
 *
 * `BENCH_ONLY=drafts npm run bench` (add BENCH_SKIP_BUILD=1 to reuse build/), or alone, the
 * direct figures only, on its own database cpts_bench_drafts: `npx tsx bench/scenarios/drafts.ts`.
 */
import { pathToFileURL } from 'node:url';
import { eq } from 'drizzle-orm';
import * as Y from 'yjs';
import type { SessionUser } from '../../src/lib/server/auth/session';
import { draftDocumentName } from '../../src/lib/server/collab/names';
import { getCptsBySlug } from '../../src/lib/server/cpts/records';
import type { Db } from '../../src/lib/server/db';
import { users } from '../../src/lib/server/db/schema';
import {
	compareDocuments,
	docFromState,
	freezeVersion,
	jsonFromState,
	loadStoredJSON,
	loadStoredState,
	startDraft,
	toDocx,
	toMarkdown
} from '../../src/lib/server/drafts';
import { seedLibraryDemo } from '../../src/lib/server/demo/library';
import { createPostgresStore } from '../../ws-server/persistence';
import { createBenchDatabase } from '../lib/database';
import { runBenchMain } from '../lib/main';
import type { BenchContext, Scenario } from '../lib/types';

const EDITS = Number(process.env.BENCH_DRAFT_EDITS ?? 2_000);
const ROUNDS = 30;
const PROFILE = 'profil-type-rural-premier-recours-fragile';
const AUTHOR = 'formateur@demo.reseau-cpts.fr';

let draftId = '';

async function author(db: Db): Promise<SessionUser> {
	const [row] = await db.select().from(users).where(eq(users.email, AUTHOR));
	return { id: row.id, email: row.email, name: row.name, profession: row.profession, emailVerified: true, locale: 'fr', roles: [] };
}

async function timed<T>(label: string, rows: string[][], run: () => Promise<T>): Promise<T> {
	const times: number[] = [];
	let last!: T;
	for (let round = 0; round < ROUNDS; round++) {
		const started = performance.now();
		last = await run();
		times.push(performance.now() - started);
	}
	times.sort((a, b) => a - b);
	const at = (share: number) => times[Math.min(times.length - 1, Math.floor(share * times.length))].toFixed(1);
	rows.push([label, at(0.5), at(0.95)]);
	return last;
}

/** Grows the draft with small edits appended as ws-server does, then compacts it. */
async function grow(db: Db, id: string): Promise<number> {
	const name = draftDocumentName(id);
	const store = createPostgresStore(async () => db);
	const doc = docFromState(await loadStoredState(db, id));
	const fragment = doc.getXmlFragment('default');
	const updates: Uint8Array[] = [];
	doc.on('update', (update: Uint8Array) => updates.push(update));
	for (let edit = 0; edit < EDITS; edit++) {
		const paragraph = fragment.get(edit % fragment.length);
		if (paragraph instanceof Y.XmlElement && paragraph.nodeName === 'paragraph') {
			const text = paragraph.get(0);
			if (text instanceof Y.XmlText) text.insert(text.length, ` mot${edit}`);
		}
		// ws-server merges what arrives within its debounce window into one row.
		if (updates.length >= 20) await store.append(name, Y.mergeUpdates(updates.splice(0)));
	}
	if (updates.length) await store.append(name, Y.mergeUpdates(updates.splice(0)));
	const { bytes } = await store.compact(name);
	return bytes;
}

const scenario: Scenario = {
	name: 'drafts',
	description: `projets de santé : création depuis un profil-type, version, comparaison, exports DOCX/Markdown (document de ${EDITS} modifications)`,
	async setup(context: BenchContext) {
		const db = context.db;
		await seedLibraryDemo(db, { authorId: null, reviewerId: null, proposerId: null });
		const place = (await getCptsBySlug(db, 'la-plaine'))!;
		const user = await author(db);
		const rows: string[][] = [];
		await timed('création depuis un profil-type (modèle → Yjs)', rows, () =>
			startDraft(db, user, place, { title: `Projet de santé banc ${Date.now()}`, profile: PROFILE })
		);
		const draft = await startDraft(db, user, place, { title: 'Projet de santé du banc', profile: PROFILE });
		draftId = draft.id;
		const initial = jsonFromState(await loadStoredState(db, draft.id));
		const bytes = await grow(db, draft.id);
		const state = await timed('lecture de l’état Yjs stocké', rows, () => loadStoredState(db, draft.id));
		await timed('texte des pages (JSON, en cache après la 1re lecture)', rows, () => loadStoredJSON(db, draft.id));
		await timed('version figée (état complet)', rows, () => freezeVersion(db, draft.id, { kind: 'named', label: 'banc', createdBy: user.id }));
		const doc = jsonFromState(state);
		await timed('comparaison du modèle initial avec le texte actuel', rows, async () => compareDocuments(initial, doc));
		await timed('export DOCX', rows, () => toDocx({ title: draft.title, cptsName: place.name, status: 'en_redaction', locale: 'fr' }, doc));
		await timed('export Markdown', rows, async () => toMarkdown(doc));
		const widths = [52, 10, 10];
		const line = (cells: string[]) => cells.map((cell, index) => (index === 0 ? cell.padEnd(widths[0]) : cell.padStart(widths[index]))).join('  ');
		console.log(`\nProjets de santé : document de ${EDITS} modifications, état compacté ${Math.round(bytes / 1024)} Kio, ${ROUNDS} appels par mesure`);
		console.log(line(['Opération', 'p50 (ms)', 'p95 (ms)']));
		for (const row of rows) console.log(line(row));
	},
	async targets(context) {
		const cookie = await context.sessionCookie(AUTHOR);
		return [
			{ label: 'projet de santé (page, texte rendu côté serveur)', path: `/projets/${draftId}`, headers: { cookie }, expectText: 'Diagnostic territorial' },
			{ label: 'historique des versions', path: `/projets/${draftId}/versions`, headers: { cookie }, expectText: 'Version 1' },
			{ label: 'export DOCX', path: `/projets/${draftId}/export/docx`, headers: { cookie } }
		];
	}
};

export default scenario;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
	let bench: Awaited<ReturnType<typeof createBenchDatabase>> | undefined;
	await runBenchMain(
		async () => {
			bench = await createBenchDatabase(serverUrl, 'cpts_bench_drafts');
			await scenario.setup!({ appUrl: '', db: bench.database.db, sessionCookie: async () => '' });
		},
		async () => bench?.dispose(false)
	);
}
