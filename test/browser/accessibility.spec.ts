/**
 * Accessibility of the key pages (RGAA / WCAG 2.1 AA): axe-core runs with the WCAG 2.0 and 2.1
 * A and AA rules on each page, signed out, as the demo member and as the facilitator, and at a
 * phone's width; then keyboard checks that axe cannot make (skip link first, visible focus,
 * the forum editor's toolbar and the library's facets used without a mouse).
 * One page load and one axe run per page keeps the spec short.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { DEMO, signIn } from './fixtures';

const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Runs axe on the page as it is and fails with every violation spelled out (rule, impact, elements, help). */
async function expectAccessible(page: Page, label: string): Promise<void> {
	await expect(page.locator('main h1').first()).toBeVisible();
	const { violations, incomplete } = await new AxeBuilder({ page }).withTags(WCAG_AA).analyze();
	// AXE_DEBUG=1 lists what axe could not decide (text over images, SVG text…), to check by hand.
	if (process.env.AXE_DEBUG && incomplete.length > 0) {
		console.log(`${label}: to check by hand`, incomplete.map((rule) => `${rule.id} ×${rule.nodes.length} (${rule.nodes[0].target.join(' ')}…)`).join('; '));
	}
	const report = violations
		.map((violation) => {
			const targets = violation.nodes.map((node) => `      ${node.target.join(' ')} — ${node.failureSummary?.split('\n').slice(1).join(' ').trim()}`);
			return `  ${violation.id} (${violation.impact}): ${violation.help}\n${targets.join('\n')}`;
		})
		.join('\n');
	expect.soft(violations, `${label} (${page.url()}):\n${report}`).toEqual([]);
}

/** The address of the first link in the page's main content whose path matches. */
async function firstLink(page: Page, pattern: RegExp): Promise<string> {
	const hrefs = await page.locator('main a[href^="/"]').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
	const href = hrefs.find((candidate) => pattern.test(candidate));
	if (!href) throw new Error(`no link matching ${pattern} in ${page.url()}`);
	return href;
}

const FORUM_CATEGORY = /^\/forums\/(?!categories|moderation|recherche|signets|sujet|mentions)[^/?]+$/;
const THREAD = /^\/forums\/sujet\/[^/?]+$/;
const RESOURCE = /^\/bibliotheque\/(?!mes-ressources|moderation|proposer|profils-types)[^/?]+$/;

async function visit(page: Page, path: string, label: string): Promise<void> {
	await page.goto(path);
	await expectAccessible(page, label);
}

test('signed out: the key pages have no WCAG 2.1 AA violation', async ({ page }) => {
	test.setTimeout(90_000);
	await visit(page, '/', 'dashboard');
	await visit(page, '/cpts', 'CPTS directory');
	await visit(page, '/cpts/sud-toulois', 'a CPTS');
	await visit(page, '/bibliotheque?q=coordination&type=bonne_pratique', 'library search with a facet');
	await visit(page, await firstLink(page, RESOURCE), 'a resource');
	await visit(page, '/forums', 'forums');
	await visit(page, await firstLink(page, FORUM_CATEGORY), 'a forum category');
	await visit(page, await firstLink(page, THREAD), 'a thread, signed out');
	await visit(page, '/forums/recherche?q=parcours', 'forum search');
	await visit(page, '/formations', 'DPC catalogue');
	await visit(page, await firstLink(page, /^\/formations\/sessions\/[^/?]+$/), 'a DPC session');
	await visit(page, '/connexion', 'sign-in');
	await visit(page, '/inscription', 'sign-up');
	await visit(page, '/donnees-personnelles', 'personal data notice');
});

test('sign-in and sign-up with their errors shown', async ({ page }) => {
	await page.goto('/connexion');
	await page.getByLabel('E-mail').fill('personne@example.org');
	await page.getByLabel('Mot de passe', { exact: true }).fill('pas le bon');
	await page.getByRole('button', { name: 'Se connecter' }).click();
	await expect(page.getByText('E-mail ou mot de passe incorrect')).toBeVisible();
	await expectAccessible(page, 'sign-in refused');

	await page.goto('/inscription');
	await page.waitForLoadState('networkidle');
	await page.getByLabel('E-mail').fill('pas-un-email');
	await page.locator('form[method="POST"] button[type="submit"]').last().click();
	await expect(page.locator('[aria-invalid="true"]').first()).toBeVisible();
	await expectAccessible(page, 'sign-up with field errors');
});

