import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, cpts } from '../../src/lib/server/db/schema';
import {
	canManageCpts,
	createCpts,
	cptsFormSchema,
	cptsFormValues,
	firstFreeSlug,
	listPlaces,
	slugify,
	updateCpts,
	type CptsInput
} from '../../src/lib/server/cpts';
import { parseForm } from '../../src/lib/server/shared/forms';
import { useTestDatabase } from '../helpers/db';
import { expectAppError } from '../helpers/refusal';
import { asSessionUser } from '../helpers/routes';
import { makeCpts, makeMembership, makeUser } from '../helpers/factories';
import { replaceTerritory } from '../../src/lib/server/territories/territory';

const testDb = useTestDatabase({ referential: true });

const validForm = (overrides: Record<string, string> = {}) => {
	const form = new FormData();
	const values: Record<string, string> = {
		name: 'CPTS du Sud-Toulois',
		regionCode: '44',
		department: '54',
		nature: 'rural',
		stage: 'aci_signe',
		professionalsCount: '295',
		contactEmail: 'Contact@CPTS-Sud-Toulois.fr',
		phone: '03 83 00 00 00',
		website: 'https://www.cpts-sud-toulois.fr',
		description: 'Une CPTS rurale.',
		...overrides
	};
	for (const [key, value] of Object.entries(values)) form.set(key, value);
	return form;
};

async function parse(overrides: Record<string, string> = {}, options = { placeTyped: true }) {
	const { choices } = await listPlaces(testDb.db);
	return parseForm(cptsFormSchema(choices, options), validForm(overrides));
}

async function validInput(overrides: Record<string, string> = {}): Promise<CptsInput> {
	const parsed = await parse(overrides);
	if (!parsed.ok) throw new Error(`form should be valid: ${JSON.stringify(parsed.errors)}`);
	return parsed.data;
}

describe('slugs', () => {
	it('are made from the name without accents and never take a page path', () => {
		expect(slugify('CPTS de Vénissieux')).toBe('cpts-de-venissieux');
		expect(slugify("  CPTS du Val d'Œse – Sud  ")).toBe('cpts-du-val-d-oese-sud');
		expect(slugify('!!!')).toBe('cpts');
		expect(slugify('x'.repeat(200))).toHaveLength(80);
		expect(firstFreeSlug('nouvelle', [])).toBe('nouvelle-2');
		expect(firstFreeSlug('mes-cpts', [])).toBe('mes-cpts-2');
		expect(firstFreeSlug('metz', ['metz', 'metz-2', 'metz-4'])).toBe('metz-3');
	});

	it('are unique: the same name twice gets a numbered slug, enforced by the database too', async () => {
		const facilitator = asSessionUser(await makeUser(testDb.db, { roles: ['facilitator'] }));
		const first = await createCpts(testDb.db, facilitator, await validInput({ name: 'CPTS Grand Nancy' }));
		const second = await createCpts(testDb.db, facilitator, await validInput({ name: 'CPTS Grand-Nancy' }));
		const third = await createCpts(testDb.db, facilitator, await validInput({ name: 'CPTS Grand Nancy' }));
		expect([first.slug, second.slug, third.slug]).toEqual(['cpts-grand-nancy', 'cpts-grand-nancy-2', 'cpts-grand-nancy-3']);
		await expect(makeCpts(testDb.db, { slug: 'cpts-grand-nancy' })).rejects.toThrow();
		await expect(makeCpts(testDb.db, { slug: 'Pas Un Slug' })).rejects.toThrow();
	});

	it('stay unique when two creations with the same name race', async () => {
		const facilitator = asSessionUser(await makeUser(testDb.db, { roles: ['facilitator'] }));
		const input = await validInput({ name: 'CPTS Concurrente' });
		const created = await Promise.all([1, 2, 3].map(() => createCpts(testDb.db, facilitator, input)));
		expect(created.map((row) => row.slug).sort()).toEqual(['cpts-concurrente', 'cpts-concurrente-2', 'cpts-concurrente-3']);
	});
});

