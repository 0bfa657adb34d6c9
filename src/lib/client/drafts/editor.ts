/**
 * The collaborative editor of a draft, loaded only on draft pages (dynamic import): Tiptap 3
 * over one Yjs document, synchronised by y-websocket's own WebsocketProvider (OwnPresenceProvider:
 * without its echo of other people's presence) with ws-server
 * (/collab/<document name>), kept in the browser by y-indexeddb so edits made offline
 * survive a reload and merge on reconnect. Presence (avatars, named carets and selections,
 * who edits which section) travels in Yjs awareness; carets are drawn by y-tiptap's cursor
 * plugin (@tiptap/extension-collaboration-caret stops at 3.31.3, behind our Tiptap).
 */
import { Editor, Extension } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import {
	absolutePositionToRelativePosition,
	relativePositionToAbsolutePosition,
	yCursorPlugin,
	ySyncPluginKey
} from '@tiptap/y-tiptap';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { COMMENTS_CHANGED_KEY, DRAFT_FIELD, DRAFT_SIGNALS, draftContentExtensions } from '$lib/drafts/document';
import { OwnPresenceProvider } from './provider';

export interface Participant {
	clientId: number;
	name: string;
	color: string;
	/** Index (among top-level blocks) of the heading of the section their caret is in. */
	section: number | null;
	self: boolean;
	canEdit: boolean;
}

export type ConnectionState = 'connecting' | 'connected' | 'disconnected' | 'offline';

export interface EditorStatus {
	connection: ConnectionState;
	/** The server has sent its state since the last (re)connection. */
	synced: boolean;
	/** Local edits the server may not have yet (made offline or before the sync). */
	unsynced: boolean;
	/** Local copy in IndexedDB loaded (edits survive a reload). */
	storedLocally: boolean;
	/** A close code after which the provider stopped (refused, not found…). */
	closedCode: number | null;
}

export interface CommentAnchor {
	id: string;
	anchorStart: string | null;
	anchorEnd: string | null;
	resolved: boolean;
}

export interface DraftEditorOptions {
	element: HTMLElement;
	documentName: string;
	user: { id: string; name: string; color: string };
	editable: boolean;
	onStatus(status: EditorStatus): void;
	onParticipants(participants: Participant[]): void;
	onOutline(outline: { index: number; level: number; text: string }[]): void;
	onActiveComment?(id: string | null): void;
	/** Someone added, answered or resolved a thread (the server's signal, see drafts/live.ts). */
	onCommentsChanged?(): void;
	/** Accessible name of the editing area. */
	label: string;
	/** Id of the editing area (the toolbar names it in aria-controls). */
	id?: string;
	/** Id of the text that tells keyboard users how to leave the editing area. */
	describedBy?: string;
	/**
	 * Escape pressed in the text. Inside a list Tab indents the item (Tiptap's list keys), so
	 * Tab alone does not leave the text there: Escape is the way out (WCAG 2.1.2).
	 */
	onEscape?(): void;
}

const commentsKey = new PluginKey<{ anchors: CommentAnchor[]; decorations: DecorationSet }>('draftComments');

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (char) => char.charCodeAt(0));

function caret(user: { name?: string; color?: string }): HTMLElement {
	const cursor = document.createElement('span');
	cursor.className = 'collab-caret';
	cursor.style.borderColor = user.color ?? '#444';
	const label = document.createElement('span');
	label.className = 'collab-caret-label';
	label.style.backgroundColor = user.color ?? '#444';
	label.textContent = user.name ?? '?';
	cursor.append(label);
	return cursor;
}

