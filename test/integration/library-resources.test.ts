import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, libraryResources, libraryRevisions, libraryVotes } from '../../src/lib/server/db/schema';
import {
	archiveResource,
	countUsefulVotes,
	createResource,
	getResourcePage,
	listMyLibrary,
	listReviewQueue,
	publishResource,
	requestChanges,
	requireReadableResource,
	setBookmark,
	setUsefulVote,
	submitResource,
	updateResource
} from '../../src/lib/server/library/resources';
import { compareRevisions, listRevisions, restoreRevision } from '../../src/lib/server/library/revisions';
import { resourceFormSchema, RESOURCE_ARRAY_FIELDS, type ResourceInput } from '../../src/lib/server/library/forms';
import { parseForm } from '../../src/lib/server/shared/forms';
import { AppError } from '../../src/lib/server/shared/errors';
import { useTestDatabase } from '../helpers/db';
import { makeResource, makeUser } from '../helpers/factories';

const testDb = useTestDatabase();

function input(overrides: Partial<ResourceInput> = {}): ResourceInput {
	return {
		kind: 'bonne_pratique',
		title: 'Organiser des créneaux de soins non programmés',
		summary: 'Une organisation partagée entre cabinets pour répondre le jour même.',
		body: '## Pourquoi\n\nLes urgences sont saturées le soir.\n\n## Comment\n\n- un planning partagé\n- une ligne dédiée',
		natures: ['rural'],
		sizeBands: [1],
		missions: ['acces_soins'],
		professions: ['medecin_generaliste', 'infirmier'],
		regionCode: '44',
		visibility: 'public',
		profile: null,
		...overrides
	};
}

const viewerOf = (user: { id: string; roles: string[] }) => ({ id: user.id, roles: user.roles as never[] });

async function expectRefused(promise: Promise<unknown>, code: string) {
	const error = await promise.then(
		() => null,
		(caught: unknown) => caught
	);
	expect(error).toBeInstanceOf(AppError);
	expect((error as AppError).code).toBe(code);
}

