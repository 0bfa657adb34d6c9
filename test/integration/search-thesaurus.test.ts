/**
 * Search knows the field's words (issue 18, item 1): hyphenated professions, every gender and
 * number of a profession, abbreviations beside what they stand for, in the library and the
 * forums, on PGlite and PostgreSQL alike (search/query.ts, search/thesaurus.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureCategory, ensureCptsSpace, parseForumSearch, searchForum, startThread } from '../../src/lib/server/forum';
import { parseSearchQuery } from '../../src/lib/server/library/forms';
import { searchLibrary } from '../../src/lib/server/library/search';
import { useTestDatabase } from '../helpers/db';
import { makeCpts, makeMembership, makeResource, makeUser } from '../helpers/factories';
import { forumViewerOf, threadInput } from '../helpers/forum';

const testDb = useTestDatabase();

/** The titles the library shows an anonymous reader for these words. */
async function libraryTitles(q: string): Promise<string[]> {
	const found = await searchLibrary(testDb.db, null, parseSearchQuery(new URLSearchParams({ q }), []));
	expect(found.total).toBe(found.hits.length);
	return found.hits.map((hit) => hit.title);
}

describe('library search with the field’s words', () => {
	beforeAll(async () => {
		const resources: [title: string, body: string][] = [
			['Le suivi post-natal', 'Les sages-femmes libérales voient la mère à domicile dès la sortie de maternité.'],
			['Guide Asalée', 'Les infirmières déléguées à la santé publique reçoivent les patients diabétiques.'],
			['Un infirmier en tournée', 'Organisation des tournées du soir.'],
			['Rééducation après une prothèse de genou', 'Le masseur-kinésithérapeute libéral reprend la marche avec le patient.'],
			['Le samedi matin sans rendez-vous', 'Un planning des soins non programmés entre cinq cabinets.'],
			['Régulation du SNP', 'Le planning SNP partagé avec le centre 15.'],
			['Ouvrir une maison de santé pluriprofessionnelle', 'Le projet immobilier et le projet de santé.'],
			['Budget de coordination', 'Le poste de coordinatrice à 0,5 ETP, financé par le fonctionnement.'],
			['Programme pour les patients diabétiques', 'Des ateliers d’éducation thérapeutique du patient à la MSP.'],
			['Vaccination en établissement', 'Dans chaque établissement d’hébergement pour personnes âgées dépendantes du territoire.'],
			['Protocole antalgique', 'Paracétamol 500 mg toutes les six heures.']
		];
		for (const [title, body] of resources) await makeResource(testDb.db, { title, summary: 'Un retour d’expérience.', body });
		await makeResource(testDb.db, { title: 'Kinés : notre convention réservée', body: 'Entre kinés de la CPTS.', visibility: 'members_only' });
	});

	it('reads a hyphen inside a word as part of the word, singular or plural', async () => {
		for (const q of ['sage-femme', 'sages-femmes', 'Sage-Femme', 'maïeuticienne']) {
			expect(await libraryTitles(q), q).toEqual(['Le suivi post-natal']);
		}
		// A hyphenated word that is in no thesaurus entry: its parts, one after the other.
		expect(await libraryTitles('post-natal')).toEqual(['Le suivi post-natal']);
	});

	it('finds every gender and number of a profession from any of them', async () => {
		for (const q of ['infirmier', 'infirmière', 'infirmiers', 'Infirmières', 'IDE']) {
			expect((await libraryTitles(q)).sort(), q).toEqual(['Guide Asalée', 'Un infirmier en tournée']);
		}
		expect(await libraryTitles('infirmier asalee')).toEqual(['Guide Asalée']);
		for (const q of ['kiné', 'kinés', 'kinésithérapeute', 'MK']) {
			expect(await libraryTitles(q), q).toEqual(['Rééducation après une prothèse de genou']);
		}
	});

	it('finds an abbreviation from what it stands for and the other way round', async () => {
		for (const q of ['SNP', 'soins non programmés', 'soin non programmé']) {
			expect((await libraryTitles(q)).sort(), q).toEqual(['Le samedi matin sans rendez-vous', 'Régulation du SNP']);
		}
		expect((await libraryTitles('MSP')).sort()).toEqual(['Ouvrir une maison de santé pluriprofessionnelle', 'Programme pour les patients diabétiques']);
		expect(await libraryTitles('EHPAD')).toEqual(['Vaccination en établissement']);
		expect(await libraryTitles('SNP -planning')).toEqual([]);
	});

	it('keeps the two meanings of an ambiguous abbreviation apart', async () => {
		expect((await libraryTitles('ETP')).sort()).toEqual(['Budget de coordination', 'Programme pour les patients diabétiques']);
		expect(await libraryTitles('éducation thérapeutique')).toEqual(['Programme pour les patients diabétiques']);
		expect(await libraryTitles('équivalent temps plein')).not.toContain('Programme pour les patients diabétiques');
		expect(await libraryTitles('médecin généraliste')).toEqual([]);
	});

	it('shows a member-only resource to members only, whatever the form typed', async () => {
		expect(await libraryTitles('masseur-kinésithérapeute')).not.toContain('Kinés : notre convention réservée');
		const member = { id: 'lecteur', roles: [] as never[] };
		const found = await searchLibrary(testDb.db, member, parseSearchQuery(new URLSearchParams({ q: 'kinésithérapeutes' }), []));
		expect(found.hits.map((hit) => hit.title)).toContain('Kinés : notre convention réservée');
	});

	it('takes any typed text without an error', async () => {
		for (const q of [`a'b\\c :* & | !( <-> <2>`, '"', '-', 'or or', '(((', 'l’EHPAD', '2024-05-01']) {
			await expect(libraryTitles(q), q).resolves.toBeInstanceOf(Array);
		}
		expect(await libraryTitles('l’EHPAD')).toEqual(['Vaccination en établissement']);
	});
});