describe('creating and editing a CPTS', () => {
	it('lets facilitators and admins create, with everything stored and audited', async () => {
		const admin = asSessionUser(await makeUser(testDb.db, { roles: ['admin'] }));
		const created = await createCpts(testDb.db, admin, await validInput());
		expect(created).toMatchObject({
			slug: 'cpts-du-sud-toulois',
			regionCode: '44',
			department: '54',
			// No territory yet: the population is 0 until its communes are added.
			population: 0,
			professionalsCount: 295,
			sizeBand: 1,
			contactEmail: 'contact@cpts-sud-toulois.fr',
			website: 'https://www.cpts-sud-toulois.fr'
		});
		const audit = await testDb.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.targetId, created.id), eq(auditLog.action, 'cpts.created')));
		expect(audit).toHaveLength(1);
		expect(audit[0].actorId).toBe(admin.id);
	});

	it('keeps the slug when the name changes; once a territory is drawn, it decides population, département and région', async () => {
		const facilitator = asSessionUser(await makeUser(testDb.db, { roles: ['facilitator'] }));
		const created = await createCpts(testDb.db, facilitator, await validInput({ name: 'CPTS Barrois' }));
		const renamed = await updateCpts(testDb.db, facilitator, created.id, await validInput({ name: 'CPTS du Pays Barrois', regionCode: '44', department: '55', website: '' }));
		expect(renamed).toMatchObject({ slug: 'cpts-barrois', name: 'CPTS du Pays Barrois', department: '55', population: 0, website: null });

		await replaceTerritory(testDb.db, created.id, ['54528', '54135']); // Toul, Colombey-les-Belles
		const afterTerritory = await updateCpts(testDb.db, facilitator, created.id, await validInput({ name: 'CPTS du Toulois', regionCode: '84', department: '69' }));
		expect(afterTerritory).toMatchObject({ name: 'CPTS du Toulois', regionCode: '44', department: '54', population: 15_768 + 1_416, sizeBand: 1 });
		expect(cptsFormValues(afterTerritory)).not.toHaveProperty('population');
		// The edit form of a CPTS with a territory leaves région and département out.
		const withoutPlace = await parse({ regionCode: '', department: '' }, { placeTyped: false });
		expect(withoutPlace.ok && withoutPlace.data).toMatchObject({ regionCode: undefined, department: undefined });
	});

	it('is refused to members, coordinators, trainers and anonymous visitors', async () => {
		const place = await makeCpts(testDb.db);
		const member = await makeUser(testDb.db);
		const coordinator = await makeUser(testDb.db);
		const trainer = await makeUser(testDb.db, { roles: ['trainer'] });
		await makeMembership(testDb.db, place.id, member.id);
		await makeMembership(testDb.db, place.id, coordinator.id, { role: 'coordinator' });
		const input = await validInput({ name: 'CPTS Interdite' });
		for (const user of [member, coordinator, trainer]) {
			expect(canManageCpts(asSessionUser(user))).toBe(false);
			await expectAppError(createCpts(testDb.db, asSessionUser(user), input), 'forbidden');
			await expectAppError(updateCpts(testDb.db, asSessionUser(user), place.id, input), 'forbidden');
		}
		await expectAppError(createCpts(testDb.db, null, input), 'forbidden');
		expect(await testDb.db.select().from(cpts).where(eq(cpts.name, 'CPTS Interdite'))).toHaveLength(0);
		const [unchanged] = await testDb.db.select().from(cpts).where(eq(cpts.id, place.id));
		expect(unchanged.name).toBe(place.name);
	});

	it('answers 404 for a CPTS that does not exist', async () => {
		const facilitator = asSessionUser(await makeUser(testDb.db, { roles: ['facilitator'] }));
		await expectAppError(updateCpts(testDb.db, facilitator, 'nope', await validInput()), 'not_found', 'cpts.notFound');
	});
});

describe('the CPTS form', () => {
	it('answers bad input with field errors in the catalogue, keeping what was typed', async () => {
		const parsed = await parse({
			name: 'N'.repeat(121),
			contactEmail: 'pas-une-adresse',
			professionalsCount: 'beaucoup',
			website: 'www.exemple.fr',
			regionCode: '99',
			department: 'Vosges',
			nature: 'ville',
			phone: 'appelez-nous'
		});
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(parsed.errors).toEqual({
			name: 'form.tooLong',
			contactEmail: 'form.email',
			professionalsCount: 'form.integer',
			website: 'form.url',
			regionCode: 'form.choice',
			department: 'form.choice',
			nature: 'form.choice',
			phone: 'cpts.form.phone'
		});
		expect(parsed.values).toMatchObject({ name: 'N'.repeat(121), contactEmail: 'pas-une-adresse', department: 'Vosges', website: 'www.exemple.fr' });
	});

	it('takes the département from the referential, in the chosen région, and never a typed population', async () => {
		const elsewhere = await parse({ regionCode: '84', department: '54' });
		expect(!elsewhere.ok && elsewhere.errors).toEqual({ department: 'territories.form.departementRegion' });
		expect((await parse({ regionCode: '04', department: '974' })).ok).toBe(true);
		expect((await parse({ regionCode: '94', department: '2A' })).ok).toBe(true);
		const typedPopulation = await parse({ population: '60000' });
		expect(typedPopulation.ok && typedPopulation.data).not.toHaveProperty('population');
		const empty = await parse({ name: '  ', stage: '', department: '' });
		expect(!empty.ok && empty.errors).toEqual({ name: 'form.required', stage: 'form.choice', department: 'form.choice' });
		expect((await parse({ website: 'javascript:alert(1)' })).ok).toBe(false);
		expect((await parse({ website: 'http://cpts.example.org/page' })).ok).toBe(true);
	});

	it('accepts optional fields left empty', async () => {
		const input = await validInput({ contactEmail: '', phone: '', website: '', description: '', professionalsCount: '' });
		expect(input).toMatchObject({ contactEmail: null, phone: null, website: null, description: '', professionalsCount: 0 });
	});
});