describe('library resources: proposal and review workflow', () => {
	it('lets a member propose, a facilitator request changes, the author resubmit, and the facilitator publish', async () => {
		const member = viewerOf(await makeUser(testDb.db));
		const facilitator = viewerOf(await makeUser(testDb.db, { roles: ['facilitator'] }));

		const draft = await createResource(testDb.db, member, input());
		expect(draft.status).toBe('draft');
		expect(draft.slug).toBe('organiser-des-creneaux-de-soins-non-programmes');
		expect(draft.bodyHtml).toContain('<h2>Pourquoi</h2>');
		expect(draft.bodyText).toContain('planning partagé');

		const submitted = await submitResource(testDb.db, member, draft.id);
		expect(submitted.status).toBe('submitted');
		expect(submitted.submittedAt).not.toBeNull();
		const queue = await listReviewQueue(testDb.db, facilitator);
		expect(queue.submitted.map((entry) => entry.id)).toContain(draft.id);

		const sentBack = await requestChanges(testDb.db, facilitator, draft.id, 'Précisez les horaires des créneaux.');
		expect(sentBack.status).toBe('changes_requested');
		expect(sentBack.reviewComment).toBe('Précisez les horaires des créneaux.');

		await updateResource(testDb.db, member, draft.id, input({ summary: 'Créneaux de 18 h à 20 h partagés entre cabinets.' }));
		expect((await submitResource(testDb.db, member, draft.id)).status).toBe('submitted');

		const published = await publishResource(testDb.db, facilitator, draft.id);
		expect(published.status).toBe('published');
		expect(published.publishedAt).not.toBeNull();
		expect(published.reviewComment).toBeNull();

		const audit = await testDb.db.select().from(auditLog).where(eq(auditLog.targetId, draft.id));
		expect(audit.map((entry) => entry.action).sort()).toEqual(['library.publish', 'library.request_changes']);

		// Archiving hides it from readers; republishing keeps the first publication date.
		await archiveResource(testDb.db, facilitator, draft.id);
		await expectRefused(requireReadableResource(testDb.db, null, published.slug), 'not_found');
		const republished = await publishResource(testDb.db, facilitator, draft.id);
		expect(republished.publishedAt?.getTime()).toBe(published.publishedAt?.getTime());
	});

	it('gives two resources with the same title different slugs, never a reserved one', async () => {
		const member = viewerOf(await makeUser(testDb.db));
		const first = await createResource(testDb.db, member, input({ title: 'Fiche réflexe canicule' }));
		const second = await createResource(testDb.db, member, input({ title: 'Fiche réflexe canicule' }));
		expect(first.slug).toBe('fiche-reflexe-canicule');
		expect(second.slug).toBe('fiche-reflexe-canicule-2');
		const reserved = await createResource(testDb.db, member, input({ title: 'Modération' }));
		expect(reserved.slug).toBe('moderation-2');
	});

	it('validates the form: required fields, lists, profil-type fields only for profils-types', () => {
		const schema = resourceFormSchema(['44', '84']);
		const form = new FormData();
		form.set('kind', 'profil_type');
		form.set('title', '  ');
		form.set('summary', 'Résumé');
		form.append('natures', 'rural');
		form.append('natures', 'lune');
		form.set('regionCode', '99');
		form.set('profilePopulationMin', '30 000');
		form.set('profilePopulationMax', '10000');
		const result = parseForm(schema, form, RESOURCE_ARRAY_FIELDS);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors.title).toBe('form.required');
		expect(result.errors.natures).toBe('form.choice');
		expect(result.errors.regionCode).toBe('form.choice');
		expect(result.errors.profileNature).toBe('form.choice');
		expect(result.errors.profileProfessionalsMin).toBe('form.required');
		expect(result.errors.profilePopulationMax).toBe('library.form.rangeOrder');
		expect(result.values.title).toBe('  ');

		const good = new FormData();
		good.set('kind', 'profil_type');
		good.set('title', 'Rural isolé');
		good.set('summary', 'Résumé');
		good.set('profileNature', 'rural');
		good.set('profilePopulationMin', '5 000');
		good.set('profileProfessionalsMin', '20');
		good.set('profileExampleActions', 'Créneaux partagés | Urgences, SAMU\n- Réunion annuelle');
		good.set('profileCoordinationFte', '0,5');
		good.append('profilePriorityMissions', 'acces_soins');
		const parsed = parseForm(schema, good, RESOURCE_ARRAY_FIELDS);
		expect(parsed.ok).toBe(true);
		if (!parsed.ok) return;
		expect(parsed.data.profile).toMatchObject({
			nature: 'rural',
			populationMin: 5000,
			populationMax: null,
			coordinationFte: 0.5,
			exampleActions: [
				{ action: 'Créneaux partagés', partners: 'Urgences, SAMU' },
				{ action: 'Réunion annuelle', partners: '' }
			]
		});

		const notProfile = new FormData();
		notProfile.set('kind', 'outil_modele');
		notProfile.set('title', 'Modèle');
		notProfile.set('summary', 'Résumé');
		notProfile.set('profileNature', 'rural');
		const plain = parseForm(schema, notProfile, RESOURCE_ARRAY_FIELDS);
		expect(plain.ok && plain.data.profile).toBeNull();
	});
});

