/**
 * What the typed words of a search mean, as a tsquery for the 'french_unaccent' configuration,
 * the same on PGlite and PostgreSQL. Library and forum search both go through here.
 *
 * The syntax is websearch_to_tsquery's (which search used before): words are all required,
 * "quoted words" must follow each other, `or` (or « ou ») between words accepts either side,
 * and a leading `-` excludes a word or a quoted phrase. Three things differ:
 * - a hyphen between letters joins the parts of one word: « sage-femme » looks for « sage »
 *   followed by « femme », which « sages-femmes » and « sage femme » also hold (the parser
 *   indexes a hyphenated word whole and part by part; websearch looked for the whole
 *   « sage-femm », which the plural is not);
 * - words that are a form of a thesaurus entry (search/thesaurus.ts) stand for every form of
 *   that entry: « infirmier » also finds « infirmières », « kiné » « masseur-kinésithérapeute »,
 *   « SNP » « soins non programmés », and the other way round;
 * - an unquoted phrase of the thesaurus (« soins non programmés ») is matched as a phrase.
 *
 * The result is text for to_tsquery, where every operand is single-quoted: quoted, an operand
 * is plain text for the parser (no operator or weight can come from the user), so any input
 * gives a valid query; the few characters that matter inside quotes are removed.
 */
import { sql, type SQL } from 'drizzle-orm';
import { THESAURUS, type ThesaurusEntry } from './thesaurus';

/** The text-search configuration of every search (drizzle/0000_extensions.sql). */
export const SEARCH_CONFIG = sql.raw(`'french_unaccent'::regconfig`);

/** The words of a text as search compares them: lower case, no accents, letters and digits only. */
export function normalizedWords(text: string): string[] {
	return (
		text
			.normalize('NFD')
			.replace(/\p{M}/gu, '')
			.toLowerCase()
			.match(/[\p{L}\p{N}]+/gu) ?? []
	);
}

/** One form of an entry, by its normalised words. */
interface Form {
	key: string;
	words: string[];
	text: string;
}

interface Expansion {
	/** Entries holding a form, by the form's normalised words joined by spaces. */
	entriesByForm: Map<string, number[]>;
	/** The forms of each entry. */
	forms: Form[][];
	/** The longest form, in words. */
	longest: number;
}

function indexThesaurus(entries: readonly ThesaurusEntry[]): Expansion {
	const entriesByForm = new Map<string, number[]>();
	const forms = entries.map((entry, index) =>
		entry.forms.map((text) => {
			const words = normalizedWords(text);
			const key = words.join(' ');
			const holders = entriesByForm.get(key) ?? [];
			if (!holders.includes(index)) holders.push(index);
			entriesByForm.set(key, holders);
			return { key, words, text };
		})
	);
	return { entriesByForm, forms, longest: Math.max(...forms.flat().map((form) => form.words.length)) };
}

const EXPANSION = indexThesaurus(THESAURUS);

/** An operand of to_tsquery: the text between single quotes, without what quotes would escape. */
function operand(text: string): string {
	// A hyphen between two letters joins the parts of a word: as a space, the parser makes of
	// the operand a phrase of the parts (« sage <-> femme »). Between digits it stays (dates, codes).
	const cleaned = text
		.replace(/(?<=\p{L})-(?=\p{L})/gu, ' ')
		.replace(/['\\]/g, ' ')
		.trim();
	return `'${cleaned}'`;
}

/** Whether `inner` is a run of consecutive words of `outer`. */
function contains(outer: string[], inner: string[]): boolean {
	if (inner.length >= outer.length) return false;
	for (let start = 0; start + inner.length <= outer.length; start += 1) {
		if (inner.every((word, offset) => outer[start + offset] === word)) return true;
	}
	return false;
}

/**
 * The OR of the forms a typed form stands for: those of every entry holding it, except forms
 * that are ambiguous (in several entries) unless typed, and forms that contain another one
 * of the list (« masseur-kinésithérapeute » adds nothing to « kinésithérapeute »).
 */
function expandForm(typedKey: string): string {
	const entries = EXPANSION.entriesByForm.get(typedKey) ?? [];
	const chosen = new Map<string, Form>();
	for (const entry of entries) {
		for (const form of EXPANSION.forms[entry]) {
			const ambiguous = (EXPANSION.entriesByForm.get(form.key)?.length ?? 0) > 1;
			if (ambiguous && form.key !== typedKey) continue;
			if (!chosen.has(form.key)) chosen.set(form.key, form);
		}
	}
	const kept = [...chosen.values()].filter((form) => ![...chosen.values()].some((other) => contains(form.words, other.words)));
	return `( ${kept.map((form) => operand(form.text)).join(' | ')} )`;
}

/**
 * The words that offer an alternative between their neighbours: websearch's « or », and the
 * « ou » the French page tells people to type (a stop word, so nothing is lost as a word).
 */
const ALTERNATIVE_WORDS = new Set(['or', 'ou']);

/** A piece of the typed text: a bare word, a quoted phrase, or `or`. */
type Piece = { kind: 'word' | 'phrase'; text: string; negated: boolean } | { kind: 'or' };

/** Cuts the text as websearch_to_tsquery does: "…" phrases, a leading - excludes, `or`. */
function pieces(text: string): Piece[] {
	const found: Piece[] = [];
	const pattern = /(-?)"([^"]*)"?|(-?)([^\s"]+)/gu;
	for (const match of text.matchAll(pattern)) {
		if (match[2] !== undefined) {
			found.push({ kind: 'phrase', text: match[2], negated: match[1] === '-' });
		} else if (ALTERNATIVE_WORDS.has(match[4].toLowerCase()) && match[3] === '') {
			found.push({ kind: 'or' });
		} else {
			found.push({ kind: 'word', text: match[4], negated: match[3] === '-' });
		}
	}
	return found.filter((piece) => piece.kind === 'or' || normalizedWords(piece.text).length > 0);
}

