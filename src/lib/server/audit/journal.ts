/**
 * The journal in words: each audit entry becomes a sentence of the catalogue
 * ("journal.sentence.<action>", in messages/facilitator.ts) whose placeholders are the
 * people and things it is about, each with a link to its page: « Camille Martin a nommé
 * Paul Durand à la coordination de CPTS Sud-Toulois ». The sentence is returned as parts
 * (text, or text with a link) so the page renders links without inserting HTML.
 */
import type { DbOrTx } from '../db';
import { isMessageKey, translate, type Locale, type MessageKey } from '../../i18n';
import { formatDate } from '../../i18n/locale';
import type { auditLog } from '../db/schema';
import { emptySubjectIds, loadSubjects, type SubjectIds, type Subjects } from './subjects';

/** A piece of a sentence: plain text, or the name of something with its page. */
export interface SentencePart {
	text: string;
	href?: string;
}

export interface JournalLine {
	id: number;
	createdAt: Date;
	action: string;
	actorId: string | null;
	parts: SentencePart[];
}

/** The catalogue key of an action's sentence. */
export function sentenceKey(action: string): string {
	return `journal.sentence.${action}`;
}

/** Whether an action has its sentence (in French; English is typed against French). */
export function hasSentence(action: string): boolean {
	return isMessageKey(sentenceKey(action));
}

type AuditEntry = typeof auditLog.$inferSelect;
type Details = Record<string, unknown>;
const text = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);
const idOf = (value: unknown): string | null => (typeof value === 'string' || typeof value === 'number' ? String(value) : null);

/** Which target types name which kind of subject. */
const TARGET_KINDS: Record<string, keyof SubjectIds> = {
	user: 'user',
	cpts: 'cpts',
	forum_thread: 'thread',
	forum_post: 'post',
	forum_category: 'category',
	draft: 'draft',
	library_resource: 'resource',
	dpc_session: 'session',
	dpc_action: 'dpcAction',
	dpc_body: 'body',
	coverage_plan: 'plan',
	announcement: 'announcement'
};

/** The ids of the details that name a subject, by kind. */
const DETAIL_KINDS: [string, keyof SubjectIds][] = [
	['userId', 'user'],
	['invitedBy', 'user'],
	['facilitatorId', 'user'],
	['cptsId', 'cpts'],
	['bodyId', 'body'],
	['threadId', 'thread'],
	['newThreadId', 'thread'],
	['regionCode', 'region']
];

function collect(entries: AuditEntry[]): SubjectIds {
	const ids = emptySubjectIds();
	const add = (kind: keyof SubjectIds, id: string | null) => {
		if (id === null) return;
		if (kind === 'thread' || kind === 'post') {
			const number = Number(id);
			if (Number.isSafeInteger(number)) (ids[kind] as Set<number>).add(number);
		} else (ids[kind] as Set<string>).add(id);
	};
	for (const entry of entries) {
		add('user', entry.actorId);
		const targetKind = TARGET_KINDS[entry.targetType];
		if (targetKind) add(targetKind, entry.targetId);
		for (const [field, kind] of DETAIL_KINDS) add(kind, idOf(entry.details[field]));
		if (entry.action === 'forum.thread_move') {
			add('categorySlug', text(entry.details.from));
			add('categorySlug', text(entry.details.to));
		}
	}
	return ids;
}

type Values = Record<string, SentencePart>;