test('as the demo member: dashboard, library, thread with the reply editor, drafts, preferences', async ({ page }) => {
	test.setTimeout(90_000);
	await signIn(page, DEMO.member);
	await expectAccessible(page, 'dashboard, signed in');
	await visit(page, '/bibliotheque', 'library, signed in');
	await visit(page, '/forums', 'forums, signed in');
	await page.goto(await firstLink(page, FORUM_CATEGORY));
	await page.goto(await firstLink(page, THREAD));
	await expect(page.getByRole('toolbar')).toBeVisible();
	await expectAccessible(page, 'a thread with the reply editor');
	await page.locator('.user-card summary').first().click();
	await expect(page.locator('.card-body').first()).toBeVisible();
	await expectAccessible(page, 'a thread with an author’s card open');
	await visit(page, '/projets', 'drafts');
	// The editor is loaded lazily but does not wait for the websocket: check the page with it.
	await page.goto(await firstLink(page, /^\/projets\/[^/?]+$/));
	await expect(page.locator('.editor-host [contenteditable]')).toBeVisible();
	await expectAccessible(page, 'a draft with its editor');
	await visit(page, '/formations/mes-formations', 'my trainings');
	await visit(page, '/notifications/preferences', 'notification preferences');
	await visit(page, '/notifications', 'notifications');
	await visit(page, '/compte', 'account');
	await visit(page, '/compte/donnees', 'my data (export, deletion)');
	await visit(page, '/cpts/mes-cpts', 'my CPTS');
});

test('as the facilitator: moderation and members pages', async ({ page }) => {
	// Five pages, each with an axe run.
	test.setTimeout(90_000);
	await signIn(page, DEMO.facilitator);
	await visit(page, '/forums/moderation', 'forum moderation');
	await visit(page, '/bibliotheque/moderation', 'library review');
	await visit(page, '/bibliotheque/proposer', 'propose a resource');
	await visit(page, '/cpts/sud-toulois/membres', 'CPTS members');
	await visit(page, '/annonces', 'announcements');
});

test('as the administrator: administration pages', async ({ page }) => {
	await signIn(page, DEMO.admin);
	await visit(page, '/admin', 'administration');
	await visit(page, '/admin/utilisateurs', 'users');
	await visit(page, '/admin/journal', 'audit log');
});

test.describe('at a phone’s width', () => {
	test.use({ viewport: { width: 390, height: 844 } });
	test('the dashboard and the library have no violation', async ({ page }) => {
		await visit(page, '/', 'dashboard at 390 px');
		await visit(page, '/bibliotheque?q=coordination', 'library at 390 px');
	});
});

/** The focused element's outline, to check that focus is visible. */
async function focusOutline(locator: Locator): Promise<{ style: string; width: number }> {
	return locator.evaluate((element) => {
		const style = getComputedStyle(element);
		return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
	});
}

test('keyboard: skip link first, visible focus, skip to the content', async ({ page }) => {
	await page.goto('/bibliotheque');
	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: 'Aller au contenu' });
	await expect(skip).toBeFocused();
	await expect(skip).toBeInViewport();
	const outline = await focusOutline(skip);
	expect(outline.style).not.toBe('none');
	expect(outline.width).toBeGreaterThanOrEqual(2);

	await page.keyboard.press('Enter');
	await expect(page.locator('main')).toBeFocused();
	// The next Tab goes to the first control of the content, not back to the header.
	await page.keyboard.press('Tab');
	const next = page.locator(':focus');
	expect(await next.evaluate((element) => element.closest('main') !== null)).toBe(true);
	expect((await focusOutline(next)).style).not.toBe('none');

	// Buttons show focus too.
	await page.getByRole('button', { name: 'Rechercher' }).focus();
	expect((await focusOutline(page.getByRole('button', { name: 'Rechercher' }))).style).not.toBe('none');
});

test('keyboard: the library facets filter without a mouse', async ({ page }) => {
	await page.goto('/bibliotheque');
	await page.waitForLoadState('networkidle');
	const facets = page.getByRole('complementary');
	const box = facets.getByRole('checkbox').first();
	await box.focus();
	await page.keyboard.press('Space');
	await expect(box).toBeChecked();
	const value = await box.getAttribute('value');
	const name = await box.getAttribute('name');
	await facets.getByRole('button').first().focus();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(new RegExp(`[?&]${name}=${encodeURIComponent(value ?? '')}`));
	await expect(page.getByRole('complementary').getByRole('checkbox').first()).toBeChecked();
});

