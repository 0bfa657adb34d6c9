/**
 * Health-project drafts in the browser, with real Chromium contexts talking to the real
 * collaboration server: two members of La Plaine create a draft from a rural profil-type,
 * co-write it and see each other's carets, comment with a mention, submit it to the ARS (a
 * named version), restore an older version and export it to DOCX; a version is restored
 * from a browser without JavaScript while a co-editor watches it happen; then a co-editor
 * goes offline, keeps writing, comes back, and both converge.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { unzipSync, strFromU8 } from 'fflate';
import { DEMO, signIn } from './fixtures';

const stamp = Date.now().toString(36);

async function pageAs(browser: Browser, account: { email: string; password: string }, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
	const context = await browser.newContext(options);
	const page = await context.newPage();
	await signIn(page, account);
	return page;
}

const editorOf = (page: Page) => page.getByRole('textbox', { name: 'Texte du projet de santé' });

async function waitConnected(page: Page) {
	await expect(page.getByRole('status').filter({ hasText: 'Connecté, modifications partagées en direct' })).toBeVisible({ timeout: 20_000 });
}

/** Puts the caret right after `text` in the editor (a DOM selection ProseMirror adopts) and types. */
async function typeAfter(page: Page, text: string, typed: string) {
	await editorOf(page).focus();
	await page.evaluate((needle) => {
		const root = document.querySelector('.draft-text[contenteditable]')!;
		const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const at = node.textContent!.indexOf(needle);
			if (at < 0) continue;
			const range = document.createRange();
			range.setStart(node, at + needle.length);
			range.collapse(true);
			const selection = window.getSelection()!;
			selection.removeAllRanges();
			selection.addRange(range);
			return;
		}
		throw new Error(`text not found in the editor: ${needle}`);
	}, text);
	await page.keyboard.type(typed);
}

