/**
 * Drafts beyond their records: the template written as the editor's Yjs document, the
 * status workflow with its frozen versions, automatic versions, comparisons and restores,
 * comments with mentions, exports, and the pages' refusals.
 */
import { eq } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createPostgresStore } from '../../ws-server/persistence';
import type { SessionUser } from '../../src/lib/server/auth/session';
import { draftDocumentName } from '../../src/lib/server/collab/names';
import { getCptsBySlug } from '../../src/lib/server/cpts';
import {
	addComment,
	addDraftReviewer,
	changeDraftStatus,
	compareDocuments,
	docFromState,
	getVersion,
	jsonFromState,
	listComments,
	listMyDrafts,
	listVersions,
	loadStoredState,
	nameVersion,
	recordAutomaticVersion,
	restoreVersion,
	replyToComment,
	setCommentResolved,
	suggestDraftMentions,
	startDraft,
	toDocx,
	toMarkdown
} from '../../src/lib/server/drafts';
import { draftVersions, notifications } from '../../src/lib/server/db/schema';
import { DEMO_DRAFT_TITLE, seedDraftsDemo } from '../../src/lib/server/demo/drafts';
import { load as loadDraftPage, actions as draftActions } from '../../src/routes/projets/[id]/+page.server';
import { GET as exportDraft } from '../../src/routes/projets/[id]/export/[format]/+server';
import { actions as versionActions } from '../../src/routes/projets/[id]/versions/[number]/+page.server';
import { useTestDatabase } from '../helpers/db';
import { expectAppError } from '../helpers/refusal';
import { asSessionUser, routeOutcome } from '../helpers/routes';
import { makeCpts, makeMembership, makeProfile, makeResource, makeTerritory, makeUser } from '../helpers/factories';

const testDb = useTestDatabase({ referential: true });

const ruralProfile = makeProfile({
	populationMax: 15_000,
	priorityMissions: ['acces_soins', 'parcours'],
	partners: ['EHPAD du territoire', 'PMI'],
	exampleActions: [
		{ action: 'Créneaux de soins non programmés le soir', partners: 'Régulation du SAMU', mission: 'acces_soins' },
		{ action: 'Réponse aux résidents d’EHPAD le week-end', partners: 'EHPAD, médecin coordonnateur', mission: 'parcours' }
	],
	// The second indicator as stored before indicators carried their mission.
	indicators: [{ text: 'Part des patients sans médecin traitant', mission: 'acces_soins' }, 'Passages aux urgences évitables'],
	governance: 'Association loi 1901 avec un bureau resserré.',
	coordinationWorkload: 'Environ 0,3 ETP mutualisé.'
});

async function scene() {
	const row = await makeCpts(testDb.db, { name: 'CPTS du Val Test', nature: 'rural', population: 11_500 });
	await makeTerritory(testDb.db, row.id, ['88095', '88504']); // Châtenois and Vicherey (Vosges)
	const place = (await getCptsBySlug(testDb.db, row.slug))!;
	const coordinator = asSessionUser(await makeUser(testDb.db, { name: 'Dr Marc Girard' }));
	const member = asSessionUser(await makeUser(testDb.db, { name: 'Julien Moreau', profession: 'pharmacien', professionForm: 'masculine' }));
	const outsider = asSessionUser(await makeUser(testDb.db));
	const facilitator = asSessionUser(await makeUser(testDb.db, { roles: ['facilitator'], name: 'Sophie Lambert' }));
	const reviewerRow = await makeUser(testDb.db, { name: 'Agnès Contact ARS' });
	const reviewer = asSessionUser(reviewerRow);
	await makeMembership(testDb.db, place.id, coordinator.id, { role: 'coordinator' });
	await makeMembership(testDb.db, place.id, member.id);
	const profile = await makeResource(testDb.db, { kind: 'profil_type', title: 'Profil-type rural de test', profile: ruralProfile });
	const draft = await startDraft(testDb.db, member, place, { title: 'Projet de santé 2026', profile: profile.slug });
	await addDraftReviewer(testDb.db, coordinator, draft.id, reviewerRow.email);
	return { place, draft, coordinator, member, outsider, facilitator, reviewer, profile };
}

