import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { dpcTrainers } from '../../src/lib/server/db/schema';
import { attachTrainerByEmail, createBody, listBodies } from '../../src/lib/server/dpc';
import { refusal, viewerOf } from '../helpers/dpc';
import { useTestDatabase } from '../helpers/db';
import { makeBody, makeTrainer, makeUser } from '../helpers/factories';

const testDb = useTestDatabase();



describe('DPC training bodies', () => {
	it('are registered by admins only, with a unique number, and admins attach trainers by e-mail', async () => {
		const admin = await viewerOf(testDb.db, await makeUser(testDb.db, { roles: ['admin'] }));
		const member = await viewerOf(testDb.db, await makeUser(testDb.db));
		const otherBody = await makeBody(testDb.db);
		const trainerUser = await makeTrainer(testDb.db, otherBody.id);
		const trainer = await viewerOf(testDb.db, trainerUser);

		expect((await refusal(createBody(testDb.db, member, { name: 'ODPC', registrationNumber: '1234' }))).code).toBe('forbidden');
		expect((await refusal(createBody(testDb.db, trainer, { name: 'ODPC', registrationNumber: '1234' }))).code).toBe('forbidden');
		const body = await createBody(testDb.db, admin, { name: 'Formations Antilles Santé', registrationNumber: '3141' });
		expect((await refusal(createBody(testDb.db, admin, { name: 'Doublon', registrationNumber: '3141' }))).details.field).toBe('registrationNumber');

		const plain = await makeUser(testDb.db);
		expect((await refusal(attachTrainerByEmail(testDb.db, admin, body.id, plain.email))).details.field).toBe('email');
		expect((await refusal(attachTrainerByEmail(testDb.db, trainer, body.id, trainerUser.email))).code).toBe('forbidden');
		await attachTrainerByEmail(testDb.db, admin, body.id, ` ${trainerUser.email.toUpperCase()} `);
		const [row] = await testDb.db.select().from(dpcTrainers).where(eq(dpcTrainers.userId, trainerUser.id));
		expect(row.bodyId).toBe(body.id);
		const listed = (await listBodies(testDb.db)).find((entry) => entry.id === body.id)!;
		expect(listed.trainers.map((entry) => entry.id)).toEqual([trainerUser.id]);
	});
});
