/**
 * Resource bodies: Markdown rendered with marked, then sanitised with sanitize-html when
 * written. Pages only ever insert the stored, sanitised HTML; whatever the author typed
 * (raw HTML, scripts, event handlers, javascript: links, SVG) comes out inert.
 */
import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

// A private instance: another module configuring the global `marked` cannot change ours.
const markdown = new Marked({ gfm: true, breaks: false, async: false });

const sanitizeOptions: sanitizeHtml.IOptions = {
	allowedTags: [
		'p', 'br', 'h2', 'h3', 'h4', 'ul', 'ol', 'li', 'strong', 'em', 'del', 'blockquote',
		'code', 'pre', 'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'hr'
	],
	allowedAttributes: { a: ['href', 'title'], th: ['scope'], ol: ['start'] },
	allowedSchemes: ['http', 'https', 'mailto'],
	allowedSchemesAppliedToAttributes: ['href'],
	allowProtocolRelative: false,
	// Unknown tags are dropped with their content when it cannot be text (script, style…).
	disallowedTagsMode: 'discard',
	transformTags: {
		// The page has its own h1: the body's headings start one level below.
		h1: 'h2',
		h5: 'h4',
		h6: 'h4',
		a: (tagName, attribs) => ({
			tagName,
			attribs: { ...attribs, rel: 'nofollow noopener noreferrer' }
		}),
		th: (tagName, attribs) => ({ tagName, attribs: { ...attribs, scope: attribs.scope === 'row' ? 'row' : 'col' } })
	}
};
// rel is added by the transform, so it must be allowed on the way out.
(sanitizeOptions.allowedAttributes as Record<string, string[]>).a.push('rel');

const blockEnd = /<\/(p|h[1-6]|li|blockquote|pre|tr|th|td|table|ul|ol)>|<br\s*\/?>|<hr\s*\/?>/gi;

/** The four entities sanitize-html leaves in text; everything else is already decoded. */
function decodeBasicEntities(text: string): string {
	return text.replace(/&(amp|lt|gt|quot);/g, (_match, name: string) =>
		name === 'amp' ? '&' : name === 'lt' ? '<' : name === 'gt' ? '>' : '"'
	);
}

export interface RenderedBody {
	html: string;
	/** Plain text for search and snippets; never inserted as HTML. */
	text: string;
}

/** Renders and sanitises a Markdown body. */
export function renderMarkdown(source: string): RenderedBody {
	const raw = markdown.parse(source) as string;
	const html = sanitizeHtml(raw, sanitizeOptions).trim();
	const text = decodeBasicEntities(
		sanitizeHtml(html.replace(blockEnd, (tag) => `${tag}\n`), { allowedTags: [], allowedAttributes: {} })
	)
		.replace(/[ \t]+/g, ' ')
		.replace(/\n\s*\n+/g, '\n')
		.trim();
	return { html, text };
}