/** Stores an edit of the text (one transaction), as ws-server would after a client made it. */
async function editStored(draftId: string, edit: (text: Y.XmlFragment) => void) {
	const doc = docFromState(await loadStoredState(testDb.db, draftId));
	let update: Uint8Array | null = null;
	doc.on('update', (next: Uint8Array) => (update = next));
	doc.transact(() => edit(doc.getXmlFragment('default')));
	await createPostgresStore(async () => testDb.db).append(draftDocumentName(draftId), update!);
}

function paragraphOf(text: string): Y.XmlElement {
	const paragraph = new Y.XmlElement('paragraph');
	paragraph.insert(0, [new Y.XmlText(text)]);
	return paragraph;
}

/** Adds a paragraph at the start of the stored text. */
const appendParagraph = (draftId: string, text: string) => editStored(draftId, (fragment) => fragment.insert(0, [paragraphOf(text)]));

/** Replaces the first block of the stored text: a restore of an earlier version must put it back. */
const replaceFirstBlock = (draftId: string, text: string) =>
	editStored(draftId, (fragment) => {
		fragment.delete(0, 1);
		fragment.insert(0, [paragraphOf(text)]);
	});

function pageEvent(draftId: string, user: SessionUser | null, form?: Record<string, string>) {
	const body = new FormData();
	for (const [key, value] of Object.entries(form ?? {})) body.set(key, value);
	return {
		params: { id: draftId, format: 'docx', number: '1' },
		url: new URL(`http://localhost/projets/${draftId}`),
		locals: { user, locale: 'fr' },
		request: new Request(`http://localhost/projets/${draftId}`, { method: 'POST', body })
	} as never;
}

describe('starting a draft', () => {
	it('writes the template, filled from the CPTS and the profil-type, as the editor’s Yjs document', async () => {
		const { draft } = await scene();
		const doc = jsonFromState(await loadStoredState(testDb.db, draft.id));
		const markdown = toMarkdown(doc);
		for (const part of ['## 1. Diagnostic territorial', '## 2. Le territoire et les membres de la CPTS', '## 3. Missions et fiches-actions', '## 4. Gouvernance', '## 5. Coordination', '## 6. Communication']) {
			expect(markdown).toContain(part);
		}
		expect(markdown).toContain('### Mission 1 : Accès aux soins');
		expect(markdown).toContain('#### Fiche-action 1.1 : Créneaux de soins non programmés le soir');
		expect(markdown).toContain('**Partenaires :** Régulation du SAMU');
		expect(markdown).toContain('- Part des patients sans médecin traitant');
		expect(markdown).toContain('#### Fiche-action 2.1 : Réponse aux résidents d’EHPAD le week-end');
		expect(markdown).toContain('### Mission 4 : Réponse aux crises sanitaires graves');
		expect(markdown).toContain('### À rattacher à une mission');
		expect(markdown).toContain('- Indicateur : Passages aux urgences évitables');
		expect(markdown).toContain('**Calendrier :**');
		expect(markdown).toContain('**Budget :**');
		// Each member's profession in the form she chose, or the name of the field: never « pharmacien ou pharmacienne ».
		expect(markdown).toContain('- Julien Moreau, pharmacien\n');
		expect(markdown).toContain('- Dr Marc Girard, soins infirmiers (coordination)');
		expect(markdown).not.toMatch(/ ou (pharmacienne|infirmière)/);
		expect(markdown).toContain('Communes du territoire : Châtenois, Vicherey.');
		expect(markdown).toContain('Association loi 1901 avec un bureau resserré.');
		// The fragment the editor binds (Tiptap Collaboration's "default") holds it.
		expect(docFromState(await loadStoredState(testDb.db, draft.id)).getXmlFragment('default').length).toBeGreaterThan(20);
	});

	it('refuses a profil-type that does not exist, and a resource that is not a profil-type', async () => {
		const { place, member } = await scene();
		const practice = await makeResource(testDb.db, { kind: 'bonne_pratique' });
		await expectAppError(startDraft(testDb.db, member, place, { title: 'X', profile: 'inconnu' }), 'invalid');
		await expectAppError(startDraft(testDb.db, member, place, { title: 'X', profile: practice.slug }), 'invalid');
	});

	it('lists the drafts of my CPTS and those I review, not others', async () => {
		const { draft, member, reviewer, outsider } = await scene();
		expect((await listMyDrafts(testDb.db, member)).map((card) => card.id)).toContain(draft.id);
		expect((await listMyDrafts(testDb.db, reviewer)).map((card) => card.id)).toEqual([draft.id]);
		expect(await listMyDrafts(testDb.db, outsider)).toEqual([]);
	});
});

