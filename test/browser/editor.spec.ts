/**
 * The draft page as a document, in two real Chromium contexts against the real
 * collaboration server: the coordinator of La Plaine (Dr Marc Girard) writes a
 * fiche-action table from the toolbar and the keyboard, her co-author (Julien Moreau) sees
 * it; she comments a sentence with Ctrl+Alt+M and @-completes his name; he comments from the
 * floating button; each sees the other's comment arrive without reloading. The table is in
 * the print view and the DOCX; the formatting bar stays in reach while scrolling; a folded
 * panel stays folded after a reload; the workflow actions are above the text.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { DEMO, signIn } from './fixtures';

const stamp = Date.now().toString(36);
const editorOf = (page: Page) => page.getByRole('textbox', { name: 'Texte du projet de santé' });

async function pageAs(browser: Browser, account: { email: string; password: string }, viewport = { width: 1280, height: 900 }): Promise<Page> {
	const context = await browser.newContext({ viewport });
	const page = await context.newPage();
	await signIn(page, account);
	return page;
}

async function openDraft(page: Page, url?: string): Promise<string> {
	if (url) await page.goto(url);
	else {
		await page.goto('/cpts/la-plaine/projets');
		await page.getByRole('link', { name: 'Projet de santé 2026 de la CPTS de La Plaine' }).click();
		await page.waitForURL(/\/projets\/[a-z2-7]+$/);
	}
	await expect(page.getByRole('status').filter({ hasText: 'Connecté, modifications partagées en direct' })).toBeVisible({ timeout: 20_000 });
	return page.url();
}

/** Selects `text` in the editor (a DOM selection ProseMirror adopts), collapsed at its end when `caretAfter`. */
async function select(page: Page, text: string, caretAfter = false) {
	await editorOf(page).focus();
	await page.evaluate(
		([needle, collapse]) => {
			const root = document.querySelector('.draft-text[contenteditable]')!;
			const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
			for (let node = walker.nextNode(); node; node = walker.nextNode()) {
				const at = node.textContent!.indexOf(needle as string);
				if (at < 0) continue;
				const range = document.createRange();
				range.setStart(node, at);
				range.setEnd(node, at + (needle as string).length);
				if (collapse) range.collapse(false);
				const selection = window.getSelection()!;
				selection.removeAllRanges();
				selection.addRange(range);
				return;
			}
			throw new Error(`text not found in the editor: ${needle}`);
		},
		[text, caretAfter] as const
	);
}