/** The values of one entry's placeholders (those a sentence does not use are ignored). */
function valuesOf(locale: Locale, entry: AuditEntry, subjects: Subjects): Values {
	const t = (key: string, params?: Record<string, string | number>) => translate(locale, key, params);
	const missing = { text: t('journal.missing') };
	const subject = (kind: keyof Subjects['byKind'], id: string | null): SentencePart => {
		const found = id === null ? undefined : subjects.byKind[kind].get(id);
		if (!found) return kind === 'user' ? { text: t('journal.missingUser') } : missing;
		return { text: found.name, ...(found.href ? { href: found.href } : {}) };
	};
	const details: Details = entry.details ?? {};
	// A null actor is the platform itself, or an account deleted since (the key is set null).
	const actor = entry.actorId === null ? null : subjects.byKind.user.get(entry.actorId);
	const values: Values = {
		actor: entry.actorId === null ? { text: t('admin.journal.system') } : actor ? subject('user', entry.actorId) : { text: t('journal.missingUser') }
	};
	const targetKind = TARGET_KINDS[entry.targetType];
	if (targetKind === 'post') {
		const post = subjects.post.get(entry.targetId);
		values.thread = subject('thread', post ? String(post.threadId) : idOf(details.threadId));
		values.post = post
			? { text: t('journal.subject.post', { position: post.position }), href: `/forums/sujet/${post.threadId}?depuis=${post.position}#message-${post.position}` }
			: { text: t('journal.subject.postMissing') };
	} else if (targetKind === 'session') {
		const session = subjects.session.get(entry.targetId);
		values.session = session
			? { text: t('journal.subject.session', { number: session.number, title: session.actionTitle ?? t('journal.missing') }), href: `/formations/sessions/${entry.targetId}` }
			: missing;
	} else if (targetKind) values[targetKind] = subject(targetKind, entry.targetId);

	// Subjects named by the details (a person, a CPTS, a body, a thread, a région).
	for (const [field, kind] of DETAIL_KINDS) {
		const id = idOf(details[field]);
		if (id === null) continue;
		const name = field === 'newThreadId' ? 'newThread' : field === 'facilitatorId' ? 'facilitator' : field === 'invitedBy' ? 'inviter' : kind;
		if (!(name in values)) values[name] = subject(kind as keyof Subjects['byKind'], id);
	}
	// Words and figures of the details.
	const plain = (value: string | number | null | undefined) => (value === null || value === undefined ? null : { text: String(value) });
	const date = text(details.reachedOn) ?? text(details.heldOn) ?? text(details.signedOn) ?? text(details.happenedOn);
	const extras: Record<string, SentencePart | null> = {
		role: text(details.role) && isMessageKey(`role.${details.role}`) ? { text: t(`role.${details.role}`).toLocaleLowerCase(locale) } : null,
		stage: text(details.stage) && isMessageKey(`stage.${details.stage}`) ? { text: t(`stage.${details.stage}`) } : null,
		mission: text(details.mission) && isMessageKey(`mission.${details.mission}`) ? { text: t(`mission.${details.mission}`) } : null,
		date: date ? { text: formatDate(locale, date) } : null,
		email: plain(text(details.email)),
		label: plain(text(details.label)),
		file: plain(text(details.fileName)),
		year: plain(typeof details.year === 'number' ? String(details.year) : null),
		version: plain(typeof details.restored === 'number' ? details.restored : typeof details.number === 'number' ? details.number : null),
		position: plain(typeof details.fromPosition === 'number' ? details.fromPosition : null)
	};
	if (entry.action === 'forum.thread_move') {
		extras.from = subject('categorySlug', text(details.from));
		extras.to = subject('categorySlug', text(details.to));
	}
	if (entry.action === 'draft.status_changed') {
		extras.from = text(details.from) ? { text: t(`drafts.status.${details.from}`) } : missing;
		extras.to = text(details.to) ? { text: t(`drafts.status.${details.to}`) } : missing;
	}
	if (entry.action === 'announcement.sent') {
		const count = typeof details.recipients === 'number' ? details.recipients : 0;
		const region = text(details.regionCode);
		extras.audience = {
			text: t(region ? 'journal.audience.region' : 'journal.audience.network', {
				count,
				region: region ? (subjects.byKind.region.get(region)?.name ?? region) : ''
			})
		};
	}
	for (const [name, value] of Object.entries(extras)) if (value && !(name in values)) values[name] = value;
	return values;
}

/** Fills a template's {placeholders} with parts; a placeholder with no value keeps a neutral word. */
export function fillParts(template: string, values: Values, fallback: string): SentencePart[] {
	const parts: SentencePart[] = [];
	const pushText = (value: string) => {
		if (!value) return;
		const last = parts.at(-1);
		if (last && !last.href) last.text += value;
		else parts.push({ text: value });
	};
	let cursor = 0;
	for (const match of template.matchAll(/\{(\w+)\}/g)) {
		pushText(template.slice(cursor, match.index));
		const value = values[match[1]];
		if (value?.href) parts.push({ text: value.text, href: value.href });
		else pushText(value?.text ?? fallback);
		cursor = match.index! + match[0].length;
	}
	pushText(template.slice(cursor));
	// Every sentence starts with its actor: « un compte supprimé » starts it with a capital.
	if (parts[0]) parts[0] = { ...parts[0], text: parts[0].text.charAt(0).toLocaleUpperCase() + parts[0].text.slice(1) };
	return parts;
}

/** The journal lines of a page of entries, in the reader's language (one query per kind of subject). */
export async function describeEntries(db: DbOrTx, locale: Locale, entries: AuditEntry[]): Promise<JournalLine[]> {
	const subjects = await loadSubjects(db, collect(entries));
	return entries.map((entry) => {
		const values = valuesOf(locale, entry, subjects);
		// An action added without its sentence still reads, with its code (journal.test.ts keeps the list full).
		const template = hasSentence(entry.action)
			? translate(locale, sentenceKey(entry.action) as MessageKey)
			: translate(locale, 'journal.sentence.unknown', { action: entry.action });
		return { id: entry.id, createdAt: entry.createdAt, action: entry.action, actorId: entry.actorId, parts: fillParts(template, values, translate(locale, 'journal.missing')) };
	});
}