describe('status workflow and versions', () => {
	it('lets coordinators only move the status, one step at a time, each freezing a version', async () => {
		const { draft, coordinator, member, reviewer } = await scene();
		await expectAppError(changeDraftStatus(testDb.db, member, draft.id, 'en_relecture'), 'forbidden');
		await expectAppError(changeDraftStatus(testDb.db, reviewer, draft.id, 'en_relecture'), 'forbidden');
		await expectAppError(changeDraftStatus(testDb.db, coordinator, draft.id, 'soumis_ars'), 'conflict');
		await expectAppError(changeDraftStatus(testDb.db, coordinator, draft.id, 'publie'), 'invalid');

		const review = await changeDraftStatus(testDb.db, coordinator, draft.id, 'en_relecture');
		const submitted = await changeDraftStatus(testDb.db, coordinator, draft.id, 'soumis_ars');
		expect([review.number, review.kind, review.status]).toEqual([1, 'status', 'en_relecture']);
		expect([submitted.number, submitted.status]).toEqual([2, 'soumis_ars']);
		expect(await listVersions(testDb.db, reviewer, draft.id)).toMatchObject([
			{ number: 2, kind: 'status', status: 'soumis_ars', authorName: 'Dr Marc Girard' },
			{ number: 1, kind: 'status', status: 'en_relecture' }
		]);
		// The members and reviewers hear of it, not the coordinator who did it.
		const statusNotices = await testDb.db.select().from(notifications).where(eq(notifications.kind, 'draft.status'));
		expect(statusNotices.filter((row) => row.userId === member.id).map((row) => row.title)).toEqual([
			'drafts.notify.status.en_relecture',
			'drafts.notify.status.soumis_ars'
		]);
		expect(statusNotices.some((row) => row.userId === reviewer.id && row.link === `/projets/${draft.id}/versions/2`)).toBe(true);
		expect(statusNotices.some((row) => row.userId === coordinator.id)).toBe(false);
		// The frozen text is the draft's text.
		expect(toMarkdown((await getVersion(testDb.db, member, draft.id, 2)).doc)).toContain('## 1. Diagnostic territorial');
	});

	it('names versions (editors only) and records automatic ones only when the text changed', async () => {
		const { draft, member, reviewer, facilitator } = await scene();
		await expectAppError(nameVersion(testDb.db, reviewer, draft.id, 'Relue'), 'forbidden');
		await expectAppError(nameVersion(testDb.db, facilitator, draft.id, 'Relue'), 'forbidden');
		await expectAppError(nameVersion(testDb.db, member, draft.id, '   '), 'invalid');
		expect(await nameVersion(testDb.db, member, draft.id, 'Trame du bureau')).toMatchObject({ number: 1, kind: 'named', label: 'Trame du bureau' });

		const name = draftDocumentName(draft.id);
		await recordAutomaticVersion(testDb.db, name, 'idle');
		expect(await listVersions(testDb.db, member, draft.id)).toHaveLength(1);
		await appendParagraph(draft.id, 'Réunion plénière le 12 mars.');
		await recordAutomaticVersion(testDb.db, name, 'idle');
		await recordAutomaticVersion(testDb.db, name, 'idle');
		const versions = await listVersions(testDb.db, member, draft.id);
		expect(versions.map((version) => version.kind)).toEqual(['auto', 'named']);
		// Activity: the next automatic version waits ten minutes after the latest one.
		await appendParagraph(draft.id, 'Deuxième ajout.');
		await recordAutomaticVersion(testDb.db, name, 'activity');
		expect(await listVersions(testDb.db, member, draft.id)).toHaveLength(2);
		await testDb.db.update(draftVersions).set({ createdAt: new Date(Date.now() - 11 * 60_000) }).where(eq(draftVersions.draftId, draft.id));
		await recordAutomaticVersion(testDb.db, name, 'activity');
		expect((await listVersions(testDb.db, member, draft.id)).map((version) => version.kind)).toEqual(['auto', 'auto', 'named']);
	});

	it('records an automatic version after a change that only deleted text', async () => {
		const { draft, member } = await scene();
		const name = draftDocumentName(draft.id);
		await recordAutomaticVersion(testDb.db, name, 'idle');
		const blocks = (await getVersion(testDb.db, member, draft.id, 1)).doc.content!.length;
		// A deletion adds no insertion: the state vector stays the latest version's.
		await editStored(draft.id, (fragment) => fragment.delete(0, 1));
		await recordAutomaticVersion(testDb.db, name, 'idle');
		expect(await listVersions(testDb.db, member, draft.id)).toHaveLength(2);
		expect((await getVersion(testDb.db, member, draft.id, 2)).doc.content).toHaveLength(blocks - 1);
		// Unchanged since: none more.
		await recordAutomaticVersion(testDb.db, name, 'idle');
		expect(await listVersions(testDb.db, member, draft.id)).toHaveLength(2);
	});

	it('records one automatic version per period of activity, even when a late one read the age before the other froze', async () => {
		const { draft, member } = await scene();
		const name = draftDocumentName(draft.id);
		// A run whose transaction starts late (a busy pool, or another instance writing the
		// same changes): it read the latest version's age before the other run froze.
		let openGate!: () => void;
		let arrived!: () => void;
		const gate = new Promise<void>((resolve) => (openGate = resolve));
		const atGate = new Promise<void>((resolve) => (arrived = resolve));
		const lateDb = new Proxy(testDb.db, {
			get(target, key, receiver) {
				if (key !== 'transaction') return Reflect.get(target, key, receiver);
				return async (...args: Parameters<typeof target.transaction>) => {
					arrived();
					await gate;
					return target.transaction(...args);
				};
			}
		});
		const late = recordAutomaticVersion(lateDb, name, 'activity');
		await atGate;
		await recordAutomaticVersion(testDb.db, name, 'activity');
		expect(await listVersions(testDb.db, member, draft.id)).toHaveLength(1);
		// The next debounced write lands, then the late run goes on: a version a minute old
		// is not ten, whatever the age it read before.
		await appendParagraph(draft.id, 'Ajout juste après.');
		openGate();
		await late;
		expect(await listVersions(testDb.db, member, draft.id)).toHaveLength(1);
	});

	it('compares a version with the current text, and restores it on the server (editors only) after freezing the current text', async () => {
		const { draft, member, reviewer, outsider, facilitator } = await scene();
		const first = await nameVersion(testDb.db, member, draft.id, 'Avant la plénière');
		await appendParagraph(draft.id, 'Réunion plénière le 12 mars à Châtenois.');
		const version = await getVersion(testDb.db, member, draft.id, first.number);
		const comparison = compareDocuments(version.doc, jsonFromState(await loadStoredState(testDb.db, draft.id)));
		expect(comparison.unchanged).toBe(false);
		expect(comparison.lines.filter((line) => line.kind === 'added').map((line) => line.parts[0].value)).toEqual([
			'Réunion plénière le 12 mars à Châtenois.'
		]);

		await expectAppError(restoreVersion(testDb.db, reviewer, draft.id, first.number), 'forbidden');
		await expectAppError(restoreVersion(testDb.db, facilitator, draft.id, first.number), 'forbidden');
		await expectAppError(restoreVersion(testDb.db, outsider, draft.id, first.number), 'not_found');
		await expectAppError(restoreVersion(testDb.db, member, draft.id, 99), 'not_found');
		// Refused ones changed nothing.
		expect(toMarkdown(jsonFromState(await loadStoredState(testDb.db, draft.id)))).toContain('Réunion plénière');
		expect(await listVersions(testDb.db, member, draft.id)).toHaveLength(1);

		// Loaded nowhere: the change is stored, and the stored text is the version's again.
		expect(await restoreVersion(testDb.db, member, draft.id, first.number)).toEqual({ number: 1, changed: true });
		const restored = jsonFromState(await loadStoredState(testDb.db, draft.id));
		expect(restored).toEqual(version.doc);
		// The text before the restore is a version of its own: restoring it undoes the restore.
		const [before] = await listVersions(testDb.db, member, draft.id);
		expect(before).toMatchObject({ number: 2, kind: 'restore' });
		expect(toMarkdown((await getVersion(testDb.db, member, draft.id, 2)).doc)).toContain('Réunion plénière');
		// Restoring the text it already has changes nothing, and freezes nothing new.
		expect(await restoreVersion(testDb.db, member, draft.id, first.number)).toEqual({ number: 1, changed: false });
		expect(await listVersions(testDb.db, member, draft.id)).toHaveLength(2);
	});

	it('restores once when two editors click at the same time (the second starts from the first’s result)', async () => {
		const { draft, member, coordinator } = await scene();
		const first = await nameVersion(testDb.db, member, draft.id, 'Trame');
		// The version's first block (the title) is gone: restoring inserts it again.
		await replaceFirstBlock(draft.id, 'Nouveau titre.');
		await Promise.all([
			restoreVersion(testDb.db, member, draft.id, first.number),
			restoreVersion(testDb.db, coordinator, draft.id, first.number)
		]);
		const text = jsonFromState(await loadStoredState(testDb.db, draft.id));
		expect(text).toEqual((await getVersion(testDb.db, member, draft.id, first.number)).doc);
	});

	it('restores from a plain form post: editors are sent to the draft, others refused', async () => {
		const { draft, member, reviewer } = await scene();
		await nameVersion(testDb.db, member, draft.id, 'Trame');
		await appendParagraph(draft.id, 'Ajout tardif.');
		expect(await routeOutcome(() => versionActions.restore(pageEvent(draft.id, reviewer)))).toEqual({ status: 403 });
		expect(toMarkdown(jsonFromState(await loadStoredState(testDb.db, draft.id)))).toContain('Ajout tardif.');
		expect(await routeOutcome(() => versionActions.restore(pageEvent(draft.id, member)))).toEqual({
			redirect: `/projets/${draft.id}?restauree=1`,
			status: 303
		});
		expect(toMarkdown(jsonFromState(await loadStoredState(testDb.db, draft.id)))).not.toContain('Ajout tardif.');
		const page = await routeOutcome(() => loadDraftPage({ ...(pageEvent(draft.id, member) as object), url: new URL(`http://localhost/projets/${draft.id}?restauree=1`) } as never));
		expect(page.data).toMatchObject({ restored: 1 });
		expect(toMarkdown(page.data!.doc as never)).not.toContain('Ajout tardif.');
	});
});

