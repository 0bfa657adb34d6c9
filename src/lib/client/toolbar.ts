/**
 * The WAI-ARIA toolbar pattern, shared by every role="toolbar" of the app (forum post editor,
 * draft editor): the whole bar is one Tab stop, so Tab from the field before it reaches the text
 * after one stop instead of one per tool; ArrowLeft/ArrowRight (wrapping), Home and End move
 * between its buttons. The Tab stop is the last button used, as the pattern recommends.
 */
import type { Attachment } from 'svelte/attachments';

/** Roving tabindex and arrow keys on a toolbar element: `<div role="toolbar" {@attach rovingToolbar}>`. */
export const rovingToolbar: Attachment<HTMLElement> = (toolbar) => {
	let current: HTMLButtonElement | null = null;

	// Disabled buttons cannot take focus: they are skipped, and never hold the Tab stop. The
	// items of a tool's menu are the menu's own to move between (draft table menu).
	const tools = () => [...toolbar.querySelectorAll<HTMLButtonElement>('button')].filter((button) => !button.closest('[role="menu"]'));
	const enabledButtons = () => tools().filter((button) => !button.disabled);

	// Buttons come and go (a tool shown only to commenters) and are enabled later (the draft
	// editor loads after the toolbar): the Tab stop is re-placed on each change, so the bar
	// always has exactly one while any of its buttons can be used.
	function placeTabStop() {
		const enabled = enabledButtons();
		if (!current || !enabled.includes(current)) current = enabled[0] ?? null;
		for (const button of tools()) {
			const tabIndex = button === current ? 0 : -1;
			if (button.tabIndex !== tabIndex) button.tabIndex = tabIndex;
		}
	}

	function onFocusIn(event: FocusEvent) {
		const button = (event.target as Element).closest('button');
		if (!button || button === current || !tools().includes(button)) return;
		current = button;
		placeTabStop();
	}

	function onKeyDown(event: KeyboardEvent) {
		// Alt+Left is the browser's Back, Ctrl+Home scrolls: modified keys are not the toolbar's.
		if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
		const enabled = enabledButtons();
		const at = enabled.indexOf((event.target as Element).closest('button') as HTMLButtonElement);
		if (at < 0) return;
		const last = enabled.length - 1;
		const next =
			event.key === 'ArrowRight' ? (at === last ? 0 : at + 1)
			: event.key === 'ArrowLeft' ? (at === 0 ? last : at - 1)
			: event.key === 'Home' ? 0
			: event.key === 'End' ? last
			: null;
		if (next === null) return;
		event.preventDefault();
		enabled[next].focus();
	}

	placeTabStop();
	const observer = new MutationObserver(placeTabStop);
	observer.observe(toolbar, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled'] });
	toolbar.addEventListener('focusin', onFocusIn);
	toolbar.addEventListener('keydown', onKeyDown);
	return () => {
		observer.disconnect();
		toolbar.removeEventListener('focusin', onFocusIn);
		toolbar.removeEventListener('keydown', onKeyDown);
	};
};