describe('forum search with the field’s words', () => {
	it('finds the forms of a word in titles and posts, and never a private space’s thread for outsiders', async () => {
		const category = await ensureCategory({ slug: 'thesaurus-essai', name: 'Pratiques' });
		const author = await forumViewerOf(testDb.db, await makeUser(testDb.db));
		const { threadId: nonScheduled } = await startThread(testDb.db, author, category.id, threadInput('Soins non programmés le samedi', 'Qui garde un créneau ?'));
		const { threadId: midwives } = await startThread(testDb.db, author, category.id, threadInput('Entretien prénatal', 'Les sages-femmes de la PMI proposent un entretien.'));

		const space = await makeCpts(testDb.db);
		const insiderUser = await makeUser(testDb.db);
		await makeMembership(testDb.db, space.id, insiderUser.id);
		const insider = await forumViewerOf(testDb.db, insiderUser);
		const privateSpace = await ensureCptsSpace(testDb.db, space);
		const { threadId: secret } = await startThread(testDb.db, insider, privateSpace.id, threadInput('SNP : nos tarifs internes', 'Entre sages-femmes de la CPTS.'));

		const threadsFound = async (viewer: Parameters<typeof searchForum>[1], q: string) =>
			(await searchForum(testDb.db, viewer, parseForumSearch(new URLSearchParams({ q })))).hits.map((hit) => hit.threadId);
		const outsider = await forumViewerOf(testDb.db, await makeUser(testDb.db));
		for (const viewer of [null, outsider]) {
			expect(await threadsFound(viewer, 'SNP')).toEqual([nonScheduled]);
			expect(await threadsFound(viewer, 'sage-femme')).toEqual([midwives]);
			expect(await threadsFound(viewer, 'protection maternelle et infantile')).toEqual([midwives]);
		}
		expect((await threadsFound(insider, 'SNP')).sort()).toEqual([nonScheduled, secret].sort());
		expect((await threadsFound(insider, 'sage-femme')).sort()).toEqual([midwives, secret].sort());

		const [hit] = (await searchForum(testDb.db, null, parseForumSearch(new URLSearchParams({ q: 'sage-femme' })))).hits;
		expect(hit.snippet.filter((part) => part.match).map((part) => part.text)).toEqual(['sages', 'femmes']);
	});
});
