/**
 * The JavaScript a first visit of a page makes the browser fetch, as Chromium fetches it
 * (entry points, their static imports, the page's nodes and whatever loads before the page
 * settles), each file gzipped at level 6 as most servers send it. The page's HTML is
 * measured the same way: data serialised into it is part of what a first visit costs.
 */
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from '@playwright/test';

export interface FirstLoadFile {
	/** Path on the app, e.g. /_app/immutable/chunks/abc.js. */
	path: string;
	raw: number;
	gzip: number;
}

export interface FirstLoad {
	files: FirstLoadFile[];
	/** Sums over `files`. */
	raw: number;
	gzip: number;
	/** The document itself. */
	htmlRaw: number;
	htmlGzip: number;
}

const gzipSize = (body: Buffer) => gzipSync(body, { level: 6 }).length;

export function launchChromium(): Promise<Browser> {
	return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
}

/**
 * A first visit of `path` in a fresh browser context (empty cache), signed in when `cookie` is
 * given; `language` is the browser's (Accept-Language: the locale of a visitor), French by default.
 */
export async function measureFirstLoad(browser: Browser, appUrl: string, path: string, cookie?: string, language = 'fr-FR'): Promise<FirstLoad> {
	const context = await browser.newContext({ locale: language });
	try {
		if (cookie) {
			const [name, ...rest] = cookie.split('=');
			await context.addCookies([{ name, value: rest.join('='), url: appUrl }]);
		}
		const page = await context.newPage();
		const scripts: Promise<FirstLoadFile>[] = [];
		page.on('response', (response) => {
			if (response.request().resourceType() !== 'script') return;
			scripts.push(response.body().then((body) => ({ path: new URL(response.url()).pathname, raw: body.length, gzip: gzipSize(body) })));
		});
		const response = await page.goto(`${appUrl}${path}`, { waitUntil: 'networkidle' });
		if (!response || response.status() !== 200) throw new Error(`${path} : statut ${response?.status() ?? 'aucune réponse'}`);
		const html = await response.body();
		const files = (await Promise.all(scripts)).sort((a, b) => b.gzip - a.gzip);
		return {
			files,
			raw: files.reduce((sum, file) => sum + file.raw, 0),
			gzip: files.reduce((sum, file) => sum + file.gzip, 0),
			htmlRaw: html.length,
			htmlGzip: gzipSize(html)
		};
	} finally {
		await context.close();
	}
}