test('keyboard: the forum reply toolbar works without a mouse', async ({ page }) => {
	await signIn(page, DEMO.member);
	await page.goto('/forums');
	await page.goto(await firstLink(page, FORUM_CATEGORY));
	await page.goto(await firstLink(page, THREAD));
	const toolbar = page.getByRole('toolbar');
	await expect(toolbar).toBeVisible();
	const editor = page.locator(`#${await toolbar.getAttribute('aria-controls')}`);
	await editor.fill('');
	// One Tab stop for the whole toolbar (WAI-ARIA toolbar pattern): Shift+Tab from the text reaches it.
	await editor.focus();
	await page.keyboard.press('Shift+Tab');
	const bold = toolbar.getByRole('button', { name: 'Gras' });
	await expect(bold).toBeFocused();
	expect((await focusOutline(bold)).style).not.toBe('none');
	// Arrows move between tools and wrap; Home comes back to the first.
	await page.keyboard.press('ArrowRight');
	await expect(toolbar.getByRole('button', { name: 'Italique' })).toBeFocused();
	await page.keyboard.press('ArrowLeft');
	await page.keyboard.press('ArrowLeft');
	await expect(toolbar.getByRole('button').last()).toBeFocused();
	await page.keyboard.press('Home');
	await expect(bold).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(editor).toBeFocused();
	await expect(editor).toHaveValue(/\*\*.+\*\*/);
	// Tab from the toolbar goes on to the text, not through the other six tools.
	await page.keyboard.press('Shift+Tab');
	await expect(bold).toBeFocused();
	await page.keyboard.press('Tab');
	await expect(editor).toBeFocused();
});

/** Clicks a toggle twice: its name says the next action each time, so it must not say « pressed » too. */
async function expectNamedToggle(toggle: Locator): Promise<void> {
	for (let round = 0; round < 2; round++) {
		const before = (await toggle.innerText()).trim();
		await expect(toggle).not.toHaveAttribute('aria-pressed');
		await toggle.click();
		await expect(toggle).not.toHaveText(before);
	}
	await expect(toggle).not.toHaveAttribute('aria-pressed');
}

test('bookmark buttons named for their action do not also say « pressed » (a reader would hear both states)', async ({ page }) => {
	await signIn(page, DEMO.member);
	await page.goto('/bibliotheque');
	await page.goto(await firstLink(page, RESOURCE));
	await expectNamedToggle(page.getByRole('button', { name: /(Ajouter à|Retirer de) mes favoris/ }));
	await page.goto('/forums');
	await page.goto(await firstLink(page, FORUM_CATEGORY));
	await page.goto(await firstLink(page, THREAD));
	await expectNamedToggle(page.getByRole('button', { name: /Mettre en signet|Retirer des signets/ }).first());
});

/** Fails softly when the page is wider than the viewport, naming what sticks out on the right. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
	await expect(page.locator('main h1').first()).toBeVisible();
	// Polled: the width is measured once the page has settled (hydration may re-lay it out).
	let overflow = { scrollWidth: 0, width: 0, culprits: [] as string[] };
	await expect
		.poll(async () => {
			overflow = await page.evaluate(() => {
				const width = document.documentElement.clientWidth;
				// Content of a box that scrolls or clips by itself (a wide table, the sections bar) does not count.
				const clipped = (element: Element) => {
					for (let box = element.parentElement; box; box = box.parentElement) if (getComputedStyle(box).overflowX !== 'visible') return true;
					return false;
				};
				const culprits = [...document.querySelectorAll('body *')]
					.filter((element) => element.getBoundingClientRect().right > width + 1 && !clipped(element))
					.slice(0, 5)
					.map((element) => `${element.tagName.toLowerCase()}${element.classList[0] ? `.${element.classList[0]}` : ''}`);
				return { scrollWidth: document.documentElement.scrollWidth, width, culprits };
			});
			return overflow.scrollWidth <= overflow.width;
		}, { message: `${page.url()} is wider than the viewport at 320 px` })
		.toBe(true)
		.catch(() => expect.soft(overflow.scrollWidth, `${page.url()} is ${overflow.scrollWidth} px wide at ${overflow.width} px: ${overflow.culprits.join(', ')}`).toBeLessThanOrEqual(overflow.width));
}

test('at 320 px wide, pages reflow without sideways scrolling (WCAG 1.4.10): wide tables scroll in their box, long words break', async ({ page }) => {
	await page.setViewportSize({ width: 320, height: 640 });
	await signIn(page, DEMO.member);
	await page.goto('/forums');
	await expectNoSidewaysScroll(page);
	await page.goto(await firstLink(page, FORUM_CATEGORY));
	await expectNoSidewaysScroll(page);
	await page.goto('/formations');
	await expectNoSidewaysScroll(page);
	await page.goto(await firstLink(page, /^\/formations\/sessions\/[^/?]+$/));
	await expectNoSidewaysScroll(page);
	for (const path of ['/projets', '/bibliotheque', '/cpts/sud-toulois', '/compte']) {
		await page.goto(path);
		await expectNoSidewaysScroll(page);
	}
});
