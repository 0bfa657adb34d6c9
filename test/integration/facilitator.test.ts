import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { announcementRecipients, announcements, auditLog, cpts, mailOutbox, notificationPreferences, notifications, partnerAccounts } from '../../src/lib/server/db/schema';
import type { SessionUser } from '../../src/lib/server/auth/session';
import { getAnnouncement, listAnnouncements, recipientCounts, sendAnnouncement } from '../../src/lib/server/announcements';
import { appointCoordinator, directoryCsv, parseDirectoryQuery } from '../../src/lib/server/cpts';
import { grantRole } from '../../src/lib/server/admin/roles';
import { load as loadJournal } from '../../src/routes/admin/journal/+page.server';
import { actions as announcePageActions, load as loadAnnouncePage } from '../../src/routes/annonces/+page.server';
import { GET as directoryCsvRoute } from '../../src/routes/cpts/annuaire.csv/+server';
import { useTestDatabase } from '../helpers/db';
import { expectAppError } from '../helpers/refusal';
import { asSessionUser, routeOutcome } from '../helpers/routes';
import { formData } from '../helpers/auth';
import { makeCpts, makeMembership, makeUser } from '../helpers/factories';

const testDb = useTestDatabase();

// Each test file has its own database: the CPTS here are the only ones.
let seq = 0;
const uniq = () => `${process.pid}-${++seq}`;

/** A CPTS of a région with its active coordinator and one plain member. */
async function makeCommunity(regionCode: string, department: string) {
	const place = await makeCpts(testDb.db, { regionCode, department, name: `CPTS Facil ${uniq()}` });
	const coordinator = await makeUser(testDb.db, { name: `Coordinatrice ${place.slug}` });
	const member = await makeUser(testDb.db, { name: `Membre ${place.slug}` });
	await makeMembership(testDb.db, place.id, coordinator.id, { role: 'coordinator' });
	await makeMembership(testDb.db, place.id, member.id);
	return { place, coordinator: asSessionUser(coordinator), member: asSessionUser(member) };
}

async function makePartner(regionCode: string): Promise<SessionUser> {
	const user = await makeUser(testDb.db, { name: `ARS ${uniq()}` });
	await testDb.db.insert(partnerAccounts).values({ userId: user.id, organisation: 'ars', regionCode, label: `ARS ${regionCode}` });
	return asSessionUser(user);
}

const facilitatorUser = async () => asSessionUser(await makeUser(testDb.db, { name: 'Camille Martin', roles: ['facilitator'] }));

/** Calls a route the way SvelteKit would, with only what our routes read. */
function routeEvent(path: string, user: SessionUser | null, init?: { form?: Record<string, string> }) {
	const url = new URL(`http://localhost${path}`);
	const request = init?.form ? new Request(url, { method: 'POST', body: formData(init.form) }) : new Request(url);
	return { url, request, params: {}, locals: { user, locale: 'fr' } } as never;
}