describe('comments', () => {
	it('lets members, facilitators and reviewers comment; mentions and replies notify', async () => {
		const { draft, coordinator, member, reviewer, facilitator, outsider } = await scene();
		const anchor = Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(new Y.Doc().getXmlFragment('default'), 0))).toString('base64');
		const { comment, mentioned } = await addComment(testDb.db, reviewer, draft.id, {
			// The forum's handle of a person (shared/mentions.ts), as the completion writes it.
			body: 'Indicateur à préciser, @dr-marc-girard.',
			anchorStart: anchor,
			anchorEnd: anchor,
			quote: 'Part des patients'
		});
		expect(mentioned).toEqual([coordinator.id]);
		// The completion offers the draft's readers by handle, to commenters only.
		expect(await suggestDraftMentions(testDb.db, reviewer, draft.id, 'Girard')).toEqual([
			{ handle: 'dr-marc-girard', label: 'Dr Marc Girard', kind: 'person' }
		]);
		expect(await suggestDraftMentions(testDb.db, reviewer, draft.id, 'g')).toEqual([]);
		await expectAppError(suggestDraftMentions(testDb.db, outsider, draft.id, 'Girard'), 'not_found');
		const [notice] = await testDb.db.select().from(notifications).where(eq(notifications.userId, coordinator.id));
		expect(notice).toMatchObject({ kind: 'draft.mention', link: `/projets/${draft.id}#commentaires` });

		await replyToComment(testDb.db, member, draft.id, comment.id, 'Je m’en occupe.');
		await addComment(testDb.db, facilitator, draft.id, { body: 'Voir la fiche de la bibliothèque sur les SNP.' });
		const toReviewer = await testDb.db.select().from(notifications).where(eq(notifications.userId, reviewer.id));
		expect(toReviewer.map((row) => row.kind)).toEqual(['draft.comment']);

		await expectAppError(addComment(testDb.db, outsider, draft.id, { body: 'Je passe.' }), 'not_found');
		await expectAppError(addComment(testDb.db, null, draft.id, { body: 'Je passe.' }), 'unauthenticated');
		await expectAppError(addComment(testDb.db, member, draft.id, { body: ' ' }), 'invalid');
		await expectAppError(addComment(testDb.db, member, draft.id, { body: 'x', anchorStart: anchor }), 'invalid');
		await expectAppError(addComment(testDb.db, member, draft.id, { body: 'x', anchorStart: '<script>', anchorEnd: anchor }), 'invalid');

		// Resolving: the thread's author or an editor; not another commenter.
		await expectAppError(setCommentResolved(testDb.db, facilitator, draft.id, comment.id, true), 'forbidden');
		await setCommentResolved(testDb.db, member, draft.id, comment.id, true);
		const threads = await listComments(testDb.db, reviewer, draft.id);
		expect(threads).toMatchObject([
			{ id: comment.id, resolved: true, anchorStart: anchor, quote: 'Part des patients', replies: [{ body: 'Je m’en occupe.' }] },
			{ resolved: false, anchorStart: null, canResolve: false }
		]);
	});
});