/** A term of the query: one operand or a parenthesised OR, possibly negated. */
interface Term {
	query: string;
	negated: boolean;
	/** Joined to the previous term by OR (else AND). */
	or: boolean;
}

/**
 * The terms of a run of bare words, thesaurus forms replaced by their expansion (the longest
 * form first, so « soins non programmés » wins over « soins »). A typed word holding no form
 * stays as typed, one operand, so that the parser reads « 3.5 » or « covid-19 » as it indexes
 * them; in a word holding one (« l’infirmière »), the other parts are operands of their own.
 */
function expandRun(run: { text: string; negated: boolean }[]): { query: string; negated: boolean }[] {
	const words = run.flatMap((piece, pieceIndex) => normalizedWords(piece.text).map((word) => ({ word, pieceIndex })));
	// For each word: the expansion of the form starting there, null inside a form, undefined outside.
	const spans: (string | null | undefined)[] = new Array(words.length).fill(undefined);
	for (let index = 0; index < words.length; ) {
		let length = Math.min(EXPANSION.longest, words.length - index);
		let key = '';
		for (; length > 0; length -= 1) {
			key = words
				.slice(index, index + length)
				.map((entry) => entry.word)
				.join(' ');
			if (EXPANSION.entriesByForm.has(key)) break;
		}
		if (length === 0) {
			index += 1;
			continue;
		}
		spans.fill(null, index, index + length);
		spans[index] = expandForm(key);
		index += length;
	}
	return run.flatMap((piece, pieceIndex) => {
		const own = words.map((entry, index) => ({ ...entry, span: spans[index] })).filter((entry) => entry.pieceIndex === pieceIndex);
		if (own.every((entry) => entry.span === undefined)) return [{ query: operand(piece.text), negated: piece.negated }];
		return own.flatMap((entry) =>
			entry.span === null ? [] : [{ query: entry.span ?? operand(entry.word), negated: piece.negated }]
		);
	});
}

/** The to_tsquery text of the typed words (empty when there is nothing to look for). */
export function searchQueryText(text: string): string {
	const terms: Term[] = [];
	let orNext = false;
	let run: { text: string; negated: boolean }[] = [];
	const flush = () => {
		for (const term of expandRun(run)) {
			terms.push({ ...term, or: orNext && terms.length > 0 });
			orNext = false;
		}
		run = [];
	};
	for (const piece of pieces(text)) {
		if (piece.kind === 'or') {
			flush();
			orNext = terms.length > 0;
		} else if (piece.kind === 'phrase') {
			flush();
			terms.push({ query: operand(piece.text), negated: piece.negated, or: orNext && terms.length > 0 });
			orNext = false;
		} else if (piece.negated) {
			// An excluded word stands alone: « -kiné » excludes every form of kinésithérapeute.
			flush();
			run = [piece];
			flush();
		} else {
			run.push(piece);
		}
	}
	flush();
	return terms.map((term, index) => `${index === 0 ? '' : term.or ? ' | ' : ' & '}${term.negated ? '!' : ''}${term.query}`).join('');
}

/** Whether the typed words exclude some (a leading `-`): then a match of part of a document may not be one of the whole. */
export function excludesWords(text: string): boolean {
	return pieces(text).some((piece) => piece.kind !== 'or' && piece.negated);
}

/** The tsquery of the typed words (see searchQueryText). */
export function textSearchQuery(text: string): SQL {
	return sql`to_tsquery(${SEARCH_CONFIG}, ${searchQueryText(text)})`;
}

/** The same words, any of them: what a snippet highlights, since some may be only in the title. */
export function anyWordQuery(text: string): SQL {
	return sql`replace(${textSearchQuery(text)}::text, ' & ', ' | ')::tsquery`;
}
