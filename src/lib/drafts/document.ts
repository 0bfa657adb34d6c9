/**
 * The shape of a draft's text, shared by the browser editor and the server (template,
 * exports, versions): Tiptap's StarterKit nodes and tables (fiches-actions with their
 * indicators and budget) in the Y.XmlFragment named DRAFT_FIELD of
 * the draft's Yjs document. Both sides build their ProseMirror schema from this one list,
 * so what the server writes is exactly what the editor reads.
 */
import { TableKit } from '@tiptap/extension-table';
import StarterKit from '@tiptap/starter-kit';

/** The Y.XmlFragment holding the text (Tiptap Collaboration's default field). */
export const DRAFT_FIELD = 'default';

/**
 * Root of the Y.Map of the draft's Yjs document that carries signals, not text: ws-server
 * relays and stores it like the text, so whoever may open the document hears them, and
 * nobody else. COMMENTS_CHANGED_KEY changes when a thread is added, answered or resolved.
 */
export const DRAFT_SIGNALS = 'signals';
export const COMMENTS_CHANGED_KEY = 'comments';

/**
 * The editor's content extensions (history is Yjs's, so StarterKit's undo/redo is off).
 * Tables are not resizable: column widths would be one more thing to merge between
 * co-authors, and the DOCX and print views size columns themselves.
 */
export function draftContentExtensions() {
	return [
		StarterKit.configure({ undoRedo: false, link: { openOnClick: false, autolink: true } }),
		TableKit.configure({ table: { resizable: false, renderWrapper: true } })
	];
}

/** A ProseMirror node as JSON (what Tiptap's getJSON() and y-tiptap's converters use). */
export interface DocNode {
	type: string;
	attrs?: Record<string, unknown>;
	content?: DocNode[];
	text?: string;
	marks?: { type: string; attrs?: Record<string, unknown> }[];
}

/** The text of a node and its descendants. */
export function nodeText(node: DocNode): string {
	if (node.type === 'text') return node.text ?? '';
	if (node.type === 'hardBreak') return '\n';
	// Cells and rows read as a line of text: « Indicateur | Cible ».
	if (node.type === 'tableRow') return (node.content ?? []).map(nodeText).join(' | ');
	if (node.type === 'table') return (node.content ?? []).map(nodeText).join('\n');
	return (node.content ?? []).map(nodeText).join('');
}

export interface OutlineEntry {
	/** Index of the heading among the top-level blocks. */
	index: number;
	level: number;
	text: string;
}

/** The headings of a document, in order (the table of contents). */
export function outlineOf(doc: DocNode): OutlineEntry[] {
	const entries: OutlineEntry[] = [];
	(doc.content ?? []).forEach((block, index) => {
		if (block.type === 'heading') entries.push({ index, level: Number(block.attrs?.level ?? 1), text: nodeText(block) });
	});
	return entries;
}