describe('library resources: refusals', () => {
	it('refuses a member publishing, reviewing or editing another member’s resource', async () => {
		const author = viewerOf(await makeUser(testDb.db));
		const other = viewerOf(await makeUser(testDb.db));
		const draft = await createResource(testDb.db, author, input({ title: 'Protocole de sortie d’hospitalisation' }));
		await expectRefused(updateResource(testDb.db, other, draft.id, input({ title: 'Piraté' })), 'forbidden');
		await expectRefused(submitResource(testDb.db, other, draft.id), 'forbidden');
		await submitResource(testDb.db, author, draft.id);
		await expectRefused(publishResource(testDb.db, author, draft.id), 'forbidden');
		await expectRefused(publishResource(testDb.db, other, draft.id), 'forbidden');
		await expectRefused(requestChanges(testDb.db, author, draft.id, 'moi-même'), 'forbidden');
		await expectRefused(archiveResource(testDb.db, other, draft.id), 'forbidden');
		await expectRefused(listReviewQueue(testDb.db, author), 'forbidden');
		await expectRefused(createResource(testDb.db, null, input()), 'forbidden');
		const [row] = await testDb.db.select().from(libraryResources).where(eq(libraryResources.id, draft.id));
		expect(row.title).toBe('Protocole de sortie d’hospitalisation');
		expect(row.status).toBe('submitted');
	});

	it('refuses the author editing once published (curators only), and keeps drafts to author and facilitators', async () => {
		const author = viewerOf(await makeUser(testDb.db));
		const other = viewerOf(await makeUser(testDb.db));
		const facilitator = viewerOf(await makeUser(testDb.db, { roles: ['facilitator'] }));
		const admin = viewerOf(await makeUser(testDb.db, { roles: ['admin'] }));
		const draft = await createResource(testDb.db, author, input({ title: 'Brouillon confidentiel' }));

		expect((await requireReadableResource(testDb.db, author, draft.slug)).id).toBe(draft.id);
		expect((await requireReadableResource(testDb.db, facilitator, draft.slug)).id).toBe(draft.id);
		expect((await requireReadableResource(testDb.db, admin, draft.slug)).id).toBe(draft.id);
		await expectRefused(requireReadableResource(testDb.db, other, draft.slug), 'not_found');
		await expectRefused(requireReadableResource(testDb.db, null, draft.slug), 'not_found');

		await submitResource(testDb.db, author, draft.id);
		await publishResource(testDb.db, facilitator, draft.id);
		await expectRefused(updateResource(testDb.db, author, draft.id, input({ title: 'Changement après publication' })), 'forbidden');
		const edited = await updateResource(testDb.db, facilitator, draft.id, input({ title: 'Titre revu par l’animatrice' }));
		expect(edited.title).toBe('Titre revu par l’animatrice');
		expect(edited.status).toBe('published');
	});

	it('refuses members-only resources to anonymous visitors with "sign in", and serves them to members', async () => {
		const resource = await makeResource(testDb.db, { visibility: 'members_only', title: 'Annuaire interne des coordinateurs' });
		await expectRefused(requireReadableResource(testDb.db, null, resource.slug), 'unauthenticated');
		const member = viewerOf(await makeUser(testDb.db));
		expect((await requireReadableResource(testDb.db, member, resource.slug)).id).toBe(resource.id);
	});

	it('does not leak a draft through the page, votes or bookmarks', async () => {
		const author = await makeUser(testDb.db);
		const other = viewerOf(await makeUser(testDb.db));
		const draft = await makeResource(testDb.db, { status: 'draft', authorId: author.id });
		await expectRefused(getResourcePage(testDb.db, other, draft.slug), 'not_found');
		await expectRefused(setUsefulVote(testDb.db, other, draft.id, true), 'forbidden');
		await expectRefused(setBookmark(testDb.db, other, draft.id, true), 'forbidden');
		await expectRefused(setUsefulVote(testDb.db, null, draft.id, true), 'forbidden');
	});
});

