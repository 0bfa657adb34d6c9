/**
 * Exports of a draft: DOCX (the `docx` library writes Office Open XML directly; no
 * LibreOffice), Markdown, and the print page's data. Built from the text as typed: the live
 * document is flushed first, wherever it is loaded.
 */
import {
	AlignmentType,
	Document,
	HeadingLevel,
	LevelFormat,
	Packer,
	Paragraph,
	Table,
	TableCell,
	TableRow,
	TextRun,
	WidthType,
	type IRunOptions,
	type ParagraphChild
} from 'docx';
import type { DocNode } from '../../drafts/document';
import { translate, type Locale, type MessageKey } from '../../i18n';
import { slugify } from '../cpts/slug';
import type { DbOrTx } from '../db';
import { contentDisposition } from '../library/attachments';
import { loadCurrentJSON, toMarkdown } from './content';
import type { Draft } from './permissions';

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];

function runs(nodes: DocNode[] | undefined): ParagraphChild[] {
	return (nodes ?? []).map((node) => {
		if (node.type === 'hardBreak') return new TextRun({ text: '', break: 1 });
		const marks = new Set((node.marks ?? []).map((mark) => mark.type));
		const options: IRunOptions = {
			text: node.text ?? '',
			bold: marks.has('bold'),
			italics: marks.has('italic'),
			strike: marks.has('strike'),
			...(marks.has('underline') ? { underline: {} } : {}),
			...(marks.has('code') ? { font: 'Consolas' } : {})
		};
		return new TextRun(options);
	});
}

/**
 * A table as Word's: a row made only of header cells is marked as the header row (repeated
 * on each page), its cells shaded; spans are kept. Word needs at least one paragraph per cell.
 */
function table(node: DocNode): Table {
	const rows = (node.content ?? []).map((row) => {
		const headerRow = (row.content ?? []).length > 0 && (row.content ?? []).every((cell) => cell.type === 'tableHeader');
		return new TableRow({
			tableHeader: headerRow,
			children: (row.content ?? []).map((cell) => {
				const content = blocks(cell.content, { level: -1, ordered: false, quote: false });
				const header = cell.type === 'tableHeader';
				return new TableCell({
					children: content.length ? content : [new Paragraph({ children: [] })],
					...(Number(cell.attrs?.colspan) > 1 ? { columnSpan: Number(cell.attrs?.colspan) } : {}),
					...(Number(cell.attrs?.rowspan) > 1 ? { rowSpan: Number(cell.attrs?.rowspan) } : {}),
					...(header ? { shading: { fill: 'E8EEF7' } } : {})
				});
			})
		});
	});
	return new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } });
}

function blocks(nodes: DocNode[] | undefined, context: { level: number; ordered: boolean; quote: boolean }): (Paragraph | Table)[] {
	const out: (Paragraph | Table)[] = [];
	for (const node of nodes ?? []) {
		switch (node.type) {
			case 'heading': {
				// The document's title is the DOCX title; its level-2 sections become Heading 1.
				const level = Math.max(1, Math.min(6, Number(node.attrs?.level ?? 1) - 1));
				out.push(new Paragraph({ heading: HEADINGS[level - 1], children: runs(node.content) }));
				break;
			}
			case 'paragraph':
				out.push(
					new Paragraph({
						children: runs(node.content),
						...(context.level >= 0
							? context.ordered
								? { numbering: { reference: 'ordered', level: context.level } }
								: { bullet: { level: context.level } }
							: {}),
						...(context.quote ? { indent: { left: 720 }, style: 'Quote' } : {})
					})
				);
				break;
			case 'bulletList':
			case 'orderedList':
				for (const item of node.content ?? []) {
					out.push(...blocks(item.content, { level: context.level + 1, ordered: node.type === 'orderedList', quote: context.quote }));
				}
				break;
			case 'blockquote':
				out.push(...blocks(node.content, { ...context, quote: true }));
				break;
			case 'codeBlock':
				out.push(new Paragraph({ children: [new TextRun({ text: (node.content ?? []).map((child) => child.text ?? '').join(''), font: 'Consolas' })] }));
				break;
			case 'table':
				out.push(table(node));
				break;
			case 'horizontalRule':
				out.push(new Paragraph({ children: [], border: { bottom: { style: 'single', size: 6, color: '999999', space: 1 } } }));
				break;
			default:
				out.push(...blocks(node.content, context));
		}
	}
	return out;
}

export interface ExportHeader {
	title: string;
	cptsName: string;
	status: Draft['status'];
	locale: Locale;
}

/** The draft as a .docx file. */
export async function toDocx(header: ExportHeader, doc: DocNode): Promise<Buffer> {
	const statusLabel = translate(header.locale, `drafts.status.${header.status}` as MessageKey);
	const document = new Document({
		creator: 'Réseau CPTS',
		title: header.title,
		description: `${header.cptsName} · ${statusLabel}`,
		styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
		numbering: {
			config: [
				{
					reference: 'ordered',
					levels: Array.from({ length: 6 }, (_, level) => ({
						level,
						format: LevelFormat.DECIMAL,
						text: `%${level + 1}.`,
						alignment: AlignmentType.START,
						style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } }
					}))
				}
			]
		},
		sections: [
			{
				children: [
					new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(header.title)] }),
					new Paragraph({ children: [new TextRun({ text: `${header.cptsName} · ${statusLabel}`, italics: true })] }),
					...blocks(doc.content, { level: -1, ordered: false, quote: false })
				]
			}
		]
	});
	return Packer.toBuffer(document);
}

/** The draft as Markdown, its title first. */
export function toMarkdownFile(header: ExportHeader, doc: DocNode): string {
	const statusLabel = translate(header.locale, `drafts.status.${header.status}` as MessageKey);
	return `# ${header.title}\n\n*${header.cptsName} · ${statusLabel}*\n\n${toMarkdown(doc)}`;
}

/** The text of a draft as typed so far, for exports. */
export async function exportableDoc(db: DbOrTx, draft: Draft): Promise<DocNode> {
	return loadCurrentJSON(db, draft.id);
}

/** Content-Disposition of an export: "projet-de-sante-2026.docx". */
export function exportDisposition(title: string, extension: 'docx' | 'md'): string {
	return contentDisposition(`${slugify(title) || 'projet-de-sante'}.${extension}`);
}
