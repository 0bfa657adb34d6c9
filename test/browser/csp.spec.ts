/**
 * Content-Security-Policy: every page is served with a strict policy (svelte.config.js,
 * kit.csp), and the pages that run the most script (home, a forum thread with its reply
 * editor, the co-edited draft and its websocket, DPC sessions) run without a violation.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO, signIn } from './fixtures';

/** The policy's directives, by name. */
function directivesOf(header: string): Map<string, string[]> {
	return new Map(
		header
			.split(';')
			.map((directive) => directive.trim().split(/\s+/))
			.filter(([name]) => name)
			.map(([name, ...values]) => [name, values])
	);
}

/**
 * A signed-in page that records every CSP violation of each document it loads, from the
 * securitypolicyviolation event (Chromium writes its "Refused to …" lines to its own log,
 * which Playwright does not receive as console messages).
 */
async function watchedPage(browser: Browser, account: { email: string; password: string }) {
	const context = await browser.newContext();
	await context.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (event) => {
			console.error(`securitypolicyviolation: ${event.violatedDirective} ${event.blockedURI}`);
		});
	});
	const page = await context.newPage();
	const violations: string[] = [];
	page.on('console', (message) => {
		const text = message.text();
		if (text.startsWith('securitypolicyviolation:')) violations.push(`${page.url()}: ${text}`);
	});
	await signIn(page, account);
	return { page, violations };
}

const editorOf = (page: Page) => page.getByRole('textbox', { name: 'Texte du projet de santé' });

test('HTML pages carry a strict policy: scripts by nonce only, no plugins, no framing, no foreign base', async ({ page }) => {
	for (const path of ['/', '/connexion', '/forums', '/formations']) {
		const response = await page.goto(path);
		const header = response?.headers()['content-security-policy'];
		expect(header, path).toBeTruthy();
		const directives = directivesOf(header!);
		const scripts = directives.get('script-src') ?? [];
		expect(scripts, path).toContain("'self'");
		expect(scripts.some((value) => /^'nonce-[\w+/=-]+'$/.test(value)), path).toBe(true);
		expect(scripts, path).not.toContain("'unsafe-inline'");
		expect(scripts, path).not.toContain("'unsafe-eval'");
		expect(directives.get('object-src'), path).toEqual(["'none'"]);
		expect(directives.get('base-uri'), path).toEqual(["'self'"]);
		expect(directives.get('frame-ancestors'), path).toEqual(["'none'"]);
		expect(directives.get('connect-src'), path).toEqual(["'self'"]);
		// The nonce in the header is the one SvelteKit's start-up script carries.
		const nonce = scripts.find((value) => value.startsWith("'nonce-"))!.slice(7, -1);
		expect(await page.locator(`script[nonce]`).first().evaluate((script) => (script as HTMLScriptElement).nonce)).toBe(nonce);
	}

	// What the policy is for: a script slipped into the page does not run, and the browser
	// reports it (the event the other test counts).
	const outcome = await page.evaluate(
		() =>
			new Promise<{ ran: boolean; violated: string | null }>((resolve) => {
				let violated: string | null = null;
				document.addEventListener('securitypolicyviolation', (event) => (violated = event.violatedDirective));
				const script = document.createElement('script');
				script.textContent = 'window.injectedScriptRan = true';
				document.body.append(script);
				setTimeout(() => resolve({ ran: Boolean((window as { injectedScriptRan?: boolean }).injectedScriptRan), violated }), 200);
			})
	);
	expect(outcome.ran).toBe(false);
	expect(outcome.violated).toMatch(/^script-src/);
});

test('home, a forum thread, the co-edited draft and DPC sessions run without a CSP violation', async ({ browser }) => {
	// Two signed-in people and seven pages.
	test.setTimeout(90_000);
	const { page, violations } = await watchedPage(browser, DEMO.member);

	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

	await page.goto('/forums/vie-du-reseau');
	await page.getByRole('link', { name: /Présentez-vous/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	// The reply editor and its toolbar (script) are the forums' richest page.
	await expect(page.getByLabel('Votre réponse')).toBeVisible();

	// The draft, co-edited over the websocket by two people (two browser contexts, so that
	// nothing passes between them but the server).
	const other = await watchedPage(browser, DEMO.member);
	for (const editor of [page, other.page]) {
		await editor.goto('/projets');
		await editor.getByRole('link', { name: 'Projet de santé 2026 de la CPTS de La Plaine' }).first().click();
		await expect(editor.getByRole('status').filter({ hasText: 'Connecté, modifications partagées en direct' })).toBeVisible({ timeout: 20_000 });
	}
	const typed = `CSP ${Date.now()}`;
	await editorOf(page).click();
	await page.keyboard.press('Control+End');
	await page.keyboard.type(` ${typed}`);
	await expect(editorOf(other.page).getByText(typed)).toBeVisible();

	await page.goto('/formations');
	await page.locator('a[href^="/formations/sessions/"]').first().click();
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await page.goto('/formations/mes-formations');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

	expect([...violations, ...other.violations]).toEqual([]);
	// The watch itself sees a violation when there is one.
	await page.evaluate(() => document.body.append(Object.assign(document.createElement('script'), { textContent: '0' })));
	await expect.poll(() => violations.length).toBe(1);
});