describe('pages and exports', () => {
	it('sends signed-out visitors to sign in, refuses non-members (403), unknown drafts (404), and holds reviewers read-only', async () => {
		const { draft, member, reviewer, outsider } = await scene();
		expect(await routeOutcome(() => loadDraftPage(pageEvent(draft.id, null)))).toEqual({
			redirect: `/connexion?redirectTo=${encodeURIComponent(`/projets/${draft.id}`)}`,
			status: 303
		});
		expect(await routeOutcome(() => loadDraftPage(pageEvent(draft.id, outsider)))).toEqual({ status: 403 });
		expect(await routeOutcome(() => loadDraftPage(pageEvent('abcdefghijklmnop', member)))).toEqual({ status: 404 });
		const asReviewer = await routeOutcome(() => loadDraftPage(pageEvent(draft.id, reviewer)));
		expect(asReviewer.data).toMatchObject({ access: { canEdit: false, canComment: true, canManage: false }, nextStatuses: [] });
		const asMember = await routeOutcome(() => loadDraftPage(pageEvent(draft.id, member)));
		expect(asMember.data).toMatchObject({ access: { canEdit: true, canManage: false }, documentName: `draft:${draft.id}` });

		// Actions refuse too: a member cannot submit to the ARS, an outsider cannot comment.
		expect(await routeOutcome(() => draftActions.status(pageEvent(draft.id, member, { status: 'en_relecture' })))).toEqual({ status: 403 });
		// To an outsider the draft does not exist: its 404 page, as for the page itself.
		expect(await routeOutcome(() => draftActions.comment(pageEvent(draft.id, outsider, { body: 'Bonjour' })))).toEqual({ status: 404 });
		const empty = await routeOutcome(() => draftActions.comment(pageEvent(draft.id, reviewer, { body: '' })));
		expect(empty.data).toMatchObject({ status: 400, data: { errors: { body: 'form.required' } } });
	});

	it('lets coordinators only invite and withdraw reviewers from the page', async () => {
		const { draft, coordinator, member } = await scene();
		const ars = await makeUser(testDb.db, { name: 'Paul Référent ARS' });
		expect(await routeOutcome(() => draftActions.invite(pageEvent(draft.id, member, { email: ars.email })))).toEqual({ status: 403 });
		const invalid = await routeOutcome(() => draftActions.invite(pageEvent(draft.id, coordinator, { email: 'pas-une-adresse' })));
		expect(invalid.data).toMatchObject({ status: 400, data: { errors: { email: 'form.email' }, values: { email: 'pas-une-adresse' } } });
		const unknown = await routeOutcome(() => draftActions.invite(pageEvent(draft.id, coordinator, { email: 'personne@exemple.fr' })));
		expect(unknown.data).toMatchObject({ status: 400, data: { message: 'drafts.reviewers.unknownEmail' } });
		expect((await routeOutcome(() => draftActions.invite(pageEvent(draft.id, coordinator, { email: ars.email })))).data).toEqual({
			action: 'invite',
			success: 'drafts.reviewers.invited'
		});
		const page = await routeOutcome(() => loadDraftPage(pageEvent(draft.id, coordinator)));
		expect((page.data!.reviewers as { name: string }[]).map((person) => person.name)).toContain('Paul Référent ARS');
		expect(await routeOutcome(() => draftActions.uninvite(pageEvent(draft.id, member, { userId: ars.id })))).toEqual({ status: 403 });
		await draftActions.uninvite(pageEvent(draft.id, coordinator, { userId: ars.id }));
		expect(await routeOutcome(() => loadDraftPage(pageEvent(draft.id, asSessionUser(ars))))).toEqual({ status: 403 });
	});

	it('exports DOCX (a real Office Open XML file) and Markdown to readers only', async () => {
		const { draft, reviewer, outsider } = await scene();
		const response = await exportDraft(pageEvent(draft.id, reviewer));
		expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
		expect(response.headers.get('content-disposition')).toContain('projet-de-sante-2026.docx');
		const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
		const xml = strFromU8(files['word/document.xml']);
		expect(xml).toContain('Projet de santé 2026');
		expect(xml).toContain('Créneaux de soins non programmés le soir');
		expect(xml).toContain('Heading1');
		expect(await routeOutcome(() => exportDraft(pageEvent(draft.id, outsider)))).toEqual({ status: 403 });
		const docx = await toDocx({ title: 'T', cptsName: 'C', status: 'valide', locale: 'en' }, { type: 'doc', content: [] });
		expect(strFromU8(unzipSync(new Uint8Array(docx))['word/document.xml'])).toContain('Approved');
	});
});

