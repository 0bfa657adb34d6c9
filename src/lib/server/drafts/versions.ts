/**
 * Versions of a draft and its status workflow. A version freezes the Yjs state of the
 * draft's document as ws-server stored it: named by an editor, frozen by each status
 * change (coordinators only), automatic (after the last person leaves, and every ~10
 * minutes of activity, skipped when nothing changed), or taken just before a restore.
 * Versions asked for by people are frozen after the live document is flushed (flushDraft),
 * so they hold what was typed up to the click, not what the last debounced write saw.
 */
import { and, desc, eq, max, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { diffWordsWithSpace, diffArrays } from 'diff';
import { writeAudit } from '../audit';
import { parseDocumentName } from '../collab/names';
import type { DbOrTx } from '../db';
import { DRAFT_STATUSES, draftVersions, drafts, users, type DraftStatus, type DraftVersionKind } from '../db/schema';
import { getLogger } from '../logger';
import { notifyAll } from '../notifications';
import type { MessageKey } from '../../i18n';
import { mentionablePeople } from './comments';
import { AppError, forbidden, notFound } from '../shared/errors';
import { generateId } from '../shared/ids';
import {
	changeTowards,
	deliverDraftChange,
	flushDraft,
	jsonFromState,
	loadStoredState,
	sameBytes,
	sameDeletions,
	stateVectorOf,
	storeDraftChange,
	toLines
} from './content';
import { getDraftAccess, type DraftAccess, type DraftViewer } from './permissions';
import type { DocNode } from '../../drafts/document';

/** Where each status may go next (coordinators move it; each move freezes a version). */
export const NEXT_STATUSES: Record<DraftStatus, DraftStatus[]> = {
	en_redaction: ['en_relecture'],
	en_relecture: ['soumis_ars', 'en_redaction'],
	soumis_ars: ['valide', 'en_redaction'],
	valide: ['avenant'],
	avenant: ['soumis_ars']
};

export const VERSION_LABEL_MAX = 200;
/** Automatic versions during activity: at most one per this period. */
export const AUTO_VERSION_EVERY_MS = 10 * 60_000;

export type DraftVersion = typeof draftVersions.$inferSelect;

interface FreezeInput {
	kind: DraftVersionKind;
	label: string | null;
	createdBy: string | null;
	/** The state to freeze; the stored one when absent. */
	state?: Uint8Array;
	/** Skip (return null) when the state equals the latest version's: same insertions, same deletions. */
	skipUnchanged?: boolean;
	/**
	 * Skip (return null) when the latest version, of any kind, is younger than this. Judged
	 * under the row lock, by the database's clock: two callers that both found the latest
	 * version old before either froze cannot both freeze.
	 */
	unlessNewerThanMs?: number;
}

/** Whether a version time is less than `ms` old, by the database's clock (createdAt's own). */
function newerThan(at: SQLWrapper, ms: number): SQL<boolean> {
	return sql<boolean>`${at} > now() - make_interval(secs => ${ms / 1000})`;
}

/** Freezes a version; numbers are given under the draft's row lock, so they never collide. */
export async function freezeVersion(db: DbOrTx, draftId: string, input: FreezeInput): Promise<DraftVersion | null> {
	return db.transaction(async (tx) => {
		const [draft] = await tx.select({ status: drafts.status }).from(drafts).where(eq(drafts.id, draftId)).for('update');
		if (!draft) throw notFound('drafts.notFound');
		const minAgeMs = input.unlessNewerThanMs;
		const [latest] = await tx
			.select({
				number: draftVersions.number,
				stateVector: draftVersions.stateVector,
				recent: minAgeMs === undefined ? sql<boolean>`false` : newerThan(draftVersions.createdAt, minAgeMs)
			})
			.from(draftVersions)
			.where(eq(draftVersions.draftId, draftId))
			.orderBy(desc(draftVersions.number))
			.limit(1);
		if (latest?.recent) return null;
		const state = input.state ?? (await loadStoredState(tx, draftId));
		const stateVector = stateVectorOf(state);
		if (input.skipUnchanged && latest && sameBytes(latest.stateVector, stateVector)) {
			// Nothing inserted since; unchanged unless something was deleted.
			const [frozen] = await tx
				.select({ state: draftVersions.state })
				.from(draftVersions)
				.where(and(eq(draftVersions.draftId, draftId), eq(draftVersions.number, latest.number)));
			if (sameDeletions(frozen.state, state)) return null;
		}
		const [version] = await tx
			.insert(draftVersions)
			.values({
				id: generateId(),
				draftId,
				number: (latest?.number ?? 0) + 1,
				kind: input.kind,
				label: input.label,
				status: draft.status,
				state,
				stateVector,
				createdBy: input.createdBy
			})
			.returning();
		return version;
	});
}

/** Moves a draft to its next status (coordinators only) and freezes a version named after it. */
export async function changeDraftStatus(db: DbOrTx, user: DraftViewer, draftId: string, to: string): Promise<DraftVersion> {
	const access = await getDraftAccess(db, user, draftId);
	if (!access || !access.canRead) throw notFound('drafts.notFound');
	if (!access.canManage) throw forbidden();
	if (!(DRAFT_STATUSES as readonly string[]).includes(to)) throw new AppError('invalid', 'drafts.status.invalid');
	const target = to as DraftStatus;
	// Outside the transaction: the holders' writes must not wait behind our row lock (with
	// PGlite, one connection, they could not run at all). Best effort: a holder that does not
	// answer in time leaves the last stored state, which is still a consistent text.
	await flushDraft(draftId);
	const version = await db.transaction(async (tx) => {
		const [draft] = await tx.select().from(drafts).where(eq(drafts.id, draftId)).for('update');
		if (!NEXT_STATUSES[draft.status].includes(target)) throw new AppError('conflict', 'drafts.status.notAllowed');
		await tx.update(drafts).set({ status: target, updatedAt: new Date() }).where(eq(drafts.id, draftId));
		const version = await freezeVersion(tx, draftId, { kind: 'status', label: null, createdBy: user!.id });
		await writeAudit(tx, {
			actorId: user!.id,
			action: 'draft.status_changed',
			targetType: 'draft',
			targetId: draftId,
			details: { from: draft.status, to: target, version: version!.number }
		});
		// Everyone who works on the draft hears of it (in the app by default), in one batch.
		const people = (await mentionablePeople(tx, access.draft)).filter((person) => person.userId !== user!.id);
		await notifyAll(
			tx,
			people.map((person) => ({
				userId: person.userId,
				kind: 'draft.status' as const,
				title: `drafts.notify.status.${target}` as MessageKey,
				params: { draft: access.draft.title, name: user!.name },
				link: `/projets/${draftId}/versions/${version!.number}`
			}))
		);
		return version!;
	});
	return version;
}

/** Names the current state (any editor). */
export async function nameVersion(db: DbOrTx, user: DraftViewer, draftId: string, label: string): Promise<DraftVersion> {
	const access = await getDraftAccess(db, user, draftId);
	if (!access || !access.canRead) throw notFound('drafts.notFound');
	if (!access.canEdit) throw forbidden();
	const trimmed = label.trim();
	if (!trimmed || trimmed.length > VERSION_LABEL_MAX) throw new AppError('invalid', 'drafts.versions.labelInvalid');
	await flushDraft(draftId);
	return (await freezeVersion(db, draftId, { kind: 'named', label: trimmed, createdBy: user!.id }))!;
}

export interface VersionEntry {
	number: number;
	kind: DraftVersionKind;
	label: string | null;
	status: DraftStatus;
	authorName: string | null;
	createdAt: Date;
}

/** The versions of a draft, newest first (readers of the draft only). */
export async function listVersions(db: DbOrTx, user: DraftViewer, draftId: string, known?: DraftAccess): Promise<VersionEntry[]> {
	const access = known?.draft.id === draftId ? known : await getDraftAccess(db, user, draftId);
	if (!access?.canRead) throw notFound('drafts.notFound');
	return db
		.select({
			number: draftVersions.number,
			kind: draftVersions.kind,
			label: draftVersions.label,
			status: draftVersions.status,
			authorName: users.name,
			createdAt: draftVersions.createdAt
		})
		.from(draftVersions)
		.leftJoin(users, eq(users.id, draftVersions.createdBy))
		.where(eq(draftVersions.draftId, draftId))
		.orderBy(desc(draftVersions.number))
		.limit(1000);
}

/** One version with its text (readers of the draft only). */
export async function getVersion(
	db: DbOrTx,
	user: DraftViewer,
	draftId: string,
	number: number
): Promise<VersionEntry & { doc: DocNode }> {
	const access = await getDraftAccess(db, user, draftId);
	if (!access?.canRead) throw notFound('drafts.notFound');
	if (!Number.isSafeInteger(number) || number < 1) throw notFound('drafts.versions.notFound');
	const [row] = await db
		.select({ version: draftVersions, authorName: users.name })
		.from(draftVersions)
		.leftJoin(users, eq(users.id, draftVersions.createdBy))
		.where(and(eq(draftVersions.draftId, draftId), eq(draftVersions.number, number)));
	if (!row) throw notFound('drafts.versions.notFound');
	const { version } = row;
	return {
		number: version.number,
		kind: version.kind,
		label: version.label,
		status: version.status,
		authorName: row.authorName,
		createdAt: version.createdAt,
		doc: jsonFromState(version.state)
	};
}

export interface DiffLine {
	kind: 'same' | 'added' | 'removed' | 'changed';
	/** Words of a changed line, or the whole line. */
	parts: { value: string; added: boolean; removed: boolean }[];
}

/**
 * Word diffs read better in runs: "Ajout", " ", "tardif" added with a shared space between
 * becomes one "Ajout tardif" insertion.
 */
function mergeParts(changes: { value: string; added?: boolean; removed?: boolean }[]): DiffLine['parts'] {
	const parts = changes.map((part) => ({ value: part.value, added: Boolean(part.added), removed: Boolean(part.removed) }));
	const merged: DiffLine['parts'] = [];
	for (let index = 0; index < parts.length; index++) {
		const part = parts[index];
		const previous = merged[merged.length - 1];
		const next = parts[index + 1];
		// A bare space between two changes of the same kind joins them.
		if (previous && next && !part.added && !part.removed && /^\s+$/.test(part.value) && (previous.added || previous.removed) && previous.added === next.added && previous.removed === next.removed) {
			previous.value += part.value + next.value;
			index++;
			continue;
		}
		if (previous && previous.added === part.added && previous.removed === part.removed) previous.value += part.value;
		else merged.push({ ...part });
	}
	return merged;
}

/**
 * A readable comparison, block by block: lines only in the version are removed, lines only
 * in the current text added, and a removed line followed by an added one is shown as one
 * changed line with its words marked.
 */
export function compareDocuments(before: DocNode, after: DocNode): { lines: DiffLine[]; unchanged: boolean } {
	const changes = diffArrays(toLines(before), toLines(after));
	const lines: DiffLine[] = [];
	let unchanged = true;
	for (let index = 0; index < changes.length; index++) {
		const change = changes[index];
		if (!change.added && !change.removed) {
			for (const value of change.value) lines.push({ kind: 'same', parts: [{ value, added: false, removed: false }] });
			continue;
		}
		unchanged = false;
		const next = changes[index + 1];
		if (change.removed && next?.added) {
			const pairs = Math.min(change.value.length, next.value.length);
			for (let line = 0; line < pairs; line++) {
				lines.push({ kind: 'changed', parts: mergeParts(diffWordsWithSpace(change.value[line], next.value[line])) });
			}
			for (const value of change.value.slice(pairs)) lines.push({ kind: 'removed', parts: [{ value, added: false, removed: true }] });
			for (const value of next.value.slice(pairs)) lines.push({ kind: 'added', parts: [{ value, added: true, removed: false }] });
			index++;
			continue;
		}
		for (const value of change.value) {
			lines.push({ kind: change.added ? 'added' : 'removed', parts: [{ value, added: Boolean(change.added), removed: Boolean(change.removed) }] });
		}
	}
	return { lines, unchanged };
}

/**
 * Restores a version, on the server (no JavaScript needed): the change from the current text
 * to the version's is applied to the live document as an ordinary Yjs update, which every
 * connected client receives, on whichever instance. Editors only.
 *
 * Order matters:
 * - the live document is flushed first, and the restore refused when a holder did not
 *   confirm: a change computed from a text lacking its recent edits would not give back
 *   the version (edits outside the stored text would survive it);
 * - under the draft's row lock, the change is computed from the current text and stored,
 *   the current text frozen first when it changes (kind 'restore': restoring that version
 *   undoes this one); a second restore waiting on the lock then starts from a text that
 *   holds the first, so two clicks never insert the version's text twice;
 * - after the commit, the change goes to the live document (stored first, so an instance
 *   that loads the document meanwhile reads it).
 * Edits typed meanwhile elsewhere merge with the restore as concurrent changes do.
 */
export async function restoreVersion(db: DbOrTx, user: DraftViewer, draftId: string, number: number): Promise<{ number: number; changed: boolean }> {
	const access = await getDraftAccess(db, user, draftId);
	if (!access?.canRead) throw notFound('drafts.notFound');
	if (!access.canEdit) throw forbidden();
	const version = await getVersion(db, user, draftId, number);
	const flushed = await flushDraft(draftId);
	if (!flushed.complete) throw new AppError('conflict', 'drafts.versions.restoreUnavailable');
	const change = await db.transaction(async (tx) => {
		await tx.select({ id: drafts.id }).from(drafts).where(eq(drafts.id, draftId)).for('update');
		const current = await loadStoredState(tx, draftId);
		const update = changeTowards(current, version.doc);
		// A restore that changes nothing has nothing to undo.
		if (update) {
			await freezeVersion(tx, draftId, { kind: 'restore', label: null, createdBy: user!.id, state: current, skipUnchanged: true });
			await storeDraftChange(tx, draftId, update);
		}
		await writeAudit(tx, { actorId: user!.id, action: 'draft.version_restored', targetType: 'draft', targetId: draftId, details: { number } });
		return update;
	});
	if (change) await deliverDraftChange(draftId, change);
	return { number, changed: change !== null };
}

// ---------------------------------------------------------------------------------------
// Automatic versions, driven by ws-server's document hooks

/**
 * Called by ws-server after it wrote a document (activity) or after the last connection left
 * (idle). Idle always tries; activity only when the latest version is AUTO_VERSION_EVERY_MS
 * old. Either way nothing is frozen when the state equals the latest version's.
 *
 * The age is read twice: once without a lock (one indexed read per debounced write, the
 * common case, which then stops there), and again under the draft's row lock by
 * freezeVersion. The second read is the rule: hooks run unawaited, so the writes of other
 * instances (each writes what it received) or a slow database can have two of them past
 * the first read before either froze, and the second would freeze the next write's state
 * minutes too early.
 */
export async function recordAutomaticVersion(db: DbOrTx, documentName: string, reason: 'activity' | 'idle'): Promise<void> {
	const ref = parseDocumentName(documentName);
	if (ref?.kind !== 'draft') return;
	if (reason === 'activity') {
		const [row] = await db
			.select({ recent: newerThan(max(draftVersions.createdAt), AUTO_VERSION_EVERY_MS) })
			.from(draftVersions)
			.where(eq(draftVersions.draftId, ref.draftId));
		if (row?.recent) return;
	}
	try {
		await freezeVersion(db, ref.draftId, {
			kind: 'auto',
			label: null,
			createdBy: null,
			skipUnchanged: true,
			unlessNewerThanMs: reason === 'activity' ? AUTO_VERSION_EVERY_MS : undefined
		});
	} catch (error) {
		// A draft deleted meanwhile, or the database away: the next occasion tries again.
		if (!(error instanceof AppError)) getLogger().warn({ err: error, documentName }, 'automatic version not recorded');
	}
}

/**
 * ws-server's document hooks that record automatic versions (for createCollabServer). Each
 * returns its run, which never rejects: ws-server does not wait for it, except when it shuts
 * down (a version being frozen then ends first); tests may.
 */
export function automaticVersionHooks(getDb: () => Promise<DbOrTx>) {
	const run = (name: string, reason: 'activity' | 'idle'): Promise<void> =>
		getDb()
			.then((db) => recordAutomaticVersion(db, name, reason))
			.catch((error) => getLogger().warn({ err: error, name }, 'automatic version failed'));
	return {
		afterWrite: (name: string) => run(name, 'activity'),
		afterLastDisconnect: (name: string) => run(name, 'idle')
	};
}
