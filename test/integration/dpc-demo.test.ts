import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { dpcActions, dpcBodies, dpcRegistrations, dpcSessionParts, dpcSessions, users } from '../../src/lib/server/db/schema';
import { seedDemo } from '../../src/lib/server/demo';
import { dpcViewer, getCertificate, getMyTraining, parseCatalogueFilters, searchCatalogue } from '../../src/lib/server/dpc';
import { useTestDatabase } from '../helpers/db';

const testDb = useTestDatabase({ demo: true });

describe('DPC demo content', () => {
	it('seeds bodies, trainers and interprofessional sessions (one in Réunion time) once, with exact lists', async () => {
		// The demo is already seeded (a copy of one seed: seed-demo.test.ts checks what the first seed returns).
		expect(await testDb.db.select({ id: dpcActions.id }).from(dpcActions)).toHaveLength(5);
		expect(await testDb.db.select({ id: dpcSessions.id }).from(dpcSessions)).toHaveLength(7);
		expect((await seedDemo(testDb.db)).content.dpc).toEqual({ actions: 0, sessions: 0 });
		expect(await testDb.db.select({ name: dpcBodies.name }).from(dpcBodies)).toHaveLength(2);
		const zones = await testDb.db.selectDistinct({ zone: dpcSessionParts.timeZone }).from(dpcSessionParts);
		expect(zones.map((row) => row.zone).sort()).toEqual(['America/Martinique', 'Europe/Paris', 'Indian/Reunion']);
		expect((await testDb.db.select().from(dpcActions)).every((action) => action.interprofessional && /^\d{11}$/.test(action.reference))).toBe(true);

		// No session holds more registered people than seats.
		const seats = await testDb.db
			.select({
				capacity: dpcSessions.capacity,
				registered: sql<number>`(select count(*)::int from ${dpcRegistrations} where ${dpcRegistrations.sessionId} = ${dpcSessions.id} and ${dpcRegistrations.status} = 'registered')`
			})
			.from(dpcSessions);
		expect(seats.every((row) => Number(row.registered) <= row.capacity)).toBe(true);
		const waiting = await testDb.db.select().from(dpcRegistrations).where(eq(dpcRegistrations.status, 'waitlisted'));
		expect(waiting.length).toBeGreaterThan(0);

		const catalogue = await searchCatalogue(testDb.db, parseCatalogueFilters(new URLSearchParams('q=hospitalisation')));
		expect(catalogue.cards.map((card) => card.timeZone)).toContain('Indian/Reunion');
	}, 180_000);

	it('searches the catalogue with the query of library and forum search (thesaurus, hyphens)', async () => {
		const titles = async (q: string) =>
			(await searchCatalogue(testDb.db, parseCatalogueFilters(new URLSearchParams({ q })))).cards.map((card) => card.actionTitle);
		// « SNP » stands for « soins non programmés »; « infirmière » finds « infirmier à domicile ».
		expect(await titles('SNP')).toContain('Soins non programmés : organiser la réponse du territoire le soir et le week-end');
		expect(await titles('infirmière à domicile')).toContain('Sortie d’hospitalisation de la personne âgée : un parcours ville-hôpital sans rupture');
		// A hyphen joins the parts of a word: « ville-hôpital » is not « ville » without « hôpital ».
		expect(await titles('ville-hôpital')).toContain('Sortie d’hospitalisation de la personne âgée : un parcours ville-hôpital sans rupture');
		// Still precise: every word is required, and a leading minus excludes.
		expect(await titles('SNP -week-end')).toEqual([]);
		expect(await titles('zzzxq')).toEqual([]);
	});

	it('gives the demo coordinator her certificate for the completed session and her hours', async () => {
		const [coordinator] = await testDb.db.select().from(users).where(eq(users.email, 'coordinatrice@demo.reseau-cpts.fr'));
		const viewer = await dpcViewer(testDb.db, { ...coordinator, emailVerified: true, locale: 'fr', roles: [] });
		const training = await getMyTraining(testDb.db, coordinator.id, 'Europe/Paris', 'fr-FR');
		const completed = training.past.find((session) => session.fullyAttended)!;
		expect(completed.hours).toBe(7);
		expect(training.hoursByYear.reduce((sum, entry) => sum + entry.hours, 0)).toBe(7);
		const certificate = await getCertificate(testDb.db, viewer, completed.sessionId, 'fr', (code) => code);
		expect(certificate.pdf.byteLength).toBeGreaterThan(1000);
	});
});