describe('demo content', () => {
	it('seeds La Plaine’s draft from the rural profil-type once, with a named version and a discussion', async () => {
		const coordinator = await makeUser(testDb.db, { name: 'Dr Marc Girard' });
		const member = await makeUser(testDb.db, { name: 'Julien Moreau' });
		const place = await makeCpts(testDb.db, { slug: 'la-plaine', name: 'CPTS de La Plaine', nature: 'rural', population: 11_500 });
		await makeMembership(testDb.db, place.id, coordinator.id, { role: 'coordinator' });
		await makeMembership(testDb.db, place.id, member.id);
		await makeResource(testDb.db, { slug: 'profil-type-rural-premier-recours-fragile', kind: 'profil_type', title: 'Profil-type rural', profile: ruralProfile });
		expect(await seedDraftsDemo(testDb.db, { authorId: coordinator.id, commenterId: member.id })).toEqual({ drafts: 1 });
		expect(await seedDraftsDemo(testDb.db, { authorId: coordinator.id, commenterId: member.id })).toEqual({ drafts: 0 });
		const [card] = await listMyDrafts(testDb.db, asSessionUser(member));
		expect(card).toMatchObject({ title: DEMO_DRAFT_TITLE, cptsSlug: 'la-plaine', openThreads: 1 });
		expect(await listVersions(testDb.db, asSessionUser(member), card.id)).toMatchObject([{ kind: 'named', label: 'Trame de départ présentée au bureau' }]);
		expect(toMarkdown(jsonFromState(await loadStoredState(testDb.db, card.id)))).toContain('Créneaux de soins non programmés le soir');
	});
});