describe('announcements to coordinators', () => {
	it('goes to the active coordinators of the région, each once, by notification and mail as each prefers, and is journaled', async () => {
		const grandEst = await makeCommunity('44', '88');
		const second = await makeCommunity('44', '54');
		const elsewhere = await makeCommunity('11', '75');
		// One person coordinating two CPTS of the région gets one announcement.
		await makeMembership(testDb.db, second.place.id, grandEst.coordinator.id, { role: 'coordinator' });
		// A pending coordinator row is nobody's coordinator yet.
		const pending = await makeUser(testDb.db);
		await makeMembership(testDb.db, second.place.id, pending.id, { role: 'coordinator', status: 'pending' });
		// This one reads her notifications on the site only.
		await testDb.db.insert(notificationPreferences).values({ userId: second.coordinator.id, kind: 'announcement', channel: 'in_app' });

		const counts = await recipientCounts(testDb.db);
		expect(counts.byRegion['44']).toBe(2);
		expect(counts.network).toBe(3);

		const facilitator = await facilitatorUser();
		const sent = await sendAnnouncement(testDb.db, facilitator, {
			title: 'Appel à projets ARS 2027',
			body: 'Le **dossier** est à rendre avant le 15 mars.\n\n<script>alert(1)</script>',
			region: '44'
		});
		expect(sent.recipientCount).toBe(2);

		const recipients = await testDb.db.select().from(announcementRecipients).where(eq(announcementRecipients.announcementId, sent.id));
		expect(recipients.map((row) => row.userId).sort()).toEqual([grandEst.coordinator.id, second.coordinator.id].sort());

		const notified = await testDb.db.select().from(notifications).where(eq(notifications.kind, 'announcement'));
		expect(notified.map((row) => row.userId).sort()).toEqual([grandEst.coordinator.id, second.coordinator.id].sort());
		expect(notified.every((row) => row.link === `/annonces/${sent.id}`)).toBe(true);
		expect(notified.find((row) => row.userId === grandEst.coordinator.id)).toMatchObject({
			channel: 'email',
			params: { author: 'Camille Martin', title: 'Appel à projets ARS 2027' }
		});
		expect(notified.find((row) => row.userId === second.coordinator.id)?.channel).toBe('in_app');
		for (const nobody of [elsewhere.coordinator, grandEst.member, second.member]) {
			expect(notified.some((row) => row.userId === nobody.id)).toBe(false);
		}

		const mails = await testDb.db.select().from(mailOutbox).where(eq(mailOutbox.template, 'notification'));
		const toGrandEst = mails.filter((mail) => mail.toAddress === grandEst.coordinator.email);
		expect(toGrandEst).toHaveLength(1);
		expect(toGrandEst[0].subject).toBe('Annonce de Camille Martin\u00a0: Appel à projets ARS 2027');
		expect(toGrandEst[0].textBody).toContain('Le dossier est à rendre avant le 15 mars.');
		expect(toGrandEst[0].textBody).not.toContain('script');
		expect(mails.some((mail) => mail.toAddress === second.coordinator.email)).toBe(false);

		const [audit] = await testDb.db.select().from(auditLog).where(and(eq(auditLog.action, 'announcement.sent'), eq(auditLog.targetId, sent.id)));
		expect(audit).toMatchObject({ actorId: facilitator.id, targetType: 'announcement', details: { regionCode: '44', recipients: 2 } });

		// The page: Markdown rendered, the script gone; the history lists it with its count.
		const page = await getAnnouncement(testDb.db, grandEst.coordinator, sent.id);
		expect(page.bodyHtml).toContain('<strong>dossier</strong>');
		expect(page.bodyHtml).not.toContain('<script');
		expect(page.regionName).toBe('Grand Est');
		const history = await listAnnouncements(testDb.db, facilitator);
		expect(history[0]).toMatchObject({ id: sent.id, recipientCount: 2, authorName: 'Camille Martin', regionCode: '44' });
	});

	it('to the whole network reaches every active coordinator; only they and the announcers may read it', async () => {
		await makeCommunity('44', '88');
		const outside = await makeCommunity('84', '69');
		const admin = asSessionUser(await makeUser(testDb.db, { roles: ['admin'] }));
		const { network } = await recipientCounts(testDb.db);
		const sent = await sendAnnouncement(testDb.db, admin, { title: 'Journée nationale', body: 'Rendez-vous à Lyon.', region: null });
		expect(sent.recipientCount).toBe(network);
		expect((await getAnnouncement(testDb.db, outside.coordinator, sent.id)).title).toBe('Journée nationale');
		expect((await getAnnouncement(testDb.db, await facilitatorUser(), sent.id)).recipientCount).toBe(network);
		await expectAppError(getAnnouncement(testDb.db, outside.member, sent.id), 'not_found', 'announcements.notFound');
		await expectAppError(getAnnouncement(testDb.db, await makePartner('84'), sent.id), 'not_found');
		await expectAppError(getAnnouncement(testDb.db, null, sent.id), 'unauthenticated');
	});

	it('is refused to members, coordinators, partners, trainers and visitors, by the command and by the page', async () => {
		const community = await makeCommunity('44', '88');
		const trainer = asSessionUser(await makeUser(testDb.db, { roles: ['trainer'] }));
		const partner = await makePartner('44');
		const input = { title: 'Pas autorisé', body: 'Texte', region: null };
		const before = await testDb.db.$count(announcements);
		for (const who of [community.member, community.coordinator, partner, trainer]) {
			await expectAppError(sendAnnouncement(testDb.db, who, input), 'forbidden');
			await expectAppError(listAnnouncements(testDb.db, who), 'forbidden');
			expect((await routeOutcome(() => loadAnnouncePage(routeEvent('/annonces', who)))).status).toBe(403);
			expect((await routeOutcome(() => announcePageActions.default(routeEvent('/annonces', who, { form: { title: 'x', body: 'y', region: '' } })))).status).toBe(403);
		}
		await expectAppError(sendAnnouncement(testDb.db, null, input), 'unauthenticated');
		expect((await routeOutcome(() => loadAnnouncePage(routeEvent('/annonces', null)))).redirect).toMatch(/^\/connexion/);
		expect(await testDb.db.$count(announcements)).toBe(before);
	});

	it('refuses a région where nobody coordinates, and the form keeps what was typed when a field is missing', async () => {
		const facilitator = await facilitatorUser();
		// Corse (94): no CPTS made there by this file.
		await expectAppError(sendAnnouncement(testDb.db, facilitator, { title: 'Corse', body: 'Texte', region: '94' }), 'conflict', 'announcements.noRecipients');
		const failed = await routeOutcome(() => announcePageActions.default(routeEvent('/annonces', facilitator, { form: { title: '', body: 'Gardé', region: '44' } })));
		expect(failed.data).toMatchObject({ status: 400, data: { errors: { title: 'form.required' }, values: { body: 'Gardé', region: '44' } } });
		const unknownRegion = await routeOutcome(() => announcePageActions.default(routeEvent('/annonces', facilitator, { form: { title: 'T', body: 'B', region: 'zz' } })));
		expect(unknownRegion.data).toMatchObject({ status: 400, data: { errors: { region: 'form.choice' } } });
	});
});

