/**
 * The browser gets the messages of the page's route in the viewer's locale only (one chunk
 * per group and locale), yet every page shows words, never keys: on a first visit, after
 * client-side navigation to another section, after switching language, and without
 * JavaScript (rendered by the server).
 */
import { expect, test, type Page } from '@playwright/test';
import { catalogues } from '../../src/lib/i18n/catalogue.server';
import { DEMO, signIn } from './fixtures';

const allKeys = new Set(Object.values(catalogues).flatMap((catalogue) => Object.keys(catalogue.fr)));

/** Catalogue keys shown as text (a message missing from the page's groups). */
async function keysShown(page: Page): Promise<string[]> {
	const text = await page.locator('body').innerText();
	return [...new Set([...text.matchAll(/[a-zA-Z][\w-]*(?:\.[\w-]+)+/g)].map(([match]) => match))].filter((word) => allKeys.has(word));
}

/** Records the i18n warnings of the page (a key outside its route's groups) and the scripts it fetched. */
function watch(page: Page): { warnings: string[]; scripts: Promise<string>[]; documents: string[] } {
	const watched = { warnings: [] as string[], scripts: [] as Promise<string>[], documents: [] as string[] };
	page.on('console', (message) => {
		if (message.text().includes('[i18n]')) watched.warnings.push(message.text());
	});
	page.on('response', (response) => {
		const type = response.request().resourceType();
		if (type === 'script') watched.scripts.push(response.text());
		if (type === 'document') watched.documents.push(new URL(response.url()).pathname);
	});
	return watched;
}

const french = { forums: catalogues.forum.fr['forum.title'], library: catalogues.library.fr['library.intro'], dpc: catalogues.dpc.fr['dpc.intro'] };
const english = { forums: catalogues.forum.en['forum.title'], library: catalogues.library.en['library.intro'], dpc: catalogues.dpc.en['dpc.intro'] };

for (const locale of ['fr', 'en'] as const) {
	test(`first visits in ${locale}: each page shows its words and fetches its own groups in ${locale} only`, async ({ browser }) => {
		const context = await browser.newContext();
		await context.addCookies([{ name: 'cpts_locale', value: locale, url: test.info().project.use.baseURL! }]);
		const page = await context.newPage();
		const other = locale === 'fr' ? english : french;
		const own = locale === 'fr' ? french : english;
		await page.goto('/forums/acces-aux-soins');
		const threadPath = await page.locator('a[href^="/forums/sujet/"]').first().getAttribute('href');
		const paths = ['/', '/forums', '/forums/acces-aux-soins', threadPath!, '/bibliotheque', '/formations', '/cpts', '/connexion', '/inscription'];
		for (const path of paths) {
			// A fresh page each time: the scripts counted are those of a first visit (the cache aside).
			const visit = await context.newPage();
			const watched = watch(visit);
			const response = await visit.goto(path, { waitUntil: 'networkidle' });
			await expect(visit.locator('html')).toHaveAttribute('lang', locale);
			expect(await keysShown(visit), path).toEqual([]);
			expect(watched.warnings, path).toEqual([]);
			const scripts = (await Promise.all(watched.scripts)).join('\n');
			expect(scripts.includes(other.forums), `${path} : messages de l’autre langue`).toBe(false);
			if (path.startsWith('/forums')) {
				expect(scripts.includes(own.forums), path).toBe(true);
				// Named by the server-rendered page, so fetched beside the page's modules, not after them.
				expect(await response!.text(), path).toMatch(new RegExp(`<link rel="modulepreload" href="[^"]*/messages-forum\\.${locale}\\.`));
				expect(scripts.includes(own.library) || scripts.includes(own.dpc), `${path} : messages d’autres rubriques`).toBe(false);
			}
			await visit.close();
		}
		await context.close();
	});
}