test('two members of La Plaine create, co-write, comment, submit, restore and export a draft', async ({ browser }) => {
	test.setTimeout(120_000);
	const trainer = await pageAs(browser, DEMO.trainer); // Dr Marc Girard, coordinator of La Plaine
	const member = await pageAs(browser, DEMO.member); // Julien Moreau, member of La Plaine

	// Creation from a rural profil-type of the library.
	await trainer.goto('/projets');
	await trainer.getByRole('link', { name: 'Nouveau projet pour la CPTS de La Plaine' }).click();
	await trainer.getByLabel('Titre du projet').fill(`Projet de santé rural ${stamp}`);
	await trainer.getByRole('radio', { name: /Profil-type rural : bassin de vie isolé/ }).check();
	await trainer.getByRole('button', { name: 'Créer le projet' }).click();
	await expect(trainer.getByRole('heading', { level: 1, name: `Projet de santé rural ${stamp}` })).toBeVisible();
	await expect(trainer.getByText('Projet créé.')).toBeVisible();
	await waitConnected(trainer);
	// The template, pre-filled from the profil-type, is what the editor shows.
	await expect(editorOf(trainer).getByRole('heading', { name: '1. Diagnostic territorial' })).toBeVisible();
	await expect(editorOf(trainer).getByText('Créneaux de soins non programmés pour les enfants le soir à partir de 18 h').first()).toBeVisible();
	const draftUrl = trainer.url().split('?')[0];

	// The member finds it in their list and opens it: both are present, with named carets.
	await member.goto('/projets');
	await member.getByRole('link', { name: `Projet de santé rural ${stamp}` }).click();
	await waitConnected(member);
	await expect(member.getByRole('group', { name: 'Personnes présentes' }).getByText('Dr Marc Girard')).toBeAttached();
	await expect(trainer.getByRole('group', { name: 'Personnes présentes' }).getByText('Julien Moreau')).toBeAttached();

	await typeAfter(trainer, 'habitants (rural, Grand Est, département 88).', ' La pharmacie de Châtenois relaie les questionnaires.');
	await expect(editorOf(member).getByText('La pharmacie de Châtenois relaie les questionnaires.')).toBeVisible();
	await typeAfter(member, 'professionnels de santé exercent sur le territoire.', ' Trois médecins partiront en retraite avant 2028.');
	await expect(editorOf(trainer).getByText('Trois médecins partiront en retraite avant 2028.')).toBeVisible();
	await expect(trainer.locator('.collab-caret-label', { hasText: 'Julien Moreau' })).toBeVisible();
	await expect(member.locator('.collab-caret-label', { hasText: 'Dr Marc Girard' })).toBeVisible();
	// The table of contents says who writes in which section.
	await expect(trainer.getByRole('navigation', { name: 'Sommaire' }).locator('li', { hasText: 'Offre de soins' })).toContainText('Julien Moreau');
	await trainer.screenshot({ path: 'test-results/drafts-two-users.png', fullPage: false });

	// The member comments on a passage and mentions the coordinator.
	await editorOf(member).getByText('Trois médecins partiront en retraite avant 2028.').dblclick();
	await member.getByRole('button', { name: 'Commenter la sélection' }).click();
	await expect(member.getByText(/Sur le passage «\s\w+/)).toBeVisible();
	await member.getByLabel('Nouveau commentaire').fill('@dr-marc-girard, chiffre à confirmer avec l’ARS.');
	await member.getByRole('button', { name: 'Publier le commentaire' }).click();
	await expect(member.getByText('Commentaire publié.')).toBeVisible();
	await expect(member.locator('.comment-anchor').first()).toBeVisible();
	await trainer.reload();
	await waitConnected(trainer);
	await expect(trainer.getByText('@dr-marc-girard, chiffre à confirmer avec l’ARS.')).toBeVisible();
	await expect(trainer.locator('.comment-anchor').first()).toBeVisible();
	// From the thread to its passage, by keyboard: the passage is selected in the text.
	const quote = (await trainer.locator('.comment-anchor').first().innerText()).trim();
	await trainer.getByRole('button', { name: `Aller au passage commenté : « ${quote} »` }).focus();
	await trainer.keyboard.press('Enter');
	await expect.poll(() => trainer.evaluate(() => window.getSelection()?.toString().trim())).toBe(quote);
	await trainer.getByRole('link', { name: /Notifications/ }).click();
	await expect(trainer.getByText(`Julien Moreau vous a mentionné dans « Projet de santé rural ${stamp} »`).first()).toBeVisible();

	// The coordinator moves it to review, then submits it to the ARS: each freezes a version.
	await trainer.goto(draftUrl);
	await waitConnected(trainer);
	await trainer.getByRole('button', { name: 'Passer en relecture' }).click();
	await expect(trainer.getByText(/Statut «\sEn relecture\s» enregistré\s; la version \d+ est figée\./)).toBeVisible();
	await trainer.getByRole('button', { name: 'Soumettre à l’ARS' }).click();
	await expect(trainer.getByText(/Statut «\sSoumis à l’ARS\s» enregistré\s; la version \d+ est figée\./)).toBeVisible();
	// The member may not move the status.
	await member.reload();
	await expect(member.getByRole('button', { name: 'Soumettre à l’ARS' })).toHaveCount(0);

	// A late change, then the submitted version is restored: everyone receives the restore.
	await waitConnected(member);
	await typeAfter(member, 'La pharmacie de Châtenois relaie les questionnaires.', ' Ajout tardif à retirer.');
	await expect(editorOf(trainer).getByText('Ajout tardif à retirer.')).toBeVisible();
	await trainer.getByRole('link', { name: /Historique/ }).click();
	await trainer.locator('tr', { hasText: 'Passage au statut « Soumis à l’ARS »' }).getByRole('link').click();
	await expect(trainer.getByRole('heading', { level: 1, name: /Passage au statut « Soumis à l’ARS »/ })).toBeVisible();
	// The comparison is with the text as typed, not as last written (no wait for the write window).
	await expect(trainer.locator('ins', { hasText: 'Ajout tardif à retirer.' })).toBeVisible();
	await trainer.getByRole('button', { name: /Restaurer la version \d+/ }).click();
	await expect(trainer.getByText(/Version \d+ restaurée/)).toBeVisible();
	await expect(editorOf(trainer).getByText('Ajout tardif à retirer.')).toHaveCount(0);
	await expect(editorOf(member).getByText('Ajout tardif à retirer.')).toHaveCount(0);
	await expect(editorOf(member).getByText('La pharmacie de Châtenois relaie les questionnaires.')).toBeVisible();

	// DOCX export of the text as typed: a sentence typed just now is in it.
	await waitConnected(trainer);
	await typeAfter(member, 'La pharmacie de Châtenois relaie les questionnaires.', ' Dernière phrase avant l’export.');
	await expect(editorOf(trainer).getByText('Dernière phrase avant l’export.')).toBeVisible();
	const response = await trainer.request.get(`${draftUrl}/export/docx`);
	const xml = strFromU8(unzipSync(new Uint8Array(await response.body()))['word/document.xml']);
	expect(xml).toContain('Dernière phrase avant l’export.');
	expect(xml).not.toContain('Ajout tardif');
	const download = trainer.waitForEvent('download');
	await trainer.goto(draftUrl);
	await trainer.getByRole('link', { name: 'Exporter en DOCX' }).click();
	expect((await download).suggestedFilename()).toBe(`projet-de-sante-rural-${stamp}.docx`);

	await trainer.context().close();
	await member.context().close();
});

