/**
 * `npm run bench -- firstload`: the JavaScript (gzip) a first visit of each key page makes
 * the browser fetch, on the demo network (its content loaded first): signed in as a member,
 * and as a visitor whose browser is French, then English. Issue 4's budget: list pages
 * under 60 kB. Also printed: the page's HTML (gzip), since data serialised into it is paid
 * on every visit too. BENCH_FIRSTLOAD_DETAIL=1 lists the files of each page, largest first;
 * BENCH_FIRSTLOAD_PORT serves the app on a fixed port.
 *
 * Bytes, not timings: the figures do not depend on the machine's load.
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import { forumCategories, forumThreads } from '../../src/lib/server/db/schema';
import { seedDemo } from '../../src/lib/server/demo';
import { buildIfNeeded } from '../../src/server/build-if-needed';
import { launchChromium, measureFirstLoad, type FirstLoad } from '../lib/first-load';
import { startApp } from '../lib/servers';
import type { Scenario, StandaloneContext } from '../lib/types';

const MEMBER = 'membre@demo.reseau-cpts.fr';
const BUDGET_KB = 60;
const kb = (bytes: number) => (bytes / 1024).toFixed(1);

/** The pages measured: the forum list pages of the budget, then the other sections' front pages. */
async function pages(context: StandaloneContext): Promise<{ label: string; path: string }[]> {
	const [thread] = await context.db
		.select({ id: forumThreads.id })
		.from(forumThreads)
		.innerJoin(forumCategories, eq(forumCategories.id, forumThreads.categoryId))
		.where(and(eq(forumCategories.slug, 'acces-aux-soins'), isNull(forumCategories.cptsId)))
		.orderBy(asc(forumThreads.id))
		.limit(1);
	if (!thread) throw new Error('Aucun sujet de démonstration dans « Accès aux soins »');
	return [
		{ label: 'forums : catégories', path: '/forums' },
		{ label: 'forums : une catégorie', path: '/forums/acces-aux-soins' },
		{ label: 'forums : un sujet', path: `/forums/sujet/${thread.id}` },
		{ label: 'bibliothèque', path: '/bibliotheque' },
		{ label: 'formations (DPC)', path: '/formations' },
		{ label: 'tableau de bord', path: '/' }
	];
}

function row(cells: string[], widths: number[]): string {
	return cells.map((cell, index) => (index === 0 ? cell.padEnd(widths[index]) : cell.padStart(widths[index]))).join('  ');
}

const scenario: Scenario = {
	name: 'firstload',
	description: 'JavaScript au premier chargement des pages clés (octets gzip, Chromium)',
	async run(context) {
		const log = (message: string) => console.log(`[bench] firstload : ${message}`);
		if (process.env.BENCH_SKIP_BUILD !== '1') buildIfNeeded(log);
		// The bench database holds the network only: the pages are measured with the demo's content.
		await seedDemo(context.db);
		const port = process.env.BENCH_FIRSTLOAD_PORT ? Number(process.env.BENCH_FIRSTLOAD_PORT) : undefined;
		const app = await startApp({ databaseUrl: context.databaseUrl, logLevel: 'warn', port });
		const browser = await launchChromium();
		try {
			const cookie = await context.sessionCookie(MEMBER);
			const results: { label: string; path: string; member: FirstLoad; visitor: FirstLoad; english: FirstLoad }[] = [];
			for (const page of await pages(context)) {
				const member = await measureFirstLoad(browser, app.url, page.path, cookie);
				const visitor = await measureFirstLoad(browser, app.url, page.path);
				const english = await measureFirstLoad(browser, app.url, page.path, undefined, 'en-GB');
				results.push({ ...page, member, visitor, english });
			}
			const widths = [48, 8, 11, 11, 12, 12, 13, 8];
			console.log('');
			console.log(row(['Page (premier chargement)', 'fichiers', 'JS brut ko', 'JS gzip ko', 'visiteur ko', 'anglais ko', 'HTML gzip ko', 'budget'], widths));
			for (const { label, path, member, visitor, english } of results) {
				const over = Math.max(member.gzip, visitor.gzip, english.gzip) > BUDGET_KB * 1024;
				console.log(
					row(
						[
							`${label} ${path}`,
							String(member.files.length),
							kb(member.raw),
							kb(member.gzip),
							kb(visitor.gzip),
							kb(english.gzip),
							kb(member.htmlGzip),
							over ? `> ${BUDGET_KB}` : 'ok'
						],
						widths
					)
				);
			}
			console.log(
				`(membre connecté ${MEMBER}, en français ; « visiteur » : sans session, navigateur en français ; « anglais » : sans session, navigateur en anglais ; gzip niveau 6, ko = 1 024 octets)`
			);
			if (process.env.BENCH_FIRSTLOAD_DETAIL === '1') {
				for (const { path, member } of results) {
					console.log(`\n${path} (membre) :`);
					for (const file of member.files) console.log(`  ${kb(file.gzip).padStart(6)} ko gzip  ${kb(file.raw).padStart(6)} ko  ${file.path}`);
				}
			}
		} finally {
			await browser.close();
			await app.stop();
		}
	}
};

export default scenario;