describe('library resources: votes, bookmarks, views, related', () => {
	it('counts one "Utile" vote per user, even when sent twice at once', async () => {
		const resource = await makeResource(testDb.db);
		const voter = viewerOf(await makeUser(testDb.db));
		const second = viewerOf(await makeUser(testDb.db));
		await Promise.all([
			setUsefulVote(testDb.db, voter, resource.id, true),
			setUsefulVote(testDb.db, voter, resource.id, true),
			setUsefulVote(testDb.db, second, resource.id, true)
		]);
		expect(await countUsefulVotes(testDb.db, resource.id)).toBe(2);
		await setUsefulVote(testDb.db, voter, resource.id, false);
		expect(await countUsefulVotes(testDb.db, resource.id)).toBe(1);
		const rows = await testDb.db
			.select()
			.from(libraryVotes)
			.where(and(eq(libraryVotes.resourceId, resource.id), eq(libraryVotes.userId, second.id)));
		expect(rows).toHaveLength(1);
		// The constraint holds even for a direct insert.
		await expect(testDb.db.insert(libraryVotes).values({ resourceId: resource.id, userId: second.id })).rejects.toThrow();
	});

	it('shows the page with votes, bookmark, view count and related resources', async () => {
		const author = await makeUser(testDb.db);
		const reader = viewerOf(await makeUser(testDb.db));
		const resource = await makeResource(testDb.db, { authorId: author.id, missions: ['parcours'], natures: ['rural'] });
		const close = await makeResource(testDb.db, { missions: ['parcours'], natures: ['rural'], title: 'Très proche' });
		await makeResource(testDb.db, { missions: ['parcours'], natures: ['urbain_dense'], title: 'Un peu proche' });
		await makeResource(testDb.db, { missions: ['parcours'], natures: ['rural'], status: 'draft', title: 'Brouillon proche' });
		await makeResource(testDb.db, { missions: ['crises_sanitaires'], natures: ['outre_mer'], title: 'Sans rapport' });

		await setBookmark(testDb.db, reader, resource.id, true);
		await setUsefulVote(testDb.db, reader, resource.id, true);
		const page = await getResourcePage(testDb.db, reader, resource.slug);
		expect(page.authorName).toBe(author.name);
		expect(page.usefulCount).toBe(1);
		expect(page.viewerVoted).toBe(true);
		expect(page.viewerBookmarked).toBe(true);
		expect(page.can).toMatchObject({ react: true, edit: false, publish: false });
		const related = page.related.map((card) => card.title);
		expect(related[0]).toBe(close.title);
		expect(related).toContain('Un peu proche');
		expect(related).not.toContain('Brouillon proche');
		expect(related).not.toContain('Sans rapport');

		await getResourcePage(testDb.db, null, resource.slug);
		// The author's own visits are not counted.
		await getResourcePage(testDb.db, viewerOf({ id: author.id, roles: [] }), resource.slug);
		const [row] = await testDb.db.select().from(libraryResources).where(eq(libraryResources.id, resource.id));
		expect(row.viewCount).toBe(2);

		const mine = await listMyLibrary(testDb.db, reader);
		expect(mine.bookmarked.map((card) => card.id)).toEqual([resource.id]);
	});
});

describe('library revisions', () => {
	it('records a revision at each save, shows a readable diff, and lets a facilitator restore', async () => {
		const author = viewerOf(await makeUser(testDb.db));
		const facilitator = viewerOf(await makeUser(testDb.db, { roles: ['facilitator'] }));
		const other = viewerOf(await makeUser(testDb.db));
		const created = await createResource(testDb.db, author, input({ title: 'Journée prévention diabète', body: 'Dépistage en pharmacie le samedi matin.' }));
		await submitResource(testDb.db, author, created.id);
		await publishResource(testDb.db, facilitator, created.id);
		await updateResource(
			testDb.db,
			facilitator,
			created.id,
			input({ title: 'Journée prévention diabète', body: 'Dépistage en pharmacie et au cabinet infirmier le samedi matin.', natures: ['rural', 'periurbain'] })
		);

		const revisions = await listRevisions(testDb.db, facilitator, created);
		expect(revisions.map((revision) => revision.number)).toEqual([2, 1]);
		expect(revisions[0].statusAtSave).toBe('published');

		const comparison = await compareRevisions(testDb.db, facilitator, created, 2);
		expect(comparison.from?.number).toBe(1);
		expect(comparison.body.filter((part) => part.added).map((part) => part.value).join('')).toContain('au cabinet infirmier');
		expect(comparison.title.every((part) => !part.added && !part.removed)).toBe(true);
		expect(comparison.details).toEqual([{ field: 'natures', before: ['rural'], after: ['rural', 'periurbain'] }]);

		await expectRefused(restoreRevision(testDb.db, author, created.id, 1), 'forbidden');
		await expectRefused(listRevisions(testDb.db, other, created), 'forbidden');
		const restored = await restoreRevision(testDb.db, facilitator, created.id, 1);
		expect(restored.bodySource).toBe('Dépistage en pharmacie le samedi matin.');
		expect(restored.natures).toEqual(['rural']);
		expect(restored.status).toBe('published');
		const after = await testDb.db.select().from(libraryRevisions).where(eq(libraryRevisions.resourceId, created.id));
		expect(after.map((revision) => [revision.number, revision.restoredFrom]).sort()).toEqual([
			[1, null],
			[2, null],
			[3, 1]
		]);
		await expectRefused(restoreRevision(testDb.db, facilitator, created.id, 99), 'not_found');
	});
});
