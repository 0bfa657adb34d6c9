/**
 * `npm run bench -- firstload`: the JavaScript (gzip) a first visit of each page a user lands
 * on makes the browser fetch, on the demo network (its content loaded first): signed in (a
 * member, or the account the page is for), and, for the public pages, as a visitor whose
 * browser is French, then English. Issue 16's budget: every page but the drafts' editor under
 * 60 kB; the worst page is printed last. Also printed: the page's HTML (gzip), since data
 * serialised into it is paid on every visit too. BENCH_FIRSTLOAD_DETAIL=1 lists the files of
 * each page, largest first; BENCH_FIRSTLOAD_PORT serves the app on a fixed port;
 * BENCH_FIRSTLOAD_ONLY=<text> measures only the pages whose path contains it.
 *
 * Bytes, not timings: the figures do not depend on the machine's load.
 */
import { and, asc, eq, isNull, isNotNull } from 'drizzle-orm';
import { cpts, cptsMemberships, dpcSessions, forumCategories, forumThreads, libraryResources, users } from '../../src/lib/server/db/schema';
import { seedDemo } from '../../src/lib/server/demo';
import { buildIfNeeded } from '../../src/server/build-if-needed';
import { launchChromium, measureFirstLoad, type FirstLoad } from '../lib/first-load';
import { startApp } from '../lib/servers';
import type { Scenario, StandaloneContext } from '../lib/types';

const MEMBER = 'membre@demo.reseau-cpts.fr';
/** The steering pages (the national view and its map) are the network's admin's. */
const ADMIN = 'admin@demo.reseau-cpts.fr';
const BUDGET_KB = 60;
const kb = (bytes: number) => (bytes / 1024).toFixed(1);

interface PageToMeasure {
	label: string;
	path: string;
	/** Whose session the signed-in figure uses; null: the page is for visitors (sign-in, sign-up, the visitors' home). */
	account: string | null;
	/** Also measured without a session (French and English browser): the page is public. */
	public: boolean;
}

async function firstRow<T>(rows: Promise<T[]>, missing: string): Promise<T> {
	const [row] = await rows;
	if (!row) throw new Error(missing);
	return row;
}

/**
 * The pages measured: every section's front page, an item of each (a thread, a resource, a
 * CPTS, a training session), the member's own pages and the sign-in ones. Not measured: the
 * drafts' editor (/projets/<id>, outside the budget) and the pages of one role's tools.
 */
async function pages(context: StandaloneContext): Promise<PageToMeasure[]> {
	const { db } = context;
	const thread = await firstRow(
		db
			.select({ id: forumThreads.id })
			.from(forumThreads)
			.innerJoin(forumCategories, eq(forumCategories.id, forumThreads.categoryId))
			.where(and(eq(forumCategories.slug, 'acces-aux-soins'), isNull(forumCategories.cptsId)))
			.orderBy(asc(forumThreads.id))
			.limit(1),
		'Aucun sujet de démonstration dans « Accès aux soins »'
	);
	const resource = await firstRow(
		db
			.select({ slug: libraryResources.slug })
			.from(libraryResources)
			.where(and(eq(libraryResources.status, 'published'), eq(libraryResources.visibility, 'public')))
			.orderBy(asc(libraryResources.slug))
			.limit(1),
		'Aucune ressource publiée dans la démonstration'
	);
	const membersCpts = await firstRow(
		db
			.select({ slug: cpts.slug })
			.from(cpts)
			.innerJoin(cptsMemberships, eq(cptsMemberships.cptsId, cpts.id))
			.innerJoin(users, eq(users.id, cptsMemberships.userId))
			.where(and(eq(users.email, MEMBER), eq(cptsMemberships.status, 'active')))
			.limit(1),
		`Aucune CPTS pour ${MEMBER}`
	);
	const session = await firstRow(
		db
			.select({ id: dpcSessions.id })
			.from(dpcSessions)
			.where(and(eq(dpcSessions.status, 'published'), isNotNull(dpcSessions.publishedAt)))
			.orderBy(asc(dpcSessions.startsAt))
			.limit(1),
		'Aucune session de DPC publiée dans la démonstration'
	);
	const everyone = (label: string, path: string): PageToMeasure => ({ label, path, account: MEMBER, public: true });
	const member = (label: string, path: string, account = MEMBER): PageToMeasure => ({ label, path, account, public: false });
	const visitor = (label: string, path: string): PageToMeasure => ({ label, path, account: null, public: true });
	return [
		visitor('accueil (visiteur)', '/'),
		member('mon espace', '/espace'),
		everyone('statistiques du réseau', '/statistiques'),
		everyone('annuaire des CPTS', '/cpts'),
		everyone('une CPTS', `/cpts/${membersCpts.slug}`),
		member('mes CPTS', '/cpts/mes-cpts'),
		everyone('forums : catégories', '/forums'),
		everyone('forums : une catégorie', '/forums/acces-aux-soins'),
		everyone('forums : un sujet', `/forums/sujet/${thread.id}`),
		everyone('forums : recherche', '/forums/recherche'),
		everyone('bibliothèque', '/bibliotheque'),
		everyone('bibliothèque : une ressource', `/bibliotheque/${resource.slug}`),
		everyone('formations (DPC)', '/formations'),
		everyone('formations : une session', `/formations/sessions/${session.id}`),
		member('mes formations', '/formations/mes-formations'),
		member('projets', '/projets'),
		member('calendrier', '/calendrier'),
		member('notifications', '/notifications'),
		member('compte', '/compte'),
		member('pilotage : la France', '/reseau', ADMIN),
		visitor('connexion', '/connexion'),
		visitor('inscription', '/inscription')
	];
}