export function createDraftEditor(options: DraftEditorOptions) {
	const ydoc = new Y.Doc();
	const fragment = ydoc.getXmlFragment(DRAFT_FIELD);
	// One local copy per person: someone else signing in on this browser starts from the server.
	const local = new IndexeddbPersistence(`reseau-cpts:${options.user.id}:${options.documentName}`, ydoc);
	const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/collab`;
	const provider = new OwnPresenceProvider(url, options.documentName, ydoc, { maxBackoffTime: 2_500 });
	const awareness = provider.awareness;

	const status: EditorStatus = {
		connection: navigator.onLine ? 'connecting' : 'offline',
		synced: false,
		unsynced: false,
		storedLocally: false,
		closedCode: null
	};
	const emitStatus = () => options.onStatus({ ...status });

	provider.on('status', ({ status: next }) => {
		status.connection = !navigator.onLine ? 'offline' : next;
		if (next !== 'connected') status.synced = false;
		emitStatus();
	});
	provider.on('sync', (synced: boolean) => {
		status.synced = synced;
		// Once synced, the provider has sent everything we had (sync step 2 answers the
		// server's state vector), so what was pending is now on the server.
		if (synced && provider.wsconnected) status.unsynced = false;
		emitStatus();
	});
	provider.on('connection-close', (event) => {
		if (event && event.code >= 4400 && event.code < 4500) status.closedCode = event.code;
		emitStatus();
	});
	local.on('synced', () => {
		status.storedLocally = true;
		emitStatus();
	});
	ydoc.on('update', (_update: Uint8Array, origin: unknown) => {
		// Our own edits (not the provider's, not IndexedDB's) while not in sync are pending.
		if (origin !== provider && origin !== local && !(navigator.onLine && provider.wsconnected && provider.synced)) {
			status.unsynced = true;
			emitStatus();
		}
	});
	// A socket can outlive the network for a while (the provider only notices after 30 s of
	// silence): close it when the browser goes offline and reconnect as soon as it is back,
	// so edits made meanwhile are counted as pending and merged by the next sync.
	const onOnline = () => {
		if (status.connection === 'offline') status.connection = 'connecting';
		emitStatus();
		if (status.closedCode === null) provider.connect();
	};
	const onOffline = () => {
		provider.disconnect();
		status.connection = 'offline';
		status.synced = false;
		emitStatus();
	};
	window.addEventListener('online', onOnline);
	window.addEventListener('offline', onOffline);

	// The server's "threads changed" signal. What the first sync or the local copy brings is
	// history (the page was rendered with those threads); later changes, including those
	// missed while offline and brought by a resync, are news. Each delivered signal changes
	// the key (see drafts/live.ts: its value means nothing).
	let firstSyncDone = false;
	provider.once('sync', () => (firstSyncDone = true));
	ydoc.getMap(DRAFT_SIGNALS).observe((event, transaction) => {
		if (!firstSyncDone || transaction.origin === local || !event.keysChanged.has(COMMENTS_CHANGED_KEY)) return;
		options.onCommentsChanged?.();
	});

	awareness.setLocalStateField('user', { name: options.user.name, color: options.user.color, canEdit: options.editable });

	const Presence = Extension.create({
		name: 'draftPresence',
		addProseMirrorPlugins() {
			return [yCursorPlugin(awareness, { cursorBuilder: caret })];
		}
	});

	const Comments = Extension.create({
		name: 'draftComments',
		addProseMirrorPlugins() {
			return [
				new Plugin({
					key: commentsKey,
					state: {
						init: () => ({ anchors: [] as CommentAnchor[], decorations: DecorationSet.empty }),
						apply(tr, previous, _oldState, newState) {
							const anchors: CommentAnchor[] = tr.getMeta(commentsKey) ?? previous.anchors;
							const binding = ySyncPluginKey.getState(newState)?.binding;
							if (!binding) return { anchors, decorations: DecorationSet.empty };
							const decorations: Decoration[] = [];
							for (const anchor of anchors) {
								if (!anchor.anchorStart || !anchor.anchorEnd || anchor.resolved) continue;
								try {
									const from = relativePositionToAbsolutePosition(
										ydoc,
										fragment,
										Y.decodeRelativePosition(fromBase64(anchor.anchorStart)),
										binding.mapping
									);
									const to = relativePositionToAbsolutePosition(
										ydoc,
										fragment,
										Y.decodeRelativePosition(fromBase64(anchor.anchorEnd)),
										binding.mapping
									);
									if (from === null || to === null || to <= from || to > newState.doc.content.size) continue;
									decorations.push(Decoration.inline(from, to, { class: 'comment-anchor', 'data-thread': anchor.id }));
								} catch {
									// An anchor whose text was deleted: the thread still lists it, with its quote.
								}
							}
							return { anchors, decorations: DecorationSet.create(newState.doc, decorations) };
						}
					},
					props: {
						decorations: (state) => commentsKey.getState(state)?.decorations,
						handleClick(view, pos) {
							const found = commentsKey.getState(view.state)?.decorations.find(pos, pos)[0];
							options.onActiveComment?.((found?.spec as { 'data-thread'?: string } | undefined)?.['data-thread'] ?? null);
							return false;
						}
					}
				})
			];
		}
	});

	const editor = new Editor({
		element: options.element,
		editable: options.editable,
		extensions: [
			...draftContentExtensions(),
			Collaboration.configure({ document: ydoc, field: DRAFT_FIELD }),
			Presence,
			Comments,
			Extension.create({
				name: 'leaveWithEscape',
				addKeyboardShortcuts: () => ({
					Escape: () => {
						options.onEscape?.();
						return options.onEscape !== undefined;
					}
				})
			})
		],
		editorProps: {
			attributes: {
				class: 'draft-text',
				...(options.id ? { id: options.id } : {}),
				role: 'textbox',
				'aria-multiline': 'true',
				'aria-label': options.label,
				...(options.describedBy ? { 'aria-describedby': options.describedBy } : {}),
				...(options.editable ? {} : { 'aria-readonly': 'true' })
			}
		}
	});

	/** Index of the heading that opens the section containing a document position. */
	const sectionAt = (pos: number): number | null => {
		let current: number | null = null;
		editor.state.doc.forEach((node, offset, index) => {
			if (offset <= pos && node.type.name === 'heading') current = index;
		});
		return current;
	};

	let outlineTimer: ReturnType<typeof setTimeout> | undefined;
	const emitOutline = () => {
		clearTimeout(outlineTimer);
		outlineTimer = setTimeout(() => {
			const outline: { index: number; level: number; text: string }[] = [];
			editor.state.doc.forEach((node, _offset, index) => {
				if (node.type.name === 'heading') outline.push({ index, level: Number(node.attrs.level), text: node.textContent });
			});
			options.onOutline(outline);
		}, 150);
	};
	editor.on('create', emitOutline);
	editor.on('update', emitOutline);
	editor.on('selectionUpdate', () => {
		const section = editor.isFocused ? sectionAt(editor.state.selection.from) : null;
		if (awareness.getLocalState()?.section !== section) awareness.setLocalStateField('section', section);
	});
	editor.on('blur', () => awareness.setLocalStateField('section', null));

	const emitParticipants = () => {
		const participants: Participant[] = [];
		for (const [clientId, state] of awareness.getStates()) {
			const user = state.user as { name?: string; color?: string; canEdit?: boolean } | undefined;
			if (!user?.name) continue;
			participants.push({
				clientId,
				name: user.name,
				color: user.color ?? '#444',
				section: typeof state.section === 'number' ? state.section : null,
				self: clientId === ydoc.clientID,
				canEdit: Boolean(user.canEdit)
			});
		}
		participants.sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name, 'fr'));
		options.onParticipants(participants);
	};
	awareness.on('change', emitParticipants);
	emitParticipants();
	emitStatus();

	return {
		editor,
		/** The current selection as a comment anchor (base64 relative positions), or null. */
		selectionAnchor(): { anchorStart: string; anchorEnd: string; quote: string } | null {
			const { from, to, empty } = editor.state.selection;
			const binding = ySyncPluginKey.getState(editor.state)?.binding;
			if (empty || !binding) return null;
			const start = absolutePositionToRelativePosition(from, fragment, binding.mapping);
			const end = absolutePositionToRelativePosition(to, fragment, binding.mapping);
			return {
				anchorStart: toBase64(Y.encodeRelativePosition(start)),
				anchorEnd: toBase64(Y.encodeRelativePosition(end)),
				quote: editor.state.doc.textBetween(from, to, ' ').slice(0, 500)
			};
		},
		setComments(anchors: CommentAnchor[]) {
			editor.view.dispatch(editor.state.tr.setMeta(commentsKey, anchors).setMeta('addToHistory', false));
		},
		/** Where the selection ends on screen (viewport coordinates), or null when nothing is selected. */
		selectionEnd(): { top: number; bottom: number; left: number } | null {
			const { to, empty } = editor.state.selection;
			if (empty) return null;
			const { top, bottom, left } = editor.view.coordsAtPos(to);
			return { top, bottom, left };
		},
		/** Selects the text a thread is anchored to (false when that text was deleted). */
		goToAnchor(anchor: CommentAnchor): boolean {
			const binding = ySyncPluginKey.getState(editor.state)?.binding;
			if (!binding || !anchor.anchorStart || !anchor.anchorEnd) return false;
			try {
				const resolve = (value: string) =>
					relativePositionToAbsolutePosition(ydoc, fragment, Y.decodeRelativePosition(fromBase64(value)), binding.mapping);
				const from = resolve(anchor.anchorStart);
				const to = resolve(anchor.anchorEnd);
				if (from === null || to === null || to <= from) return false;
				editor.chain().focus().setTextSelection({ from, to }).scrollIntoView().run();
				return true;
			} catch {
				return false;
			}
		},
		/** Scrolls to the top-level block at `index` and puts the caret in it. */
		goToBlock(index: number) {
			let target = 0;
			editor.state.doc.forEach((_node, offset, i) => {
				if (i === index) target = offset + 1;
			});
			editor.chain().focus().setTextSelection(target).scrollIntoView().run();
		},
		reconnect() {
			status.closedCode = null;
			provider.connect();
		},
		destroy() {
			clearTimeout(outlineTimer);
			window.removeEventListener('online', onOnline);
			window.removeEventListener('offline', onOffline);
			editor.destroy();
			provider.destroy();
			void local.destroy();
			ydoc.destroy();
		}
	};
}

export type DraftEditorHandle = ReturnType<typeof createDraftEditor>;