test('client-side navigation between sections shows each section’s words at once, in the chosen language', async ({ page }) => {
	await signIn(page, DEMO.member);
	const watched = watch(page);
	await page.goto('/forums', { waitUntil: 'networkidle' });
	const firstDocuments = watched.documents.length;
	const mainNav = page.getByRole('navigation', { name: 'Navigation principale' });
	await mainNav.getByRole('link', { name: 'Bibliothèque' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Bibliothèque' })).toBeVisible();
	expect(await keysShown(page)).toEqual([]);
	await mainNav.getByRole('link', { name: 'Formations DPC' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Formations DPC' })).toBeVisible();
	expect(await keysShown(page)).toEqual([]);
	await page.getByRole('navigation', { name: 'Mon compte' }).getByRole('link', { name: 'Notifications' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Mes notifications' })).toBeVisible();
	expect(await keysShown(page)).toEqual([]);
	// Client-side navigations: no page was loaded again.
	expect(watched.documents.length).toBe(firstDocuments);

	// Switching language (saved on the account too) reloads the page in English; navigating on stays English.
	await page.goto('/forums', { waitUntil: 'networkidle' });
	try {
		await switchToEnglishAndNavigate(page, watched.warnings);
	} finally {
		// The demo member is French for the other specs, whatever happened above.
		const baseURL = test.info().project.use.baseURL!;
		await page.request.post('/langue', { form: { locale: 'fr', redirectTo: '/' }, headers: { origin: baseURL }, maxRedirects: 0 });
	}
	await page.goto('/formations');
	await expect(page.getByRole('heading', { level: 1, name: 'Formations DPC' })).toBeVisible();
});

async function switchToEnglishAndNavigate(page: Page, warnings: string[]): Promise<void> {
	await page.getByRole('button', { name: 'English' }).click();
	await expect(page.getByRole('heading', { level: 1, name: english.forums })).toBeVisible();
	await page.waitForLoadState('networkidle');
	await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Library' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
	await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'DPC training' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'DPC training' })).toBeVisible();
	expect(await keysShown(page)).toEqual([]);
	expect(warnings).toEqual([]);
	await page.getByRole('button', { name: 'Français' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Formations DPC' })).toBeVisible();
}

test('without JavaScript, the server renders every section in the chosen language', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	await context.addCookies([{ name: 'cpts_locale', value: 'en', url: test.info().project.use.baseURL! }]);
	const page = await context.newPage();
	for (const [path, heading] of [
		['/forums', english.forums],
		['/bibliotheque', 'Library'],
		['/formations', 'DPC training'],
		['/', catalogues.dashboard.en['dashboard.title']]
	]) {
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
		expect(await keysShown(page), path).toEqual([]);
	}
	await context.close();
});

/** What a proofreader would circle: a plural written « (s) », a raw IANA zone, both forms of a profession beside a named person. */
const UNSPELT_PLURAL = /\p{L}\((?:s|e|es)\)/u;
const RAW_ZONE = /\b(?:Europe|America|Indian|Pacific|Africa|Asia|Atlantic)\/[A-Z][A-Za-z_]+/;
const BOTH_FORMS = /infirmier ou infirmière|pharmacien ou pharmacienne|diététicien ou diététicienne|psychomotricien ou psychomotricienne|coordinateur, coordinatrice/i;

test('as a proofreader reads them: no « (s) », no raw time zone, and people’s professions in their own form', async ({ page }) => {
	await signIn(page, DEMO.facilitator);
	await page.goto('/forums/acces-aux-soins');
	const threadPath = await page.locator('main a[href^="/forums/sujet/"]').first().getAttribute('href');
	await page.goto('/formations');
	const sessionPath = await page.locator('main a[href^="/formations/sessions/"]').first().getAttribute('href');
	for (const path of ['/', '/forums', threadPath!, '/bibliotheque', '/formations', sessionPath!, '/cpts/sud-toulois', '/cpts/sud-toulois/membres', '/notifications', '/compte']) {
		await page.goto(path);
		const text = await page.locator('body').innerText();
		expect(text.match(UNSPELT_PLURAL)?.[0], `${path} : pluriel « (s) »`).toBeUndefined();
		expect(text.match(RAW_ZONE)?.[0], `${path} : fuseau IANA brut`).toBeUndefined();
		// Beside a name (a post's author, a row of people), never « infirmier ou infirmière »; lists of professions keep it.
		for (const named of await page.locator('.post header, main table tbody tr').allInnerTexts()) {
			expect(named.match(BOTH_FORMS)?.[0], `${path} : ${named}`).toBeUndefined();
		}
	}
});

test('a post’s author: initials, her CPTS, and a user card opened and closed from the keyboard', async ({ page }) => {
	await signIn(page, DEMO.member);
	await page.goto('/forums/acces-aux-soins');
	await page.goto((await page.locator('main a[href^="/forums/sujet/"]').first().getAttribute('href'))!);
	const post = page.locator('article.post').first();
	// The avatar is decorative: the name is in the text.
	await expect(post.locator('.avatar')).toHaveAttribute('aria-hidden', 'true');
	const summary = post.locator('.user-card summary');
	await summary.focus();
	await page.keyboard.press('Enter');
	const card = post.locator('.card-body');
	await expect(card).toBeVisible();
	await expect(card.getByText('Profession')).toBeVisible();
	await expect(card.getByRole('link', { name: /^CPTS / }).first()).toBeVisible();
	await expect(card.getByRole('link', { name: 'Ses messages dans les forums' })).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(card).toBeHidden();
	await expect(summary).toBeFocused();
});
