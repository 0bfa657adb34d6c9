/**
 * A draft's text on the server: built from ProseMirror JSON into the Yjs document shape the
 * editor uses (y-tiptap's converters over the editor's own schema), read back from the
 * stored updates ws-server writes, and turned into Markdown or lines for exports and diffs.
 */
import { createHash } from 'node:crypto';
import { getSchema } from '@tiptap/core';
import { prosemirrorJSONToYDoc, updateYFragment, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { createPostgresStore } from '../../../../ws-server/persistence';
import { DRAFT_FIELD, draftContentExtensions, nodeText, type DocNode } from '../../drafts/document';
import { draftDocumentName } from '../collab/names';
import type { LiveFlushResult } from '../collab/channels';
import { deliverDocumentUpdate, flushLiveDocument } from '../collab/registry';
import type { Db, DbOrTx } from '../db';

let schema: ReturnType<typeof getSchema> | undefined;
/** The editor's ProseMirror schema, built once. */
export function draftSchema() {
	return (schema ??= getSchema(draftContentExtensions()));
}

/** A full Yjs state (encodeStateAsUpdate) holding this document in the editor's field. */
export function stateFromJSON(doc: DocNode): Uint8Array {
	const ydoc = prosemirrorJSONToYDoc(draftSchema(), doc, DRAFT_FIELD);
	try {
		return Y.encodeStateAsUpdate(ydoc);
	} finally {
		ydoc.destroy();
	}
}

/** The ProseMirror JSON of a Yjs document (or of a stored state). */
export function jsonFromDoc(ydoc: Y.Doc): DocNode {
	const json = yXmlFragmentToProsemirrorJSON(ydoc.getXmlFragment(DRAFT_FIELD)) as DocNode;
	return { type: 'doc', content: json.content ?? [] };
}

export function docFromState(state: Uint8Array): Y.Doc {
	const ydoc = new Y.Doc();
	Y.applyUpdate(ydoc, state);
	return ydoc;
}

export function jsonFromState(state: Uint8Array): DocNode {
	const ydoc = docFromState(state);
	try {
		return jsonFromDoc(ydoc);
	} finally {
		ydoc.destroy();
	}
}

/**
 * The stored state of a draft's document, as ws-server last wrote it (compacted state plus
 * appended updates; read in one statement by ws-server's own store). Edits still in a
 * connection's debounce window (about 2 s) are not in it yet.
 */
export async function loadStoredState(db: DbOrTx, draftId: string): Promise<Uint8Array> {
	const stored = await createPostgresStore(async () => db as Db).load(draftDocumentName(draftId));
	if (stored.updates.length === 0) return Y.encodeStateAsUpdate(new Y.Doc());
	const ydoc = new Y.Doc();
	try {
		for (const update of stored.updates) Y.applyUpdate(ydoc, update);
		return Y.encodeStateAsUpdate(ydoc);
	} finally {
		ydoc.destroy();
	}
}

/**
 * Makes the stored state hold what people have typed so far: wherever the draft's document
 * is loaded (this process, a separate ws-server, other instances through Redis), what is
 * still in its write window is written first. See flushLiveDocument.
 */
export function flushDraft(draftId: string): Promise<LiveFlushResult> {
	return flushLiveDocument(draftDocumentName(draftId));
}

/** The text of a draft as people typed it (flushed, then read), for exports and comparisons. */
export async function loadCurrentJSON(db: DbOrTx, draftId: string): Promise<DocNode> {
	await flushDraft(draftId);
	return loadStoredJSON(db, draftId);
}

/**
 * The change that turns a draft's text (a full state) into `target`, as one Yjs update, or
 * null when there is nothing to change. y-tiptap's updateYFragment is what the editor's own
 * binding runs when its content is replaced (and what prosemirrorToYXmlFragment runs): it
 * keeps what both texts share and rewrites only what differs, so concurrent edits elsewhere
 * in the text merge with it like with any other change.
 */
export function changeTowards(currentState: Uint8Array, target: DocNode): Uint8Array | null {
	const ydoc = docFromState(currentState);
	try {
		const node = draftSchema().nodeFromJSON(target);
		let update: Uint8Array | null = null;
		ydoc.on('update', (change: Uint8Array) => (update = update ? Y.mergeUpdates([update, change]) : change));
		updateYFragment(ydoc, ydoc.getXmlFragment(DRAFT_FIELD), node, { mapping: new Map(), isOMark: new Map() });
		return update;
	} finally {
		ydoc.destroy();
	}
}

/** Appends a change to a draft's stored document (inside the caller's transaction). */
export async function storeDraftChange(db: DbOrTx, draftId: string, update: Uint8Array): Promise<void> {
	await createPostgresStore(async () => db as Db).append(draftDocumentName(draftId), update);
}

/** Sends a stored change to the draft's live document, wherever it is loaded (see deliverDocumentUpdate). */
export function deliverDraftChange(draftId: string, update: Uint8Array): Promise<void> {
	return deliverDocumentUpdate(draftDocumentName(draftId), update);
}

/** Texts recently read, by a digest of the stored bytes they came from (a tiny LRU). */
const textCache = new Map<string, { digest: string; doc: DocNode }>();
const TEXT_CACHE_SIZE = 200;

/**
 * The stored text of a draft as ProseMirror JSON. Building it means applying every stored
 * update (tens of milliseconds for a long-edited draft), so the result is kept per draft
 * against a digest of the stored bytes: pages read again only pay the database read.
 */
export async function loadStoredJSON(db: DbOrTx, draftId: string): Promise<DocNode> {
	const stored = await createPostgresStore(async () => db as Db).load(draftDocumentName(draftId));
	const hash = createHash('sha256');
	for (const update of stored.updates) hash.update(update);
	const digest = hash.digest('base64');
	const cached = textCache.get(draftId);
	if (cached?.digest === digest) {
		// Most recently used last.
		textCache.delete(draftId);
		textCache.set(draftId, cached);
		return cached.doc;
	}
	const ydoc = new Y.Doc();
	let doc: DocNode;
	try {
		for (const update of stored.updates) Y.applyUpdate(ydoc, update);
		doc = jsonFromDoc(ydoc);
	} finally {
		ydoc.destroy();
	}
	textCache.delete(draftId);
	textCache.set(draftId, { digest, doc });
	if (textCache.size > TEXT_CACHE_SIZE) textCache.delete(textCache.keys().next().value!);
	return doc;
}

/** Whether two states hold the same history (same state vector): nothing changed. */
export function stateVectorOf(state: Uint8Array): Uint8Array {
	return Y.encodeStateVectorFromUpdate(state);
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
	return a.byteLength === b.byteLength && a.every((value, index) => value === b[index]);
}

/**
 * Whether two states deleted the same content. A deletion adds nothing to the state vector,
 * so states with equal vectors still differ when one removed a paragraph the other holds.
 */
export function sameDeletions(a: Uint8Array, b: Uint8Array): boolean {
	return Y.equalDeleteSets(Y.decodeUpdate(a).ds, Y.decodeUpdate(b).ds);
}

// ---------------------------------------------------------------------------------------
// Markdown and plain lines

function inlineMarkdown(nodes: DocNode[] | undefined): string {
	return (nodes ?? [])
		.map((node) => {
			if (node.type === 'hardBreak') return '  \n';
			if (node.type !== 'text') return nodeText(node);
			// Emphasis cannot start or end with a space in CommonMark: keep spaces outside.
			const [, before, core, after] = /^(\s*)([\s\S]*?)(\s*)$/.exec(node.text ?? '')!;
			if (!core) return node.text ?? '';
			const marks = new Set((node.marks ?? []).map((mark) => mark.type));
			let text = marks.has('code') ? `\`${core}\`` : core.replace(/([\\`*_[\]#<>])/g, '\\$1');
			if (marks.has('bold')) text = `**${text}**`;
			if (marks.has('italic')) text = `*${text}*`;
			if (marks.has('strike')) text = `~~${text}~~`;
			const link = node.marks?.find((mark) => mark.type === 'link');
			if (link) text = `[${text}](${String(link.attrs?.href ?? '')})`;
			return before + text + after;
		})
		.join('');
}

/**
 * A GFM table. GFM has no headerless table: the first row is its header whichever cells it
 * holds. Paragraphs inside a cell are joined by <br>, pipes escaped.
 */
function tableMarkdown(node: DocNode): string {
	const rows = (node.content ?? []).map((row) =>
		(row.content ?? []).map((cell) =>
			(cell.content ?? [])
				.map((block) => inlineMarkdown(block.content))
				.join('<br>')
				.replace(/\|/g, '\\|')
		)
	);
	if (rows.length === 0) return '';
	const width = Math.max(...rows.map((row) => row.length));
	const line = (cells: string[]) => `| ${Array.from({ length: width }, (_, index) => cells[index] ?? '').join(' | ')} |`;
	return [line(rows[0]), line(Array.from({ length: width }, () => '---')), ...rows.slice(1).map(line)].join('\n');
}

function blockMarkdown(node: DocNode, indent = ''): string {
	switch (node.type) {
		case 'table':
			return tableMarkdown(node);
		case 'heading':
			return `${'#'.repeat(Number(node.attrs?.level ?? 1))} ${inlineMarkdown(node.content)}`;
		case 'paragraph':
			return indent + inlineMarkdown(node.content);
		case 'bulletList':
		case 'orderedList': {
			const start = Number(node.attrs?.start ?? 1);
			return (node.content ?? [])
				.map((item, index) => {
					const bullet = node.type === 'bulletList' ? '- ' : `${start + index}. `;
					const [first, ...rest] = item.content ?? [];
					const head = first ? blockMarkdown(first).trimStart() : '';
					const tail = rest.map((child) => blockMarkdown(child, `${indent}   `)).join('\n');
					return `${indent}${bullet}${head}${tail ? `\n${tail}` : ''}`;
				})
				.join('\n');
		}
		case 'blockquote':
			return (node.content ?? []).map((child) => `> ${blockMarkdown(child)}`).join('\n>\n');
		case 'codeBlock':
			return `\`\`\`\n${nodeText(node)}\n\`\`\``;
		case 'horizontalRule':
			return '---';
		default:
			return inlineMarkdown(node.content);
	}
}

/** The document as Markdown (CommonMark with GFM strike-through). */
export function toMarkdown(doc: DocNode): string {
	return `${(doc.content ?? []).map((block) => blockMarkdown(block)).join('\n\n')}\n`;
}

/** One readable line per block (headings marked, list items bulleted): what diffs compare. */
export function toLines(doc: DocNode): string[] {
	const lines: string[] = [];
	const walk = (node: DocNode, prefix: string) => {
		switch (node.type) {
			case 'heading':
				lines.push(`${'#'.repeat(Number(node.attrs?.level ?? 1))} ${nodeText(node)}`);
				return;
			case 'bulletList':
			case 'orderedList':
				for (const item of node.content ?? []) for (const child of item.content ?? []) walk(child, `${prefix}• `);
				return;
			case 'blockquote':
				for (const child of node.content ?? []) walk(child, `${prefix}> `);
				return;
			case 'table':
				// One line per row, so a diff shows which row of a fiche-action changed.
				for (const row of node.content ?? []) walk(row, prefix);
				return;
			default: {
				const text = nodeText(node);
				if (text.trim()) lines.push(prefix + text);
			}
		}
	};
	for (const block of doc.content ?? []) walk(block, '');
	return lines;
}