test('a version is restored from a browser without JavaScript; a co-editor sees it happen', async ({ browser }) => {
	test.setTimeout(90_000);
	const member = await pageAs(browser, DEMO.member);
	const trainer = await pageAs(browser, DEMO.trainer, { javaScriptEnabled: false });
	await member.goto('/cpts/la-plaine/projets');
	await member.getByRole('link', { name: 'Projet de santé 2026 de la CPTS de La Plaine' }).click();
	await member.waitForURL(/\/projets\/[a-z2-7]+$/);
	const draftUrl = member.url();
	await waitConnected(member);
	await typeAfter(member, 'département 88).', ` À retirer sans JavaScript ${stamp}.`);

	// Without JavaScript: the history, the comparison with the text as typed, a plain form.
	await trainer.goto(`${draftUrl}/versions`);
	await trainer.getByRole('link', { name: /Version 1\b/ }).click();
	await expect(trainer.locator('ins', { hasText: `À retirer sans JavaScript ${stamp}.` })).toBeVisible();
	await trainer.screenshot({ path: 'test-results/drafts-restore-no-js.png', fullPage: true });
	await trainer.getByRole('button', { name: 'Restaurer la version 1' }).click();
	await expect(trainer).toHaveURL(/\?restauree=1$/);
	await expect(trainer.getByRole('status').filter({ hasText: 'Version 1 restaurée.' })).toBeVisible();
	await trainer.screenshot({ path: 'test-results/drafts-restored-no-js.png' });
	await expect(trainer.getByText(`À retirer sans JavaScript ${stamp}.`)).toHaveCount(0);
	// The co-editor's open editor received the restore as a change of the shared document.
	await expect(editorOf(member).getByText(`À retirer sans JavaScript ${stamp}.`)).toHaveCount(0);
	await expect(editorOf(member).getByText('département 88).')).toBeVisible();

	await trainer.context().close();
	await member.context().close();
});

test('a co-editor goes offline, keeps writing, comes back, and both converge', async ({ browser }) => {
	test.setTimeout(90_000);
	const trainer = await pageAs(browser, DEMO.trainer);
	const member = await pageAs(browser, DEMO.member);
	await trainer.goto('/cpts/la-plaine/projets');
	await trainer.getByRole('link', { name: 'Projet de santé 2026 de la CPTS de La Plaine' }).click();
	await trainer.waitForURL(/\/projets\/[a-z2-7]+$/);
	const draftUrl = trainer.url();
	await member.goto(draftUrl);
	await waitConnected(trainer);
	await waitConnected(member);
	// The member's presence from the previous test may linger until its socket times out:
	// what this waits for is this session's presence, at least one.
	await expect(trainer.getByRole('group', { name: 'Personnes présentes' }).getByText('Julien Moreau').first()).toBeAttached();

	await member.context().setOffline(true);
	await expect(member.getByRole('status').filter({ hasText: /Hors ligne|Déconnecté/ })).toBeVisible({ timeout: 45_000 });
	await typeAfter(member, 'département 88).', ` Note hors ligne ${stamp}.`);
	await expect(member.getByText('modifications pas encore envoyées')).toBeVisible();
	await typeAfter(trainer, 'professionnels de santé exercent sur le territoire.', ` Note en ligne ${stamp}.`);
	await expect(editorOf(trainer).getByText(`Note hors ligne ${stamp}.`)).toHaveCount(0);

	await member.context().setOffline(false);
	await waitConnected(member);
	await expect(editorOf(trainer).getByText(`Note hors ligne ${stamp}.`)).toBeVisible();
	await expect(editorOf(member).getByText(`Note en ligne ${stamp}.`)).toBeVisible();
	await expect(member.getByText('modifications pas encore envoyées')).toHaveCount(0);
	// Same text on both sides (other people's carets, drawn inside the text, left out).
	const text = (page: Page) =>
		page.evaluate(() => {
			const copy = document.querySelector('.draft-text[contenteditable]')!.cloneNode(true) as HTMLElement;
			copy.querySelectorAll('.collab-caret').forEach((caret) => caret.remove());
			return copy.textContent;
		});
	await expect.poll(async () => (await text(member)) === (await text(trainer))).toBe(true);
	expect(await text(member)).toContain(`Note hors ligne ${stamp}.`);

	await trainer.context().close();
	await member.context().close();
});