describe('directory CSV export', () => {
	/** The CSV as rows of fields (no field here holds a separator). */
	const parse = (csv: string) => {
		expect(csv.startsWith('\uFEFF')).toBe(true);
		expect(csv.endsWith('\r\n')).toBe(true);
		return csv.slice(1).trimEnd().split('\r\n').map((line) => line.split(';'));
	};

	it('gives everyone the public columns, and the follow-up only where the viewer may read it', async () => {
		const facilitator = await facilitatorUser();
		const inScope = await makeCommunity('44', '88');
		const outOfScope = await makeCommunity('11', '75');
		for (const place of [inScope.place, outOfScope.place]) {
			await testDb.db.update(cpts).set({ facilitatorId: facilitator.id, closeSupport: true, contactEmail: 'contact@cpts.fr' }).where(eq(cpts.id, place.id));
		}
		const query = parseDirectoryQuery(new URLSearchParams(), ['44', '11']);
		const rowOf = (rows: string[][], name: string) => rows.find((row) => row[0] === name)!;

		// A visitor and a member: the public page's content, no follow-up column.
		for (const viewer of [null, inScope.member]) {
			const rows = parse(await directoryCsv(testDb.db, viewer, query, 'fr'));
			expect(rows[0]).toEqual([
				'CPTS', 'Région', 'Département', 'Type de territoire', 'Stade', 'Taille ACI', 'Population', 'Professionnels de santé',
				'Coordination', 'Membres inscrits', 'E-mail', 'Téléphone', 'Site web', 'Page sur Réseau CPTS'
			]);
			const line = rowOf(rows, inScope.place.name);
			expect(line.slice(0, 10)).toEqual([inScope.place.name, 'Grand Est', '88', 'Rural', 'Contrat ACI signé', '1', '25000', '90', inScope.coordinator.name, '2']);
			expect(line[10]).toBe('contact@cpts.fr');
			expect(line[13]).toMatch(new RegExp(`/cpts/${inScope.place.slug}$`));
			expect(rows.flat()).not.toContain('Camille Martin');
		}

		// Its coordinator: the facilitator of her own CPTS only, never the close-support flag.
		const coordinatorRows = parse(await directoryCsv(testDb.db, inScope.coordinator, query, 'fr'));
		expect(coordinatorRows[0].at(-1)).toBe('Animatrice ou animateur');
		expect(rowOf(coordinatorRows, inScope.place.name).at(-1)).toBe('Camille Martin');
		expect(rowOf(coordinatorRows, outOfScope.place.name).at(-1)).toBe('');

		// An ARS of the région: follow-up on the région's CPTS, blank elsewhere.
		const partnerRows = parse(await directoryCsv(testDb.db, await makePartner('44'), query, 'fr'));
		expect(partnerRows[0].slice(-2)).toEqual(['Animatrice ou animateur', 'Accompagnement rapproché']);
		expect(rowOf(partnerRows, inScope.place.name).slice(-2)).toEqual(['Camille Martin', 'oui']);
		expect(rowOf(partnerRows, outOfScope.place.name).slice(-2)).toEqual(['', '']);

		// The facilitator: everywhere. In English, the headers and labels follow.
		const facilitatorRows = parse(await directoryCsv(testDb.db, facilitator, query, 'en'));
		expect(facilitatorRows[0].slice(-2)).toEqual(['Facilitator', 'Close support']);
		expect(rowOf(facilitatorRows, outOfScope.place.name).slice(-2)).toEqual(['Camille Martin', 'yes']);
	});

	it('follows the directory filters over every page, through the route', async () => {
		const community = await makeCommunity('44', '88');
		const response = await directoryCsvRoute(routeEvent('/cpts/annuaire.csv?region=44', null));
		expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(response.headers.get('content-disposition')).toBe('attachment; filename="annuaire-cpts.csv"');
		// Response.text() would drop the byte-order mark: decode the bytes as they are.
		const rows = parse(new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer()));
		expect(rows.slice(1).every((row) => row[1] === 'Grand Est')).toBe(true);
		expect(rows.some((row) => row[0] === community.place.name)).toBe(true);
		const inRegion = await testDb.db.select({ id: cpts.id }).from(cpts).where(eq(cpts.regionCode, '44'));
		expect(rows.length - 1).toBe(inRegion.length);
	});
});