test('a coordinator co-writes a fiche-action table, comments by shortcut and sees her co-author’s comment arrive live', async ({ browser }) => {
	test.setTimeout(150_000);
	const coordinator = await pageAs(browser, DEMO.trainer);
	const coAuthor = await pageAs(browser, DEMO.member);
	const draftUrl = await openDraft(coordinator);
	await openDraft(coAuthor, draftUrl);

	// The workflow is above the text, not under it.
	const actions = coordinator.getByRole('region', { name: 'Actions sur le projet' });
	await expect(actions.getByText('Inviter un relecteur')).toBeVisible();
	await expect(actions.getByText('Figer une version')).toBeVisible();
	const actionsBox = (await actions.boundingBox())!;
	expect(actionsBox.y).toBeLessThan((await editorOf(coordinator).boundingBox())!.y);

	// A table from the toolbar, filled with the keyboard (Tab moves from cell to cell).
	await select(coordinator, 'département 88).', true);
	await coordinator.keyboard.press('End');
	const toolbar = coordinator.getByRole('toolbar', { name: 'Mise en forme' });
	await toolbar.getByRole('button', { name: 'Insérer un tableau' }).click();
	await coordinator.keyboard.type('Indicateur');
	await coordinator.keyboard.press('Tab');
	await coordinator.keyboard.type('Cible');
	await coordinator.keyboard.press('Tab');
	await coordinator.keyboard.type('Budget (€)');
	await coordinator.keyboard.press('Tab');
	await coordinator.keyboard.type(`Passages aux urgences évitables ${stamp}`);
	await coordinator.keyboard.press('Tab');
	await coordinator.keyboard.type('−10 %');
	await coordinator.keyboard.press('Tab');
	await coordinator.keyboard.type('5 000');
	// In a table, its actions sit in one "Tableau" menu: the bar stays on one row.
	const tableMenu = toolbar.getByRole('button', { name: 'Tableau', exact: true });
	await expect(toolbar.getByRole('button', { name: 'Insérer un tableau' })).toHaveCount(0);
	const toolBox = (await tableMenu.boundingBox())!;
	expect((await toolbar.boundingBox())!.height).toBeLessThan(toolBox.height * 2);
	await expect(tableMenu).toHaveAttribute('aria-expanded', 'false');
	await tableMenu.click();
	const menu = coordinator.getByRole('menu', { name: 'Tableau' });
	await expect(menu.getByRole('menuitem')).toHaveCount(5);
	// Checked when the cursor is in the header row; it is in a body cell.
	await expect(menu.getByRole('menuitemcheckbox', { name: 'Ligne d’en-tête' })).toHaveAttribute('aria-checked', 'false');
	await coordinator.screenshot({ path: 'test-results/editor-table-menu-1280.png' });
	await menu.getByRole('menuitem', { name: 'Ajouter une ligne' }).click();
	await expect(menu).toHaveCount(0);
	const sharedTable = editorOf(coAuthor).locator('table', { hasText: `Passages aux urgences évitables ${stamp}` });
	await expect(sharedTable).toBeVisible();
	await expect(sharedTable.locator('tr')).toHaveCount(4);
	await expect(sharedTable.locator('th').first()).toHaveText('Indicateur');
	await coordinator.screenshot({ path: 'test-results/editor-table-1280.png' });

	// The same menu from the keyboard: ArrowDown opens it on its first action, arrows wrap,
	// Escape closes it back to its button, Enter runs an action on the text.
	await select(coordinator, `Passages aux urgences évitables ${stamp}`, true);
	await tableMenu.focus();
	await coordinator.keyboard.press('ArrowDown');
	await expect(menu.getByRole('menuitem', { name: 'Ajouter une ligne' })).toBeFocused();
	await coordinator.keyboard.press('ArrowUp');
	await expect(menu.getByRole('menuitem', { name: 'Supprimer le tableau' })).toBeFocused();
	await coordinator.keyboard.press('Escape');
	await expect(menu).toHaveCount(0);
	await expect(tableMenu).toBeFocused();
	await coordinator.keyboard.press('Enter');
	await coordinator.keyboard.press('ArrowDown');
	await coordinator.keyboard.press('ArrowDown');
	await expect(menu.getByRole('menuitem', { name: 'Ajouter une colonne' })).toBeFocused();
	await coordinator.keyboard.press('Enter');
	await expect(sharedTable.locator('tr').first().locator('th')).toHaveCount(4);
	await expect(editorOf(coordinator)).toBeFocused();
	await coordinator.setViewportSize({ width: 375, height: 800 });
	await select(coordinator, `Passages aux urgences évitables ${stamp}`, true);
	await coordinator.screenshot({ path: 'test-results/editor-table-375.png' });
	await tableMenu.click();
	await coordinator.screenshot({ path: 'test-results/editor-table-menu-375.png' });
	await coordinator.keyboard.press('Escape');
	await coordinator.setViewportSize({ width: 1280, height: 900 });

	// The formatting bar stays in reach while the text scrolls.
	await editorOf(coordinator).getByRole('heading', { name: /Communication/ }).scrollIntoViewIfNeeded();
	await expect.poll(async () => (await toolbar.boundingBox())!.y).toBeLessThan(5);
	await expect(toolbar).toBeInViewport();

	// She comments a sentence with Ctrl+Alt+M and mentions him through the completion.
	await select(coordinator, 'département 88).');
	await coordinator.keyboard.press('Control+Alt+KeyM');
	const box = coordinator.getByLabel('Nouveau commentaire');
	await expect(box).toBeFocused();
	await expect(coordinator.getByText(/Sur le passage «\s*département 88\)\.\s*»/)).toBeVisible();
	await box.pressSequentially(`Chiffre à vérifier ${stamp}, @juli`);
	const suggestion = coordinator.getByRole('list', { name: 'Personnes et groupes à mentionner' }).getByRole('button', { name: /@julien-moreau/ });
	await suggestion.click();
	await expect(box).toHaveValue(`Chiffre à vérifier ${stamp}, @julien-moreau `);
	await coordinator.getByRole('button', { name: 'Publier le commentaire' }).click();
	await expect(coordinator.getByText('Commentaire publié.')).toBeVisible();

	// It arrives at her co-author's open page, without a reload.
	await expect(coAuthor.getByText(`Chiffre à vérifier ${stamp}, @julien-moreau`)).toBeVisible();

	// He comments a cell of the table from the button floating beside his selection…
	await select(coAuthor, `Passages aux urgences évitables ${stamp}`);
	await coAuthor.getByRole('button', { name: 'Commenter', exact: true }).click();
	await coAuthor.getByLabel('Nouveau commentaire').fill(`Source : SNDS ${stamp}.`);
	await coAuthor.getByRole('button', { name: 'Publier le commentaire' }).click();
	await expect(coAuthor.getByText('Commentaire publié.')).toBeVisible();
	// …and she sees it arrive live, anchored to the cell.
	await expect(coordinator.getByText(`Source : SNDS ${stamp}.`)).toBeVisible();
	await expect(editorOf(coordinator).locator('td .comment-anchor', { hasText: `Passages aux urgences évitables ${stamp}` })).toBeVisible();
	await coordinator.screenshot({ path: 'test-results/editor-comments-live-1280.png' });

	// The table is in the print view and in the DOCX, as typed.
	const print = await coordinator.context().newPage();
	await print.goto(`${draftUrl}/imprimer`);
	await expect(print.locator('table', { hasText: `Passages aux urgences évitables ${stamp}` }).getByRole('columnheader', { name: 'Budget (€)' })).toBeVisible();
	await print.close();
	const docx = await coordinator.request.get(`${draftUrl}/export/docx`);
	const xml = strFromU8(unzipSync(new Uint8Array(await docx.body()))['word/document.xml']);
	expect(xml).toMatch(new RegExp(`<w:tbl>(?:(?!</w:tbl>).)*Passages aux urgences évitables ${stamp}`, 's'));

	// A folded panel stays folded after a reload; the text then takes its room.
	const fold = coordinator.getByRole('button', { name: 'Masquer : Commentaires' });
	const before = (await editorOf(coordinator).boundingBox())!.width;
	await fold.click();
	await expect(coordinator.getByRole('button', { name: 'Afficher : Commentaires' })).toHaveAttribute('aria-expanded', 'false');
	await coordinator.reload();
	await expect(coordinator.getByRole('button', { name: 'Afficher : Commentaires' })).toHaveAttribute('aria-expanded', 'false');
	await expect.poll(async () => (await editorOf(coordinator).boundingBox())?.width ?? 0).toBeGreaterThan(before);
	await coordinator.getByRole('button', { name: 'Afficher : Commentaires' }).click();

	await coordinator.context().close();
	await coAuthor.context().close();
});

test('on a phone, the text comes first and the table scrolls inside its box', async ({ browser }) => {
	test.setTimeout(60_000);
	const page = await pageAs(browser, DEMO.member, { width: 375, height: 800 });
	await openDraft(page);
	// First visit on a phone: the outline is folded, the text is the first thing after the actions.
	await expect(page.getByRole('button', { name: 'Afficher : Sommaire' })).toBeVisible();
	const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(pageWidth).toBeLessThanOrEqual(375);
	await page.screenshot({ path: 'test-results/editor-375.png', fullPage: false });
	await page.context().close();
});