test('a facilitator reads and comments without editing; a coordinator of another CPTS is refused', async ({ browser }) => {
	const facilitator = await pageAs(browser, DEMO.facilitator);
	await facilitator.goto('/cpts/la-plaine/projets');
	await facilitator.getByRole('link', { name: 'Projet de santé 2026 de la CPTS de La Plaine' }).click();
	await facilitator.waitForURL(/\/projets\/[a-z2-7]+$/);
	const draftUrl = facilitator.url();
	await waitConnected(facilitator);
	await expect(facilitator.getByText('Vous pouvez lire et commenter ce projet, sans modifier le texte.')).toBeVisible();
	const editor = editorOf(facilitator);
	await expect(editor).toHaveAttribute('contenteditable', 'false');
	await expect(facilitator.getByRole('button', { name: 'Gras' })).toHaveCount(0);
	await expect(facilitator.getByRole('button', { name: 'Soumettre à l’ARS' })).toHaveCount(0);
	await expect(facilitator.getByRole('heading', { name: 'Nommer une version' })).toHaveCount(0);
	await facilitator.getByLabel('Nouveau commentaire').fill('La fiche « soins non programmés » de la bibliothèque peut vous aider.');
	await facilitator.getByRole('button', { name: 'Publier le commentaire' }).click();
	await expect(facilitator.getByText('Commentaire publié.')).toBeVisible();

	const outsider = await pageAs(browser, DEMO.coordinator);
	const refused = await outsider.goto(draftUrl);
	expect(refused?.status()).toBe(403);
	await expect(outsider.getByText('Vous n’avez pas accès à ce projet de santé')).toBeVisible();
	const exportRefused = await outsider.request.get(`${draftUrl}/export/docx`);
	expect(exportRefused.status()).toBe(403);
	await outsider.context().clearCookies();
	await outsider.goto(draftUrl);
	await expect(outsider).toHaveURL(/\/connexion\?redirectTo=/);

	await facilitator.context().close();
	await outsider.context().close();
});