describe('the admin journal in words', () => {
	type Line = { action: string; parts: { text: string; href?: string }[] };
	const sentence = (line: Line) => line.parts.map((part) => part.text).join('');

	it('reads each entry as a sentence linking the people and the CPTS, filtered by area and author', async () => {
		const admin = asSessionUser(await makeUser(testDb.db, { name: 'Alix Admin', roles: ['admin'] }));
		const camille = asSessionUser(await makeUser(testDb.db, { name: 'Camille Martin', email: `camille-${uniq()}@exemple.fr`, roles: ['facilitator'] }));
		const paul = await makeUser(testDb.db, { name: 'Paul Durand' });
		const place = await makeCpts(testDb.db, { name: 'CPTS Sud-Toulois', slug: `sud-toulois-${uniq().replace(/\D/g, '')}` });
		await appointCoordinator(testDb.db, camille, place.id, paul.email);
		await grantRole(testDb.db, admin, paul.id, 'trainer');

		const page = (await loadJournal(routeEvent('/admin/journal', admin))) as { lines: Line[] };
		const appointed = page.lines.find((line) => line.action === 'cpts.coordinator_appointed')!;
		expect(sentence(appointed)).toBe('Camille Martin a nommé Paul Durand à la coordination de CPTS Sud-Toulois');
		expect(appointed.parts.filter((part) => part.href)).toEqual([
			{ text: 'Camille Martin', href: `/admin/utilisateurs?q=${encodeURIComponent(camille.email)}` },
			{ text: 'Paul Durand', href: `/admin/utilisateurs?q=${encodeURIComponent(paul.email)}` },
			{ text: 'CPTS Sud-Toulois', href: `/cpts/${place.slug}` }
		]);
		const granted = page.lines.find((line) => line.action === 'role.grant')!;
		expect(sentence(granted)).toBe('Alix Admin a donné le rôle «\u00a0formateur ou formatrice\u00a0» à Paul Durand');
		// No code or id is shown: every line is a sentence of the catalogue.
		for (const line of page.lines) {
			expect(sentence(line)).not.toContain(line.action);
			expect(sentence(line)).not.toMatch(/[0-9a-z]{20,}/);
		}

		const byCamille = (await loadJournal(routeEvent(`/admin/journal?auteur=${camille.id}`, admin))) as { lines: Line[] };
		expect(byCamille.lines.map((line) => line.action)).toEqual(['cpts.coordinator_appointed']);
		const roles = (await loadJournal(routeEvent('/admin/journal?domaine=role', admin))) as { lines: Line[] };
		expect(roles.lines.every((line) => line.action.startsWith('role.'))).toBe(true);
		expect(roles.lines.length).toBeGreaterThan(0);

		// The journal is the admins': a facilitator is refused.
		expect((await routeOutcome(() => loadJournal(routeEvent('/admin/journal', camille)))).status).toBe(403);
	});
});