function row(cells: string[], widths: number[]): string {
	return cells.map((cell, index) => (index === 0 ? cell.padEnd(widths[index]) : cell.padStart(widths[index]))).join('  ');
}

interface Measured extends PageToMeasure {
	signedIn: FirstLoad | null;
	visitor: FirstLoad | null;
	english: FirstLoad | null;
}

/** The largest of a page's figures (signed in, visitor, English). */
const worstOf = (page: Measured) => Math.max(...[page.signedIn, page.visitor, page.english].map((load) => load?.gzip ?? 0));

const scenario: Scenario = {
	name: 'firstload',
	description: 'JavaScript au premier chargement des pages où l’on arrive (octets gzip, Chromium)',
	async run(context) {
		const log = (message: string) => console.log(`[bench] firstload : ${message}`);
		if (process.env.BENCH_SKIP_BUILD !== '1') buildIfNeeded(log);
		// The bench database holds the network only: the pages are measured with the demo's content.
		await seedDemo(context.db);
		const port = process.env.BENCH_FIRSTLOAD_PORT ? Number(process.env.BENCH_FIRSTLOAD_PORT) : undefined;
		const app = await startApp({ databaseUrl: context.databaseUrl, logLevel: 'warn', port });
		const browser = await launchChromium();
		try {
			const cookies = new Map<string, string>();
			const cookieOf = async (email: string) => {
				if (!cookies.has(email)) cookies.set(email, await context.sessionCookie(email));
				return cookies.get(email)!;
			};
			const only = process.env.BENCH_FIRSTLOAD_ONLY;
			const results: Measured[] = [];
			for (const page of (await pages(context)).filter((page) => !only || page.path.includes(only))) {
				const signedIn = page.account ? await measureFirstLoad(browser, app.url, page.path, await cookieOf(page.account)) : null;
				const visitor = page.public ? await measureFirstLoad(browser, app.url, page.path) : null;
				const english = page.public ? await measureFirstLoad(browser, app.url, page.path, undefined, 'en-GB') : null;
				results.push({ ...page, signedIn, visitor, english });
			}
			const widths = [72, 8, 11, 11, 12, 12, 13, 8];
			const figure = (load: FirstLoad | null) => (load ? kb(load.gzip) : '—');
			console.log('');
			console.log(row(['Page (premier chargement)', 'fichiers', 'JS brut ko', 'JS gzip ko', 'visiteur ko', 'anglais ko', 'HTML gzip ko', 'budget'], widths));
			for (const page of results) {
				const main = page.signedIn ?? page.visitor!;
				console.log(
					row(
						[
							`${page.label} ${page.path}`,
							String(main.files.length),
							kb(main.raw),
							figure(page.signedIn),
							figure(page.visitor),
							figure(page.english),
							kb(main.htmlGzip),
							worstOf(page) > BUDGET_KB * 1024 ? `> ${BUDGET_KB}` : 'ok'
						],
						widths
					)
				);
			}
			console.log(
				`(« JS gzip » : connecté, ${MEMBER} sauf le pilotage, ${ADMIN} ; « visiteur » : sans session, navigateur en français ; « anglais » : sans session, navigateur en anglais ; — : page non mesurée ainsi ; gzip niveau 6, ko = 1 024 octets)`
			);
			const worst = results.reduce<Measured | null>((found, page) => (!found || worstOf(page) > worstOf(found) ? page : found), null);
			if (worst) {
				const over = results.filter((page) => worstOf(page) > BUDGET_KB * 1024).length;
				console.log(`Pire page : ${worst.label} ${worst.path}, ${kb(worstOf(worst))} ko ; au-delà de ${BUDGET_KB} ko : ${over} sur ${results.length}`);
			}
			if (process.env.BENCH_FIRSTLOAD_DETAIL === '1') {
				for (const page of results) {
					const main = page.signedIn ?? page.visitor!;
					console.log(`\n${page.path} (${page.signedIn ? 'connecté' : 'visiteur'}) :`);
					for (const file of main.files) console.log(`  ${kb(file.gzip).padStart(6)} ko gzip  ${kb(file.raw).padStart(6)} ko  ${file.path}`);
				}
			}
		} finally {
			await browser.close();
			await app.stop();
		}
	}
};

export default scenario;