test('keyboard only: the draft toolbar is one Tab stop, arrows move in it, Enter and Space bold the selection, Escape leaves a list', async ({ browser }) => {
	test.setTimeout(60_000);
	const trainer = await pageAs(browser, DEMO.trainer);
	await trainer.goto('/cpts/la-plaine/projets');
	await trainer.getByRole('link', { name: 'Projet de santé 2026 de la CPTS de La Plaine' }).click();
	await waitConnected(trainer);
	const editor = editorOf(trainer);
	const toolbar = trainer.getByRole('toolbar', { name: 'Mise en forme' });
	const bold = toolbar.getByRole('button', { name: 'Gras' });
	const italic = toolbar.getByRole('button', { name: 'Italique' });
	const last = toolbar.getByRole('button', { name: 'Commenter la sélection' });
	await expect(bold).toBeEnabled();

	// Tab from the table of contents lands on one tool, the next Tab on the text: nine tools, one stop.
	await trainer.getByRole('navigation', { name: 'Sommaire' }).getByRole('button').last().focus();
	await trainer.keyboard.press('Tab');
	await expect(bold).toBeFocused();
	await expect(bold).toHaveCSS('outline-style', 'solid');
	await trainer.keyboard.press('Tab');
	await expect(editor).toBeFocused();

	// A sentence typed, then selected with the keyboard.
	const sentence = `Gras au clavier ${stamp}.`;
	await typeAfter(trainer, 'département 88).', ` ${sentence}`);
	for (let i = 0; i < sentence.length; i++) await trainer.keyboard.press('Shift+ArrowLeft');
	await expect.poll(() => trainer.evaluate(() => window.getSelection()?.toString())).toBe(sentence);

	// Back into the toolbar; arrows move and wrap, Home and End reach the ends.
	await trainer.keyboard.press('Shift+Tab');
	await expect(bold).toBeFocused();
	await trainer.keyboard.press('ArrowRight');
	await expect(italic).toBeFocused();
	await trainer.keyboard.press('ArrowLeft');
	await trainer.keyboard.press('ArrowLeft');
	await expect(last).toBeFocused();
	await trainer.keyboard.press('ArrowRight');
	await expect(bold).toBeFocused();
	await trainer.keyboard.press('End');
	await expect(last).toBeFocused();
	await trainer.keyboard.press('Home');
	await expect(bold).toBeFocused();
	await expect(toolbar.locator('[tabindex="0"]')).toHaveCount(1);
	await expect(bold).toHaveAttribute('aria-pressed', 'false');
	// The toolbar names the text it acts on.
	await expect(toolbar).toHaveAttribute('aria-controls', 'draft-editor');
	await expect(editor).toHaveAttribute('id', 'draft-editor');

	// Space bolds the selection and gives the text back the focus; the button says it is on.
	await trainer.keyboard.press('Space');
	await expect(editor).toBeFocused();
	await expect(editor.locator('strong', { hasText: sentence })).toBeVisible();
	await expect(bold).toHaveAttribute('aria-pressed', 'true');

	// The Tab stop is the last tool used; Enter takes the bold off again.
	await trainer.keyboard.press('Shift+Tab');
	await expect(bold).toBeFocused();
	await trainer.keyboard.press('Enter');
	await expect(editor).toBeFocused();
	await expect(editor.locator('strong', { hasText: sentence })).toHaveCount(0);
	await expect(bold).toHaveAttribute('aria-pressed', 'false');

	// Moved to another tool, Tab still leaves the toolbar for the text, and Shift+Tab comes back to that tool.
	await trainer.keyboard.press('Shift+Tab');
	await trainer.keyboard.press('ArrowRight');
	await expect(italic).toBeFocused();
	await trainer.keyboard.press('Tab');
	await expect(editor).toBeFocused();
	await trainer.keyboard.press('Shift+Tab');
	await expect(italic).toBeFocused();

	// In a list, Tab indents the item and the text keeps the focus: Escape is the way out,
	// back to the tool last used, and the text says so to whoever reaches it.
	await expect(editor).toHaveAttribute('aria-describedby', 'draft-keyboard-hint');
	await expect(trainer.locator('#draft-keyboard-hint')).toContainText('Échap ramène à la barre d’outils');
	await trainer.keyboard.press('Tab');
	await expect(editor).toBeFocused();
	await trainer.keyboard.press('ArrowRight');
	await trainer.keyboard.press('Enter');
	await trainer.keyboard.type(`- Premier point ${stamp}`);
	await trainer.keyboard.press('Enter');
	await trainer.keyboard.type(`Second point ${stamp}`);
	await trainer.keyboard.press('Tab');
	await expect(editor).toBeFocused();
	await expect(editor.locator('li li', { hasText: `Second point ${stamp}` })).toBeVisible();
	await trainer.keyboard.press('Escape');
	await expect(italic).toBeFocused();
	await trainer.screenshot({ path: 'test-results/drafts-toolbar-focus.png' });

	await trainer.context().close();
});

test('the table of contents keeps its heading in view while its list scrolls in a short window', async ({ browser }) => {
	const trainer = await pageAs(browser, DEMO.trainer);
	await trainer.setViewportSize({ width: 1280, height: 640 });
	await trainer.goto('/cpts/la-plaine/projets');
	await trainer.getByRole('link', { name: 'Projet de santé 2026 de la CPTS de La Plaine' }).click();
	await waitConnected(trainer);
	const toc = trainer.getByRole('navigation', { name: 'Sommaire' });
	const last = toc.getByRole('button').last();
	await expect(last).not.toBeInViewport();
	// The wheel over the list scrolls the list down to its last section, then the page (the
	// table sticks to the top); the heading stays in view all along.
	const box = (await toc.getByRole('list').boundingBox())!;
	await trainer.mouse.move(box.x + box.width / 2, box.y + 40);
	await expect(async () => {
		await trainer.mouse.wheel(0, 400);
		await expect(last).toBeInViewport({ timeout: 200 });
	}).toPass({ timeout: 10_000 });
	await expect(toc.getByRole('heading', { name: 'Sommaire' })).toBeInViewport();
	await trainer.context().close();
});
