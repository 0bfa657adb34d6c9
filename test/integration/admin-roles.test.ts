import { beforeEach, describe, expect, it } from 'vitest';
import { isHttpError, isRedirect } from '@sveltejs/kit';
import { and, eq } from 'drizzle-orm';
import { auditLog, outboxJobs, userRoles } from '../../src/lib/server/db/schema';
import {
	canManageRoles,
	canReadAuditLog,
	canReadOutbox,
	grantRole,
	revokeRole,
	searchUsers
} from '../../src/lib/server/admin';
import { listAudit } from '../../src/lib/server/audit';
import { createSession, validateSessionToken, type SessionUser } from '../../src/lib/server/auth/session';
import { AppError } from '../../src/lib/server/shared/errors';
import { load as adminLayoutLoad } from '../../src/routes/admin/+layout.server';
import { load as adminHomeLoad } from '../../src/routes/admin/+page.server';
import { actions as userActions, load as usersLoad } from '../../src/routes/admin/utilisateurs/+page.server';
import { load as journalLoad } from '../../src/routes/admin/journal/+page.server';
import { actions as outboxActions, load as outboxLoad } from '../../src/routes/admin/outbox/+page.server';
import { load as emailsLoad } from '../../src/routes/admin/outbox/emails/+page.server';
import { useTestDatabase } from '../helpers/db';
import { makeUser } from '../helpers/factories';

const testDb = useTestDatabase();

type Made = Awaited<ReturnType<typeof makeUser>>;
const asActor = (user: Made) => ({ id: user.id, roles: user.roles });
const rolesOf = async (userId: string) =>
	(await testDb.db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, userId))).map((row) => row.role).sort();
const auditFor = (userId: string) =>
	testDb.db.select().from(auditLog).where(and(eq(auditLog.targetType, 'user'), eq(auditLog.targetId, userId)));

/** What a request's locals hold for a signed-in user, read the way hooks.server.ts does. */
async function localsOf(user: Made | null) {
	if (!user) return { user: null, locale: 'fr' as const };
	const { token } = await createSession(testDb.db, user.id);
	const { user: sessionUser } = await validateSessionToken(testDb.db, token);
	return { user: sessionUser as SessionUser, locale: 'fr' as const };
}

async function expectStatus(run: () => unknown, status: number) {
	try {
		await run();
	} catch (error) {
		if (isHttpError(error)) return expect(error.status).toBe(status);
		throw error;
	}
	throw new Error(`expected an HTTP ${status} error`);
}

function postForm(fields: Record<string, string>) {
	const body = new FormData();
	for (const [name, value] of Object.entries(fields)) body.set(name, value);
	return new Request('http://localhost/admin/utilisateurs?/grant', { method: 'POST', body });
}

describe('granting and revoking roles', () => {
	it('grants and revokes with an audit entry each, and nothing for a no-op', async () => {
		const admin = await makeUser(testDb.db, { roles: ['admin'], name: 'Anne Admin' });
		const pro = await makeUser(testDb.db, { name: 'Sophie Lambert' });

		expect(await grantRole(testDb.db, asActor(admin), pro.id, 'facilitator')).toEqual({ changed: true, userName: 'Sophie Lambert' });
		expect(await grantRole(testDb.db, asActor(admin), pro.id, 'facilitator')).toEqual({ changed: false, userName: 'Sophie Lambert' });
		expect(await grantRole(testDb.db, asActor(admin), pro.id, 'trainer')).toMatchObject({ changed: true });
		expect(await rolesOf(pro.id)).toEqual(['facilitator', 'trainer']);
		const [granted] = await testDb.db.select().from(userRoles).where(and(eq(userRoles.userId, pro.id), eq(userRoles.role, 'trainer')));
		expect(granted.grantedBy).toBe(admin.id);

		expect(await revokeRole(testDb.db, asActor(admin), pro.id, 'facilitator')).toMatchObject({ changed: true });
		expect(await revokeRole(testDb.db, asActor(admin), pro.id, 'facilitator')).toMatchObject({ changed: false });
		expect(await rolesOf(pro.id)).toEqual(['trainer']);

		const entries = await auditFor(pro.id);
		expect(entries.map((entry) => [entry.action, entry.details.role, entry.actorId])).toEqual([
			['role.grant', 'facilitator', admin.id],
			['role.grant', 'trainer', admin.id],
			['role.revoke', 'facilitator', admin.id]
		]);
		for (const entry of entries) expect(entry.createdAt).toBeInstanceOf(Date);

		// The journal reads them newest first, with the names of actor and target.
		const { entries: journal } = await listAudit(testDb.db, { limit: 3 });
		expect(journal.map((entry) => entry.action)).toEqual(['role.revoke', 'role.grant', 'role.grant']);
		expect(journal[0]).toMatchObject({ actorName: 'Anne Admin', targetName: 'Sophie Lambert', targetType: 'user' });
	});

	it('takes effect at the next request: the session reads the roles again', async () => {
		const admin = await makeUser(testDb.db, { roles: ['admin'] });
		const pro = await makeUser(testDb.db);
		const { token } = await createSession(testDb.db, pro.id);
		expect((await validateSessionToken(testDb.db, token)).user!.roles).toEqual([]);
		await grantRole(testDb.db, asActor(admin), pro.id, 'trainer');
		expect((await validateSessionToken(testDb.db, token)).user!.roles).toEqual(['trainer']);
		await revokeRole(testDb.db, asActor(admin), pro.id, 'trainer');
		expect((await validateSessionToken(testDb.db, token)).user!.roles).toEqual([]);
	});

	it('rolls the role change back when its audit entry cannot be written', async () => {
		const admin = await makeUser(testDb.db, { roles: ['admin'] });
		const pro = await makeUser(testDb.db);
		await expect(
			testDb.db.transaction(async (tx) => {
				await grantRole(tx, asActor(admin), pro.id, 'facilitator');
				throw new Error('the caller fails after the grant');
			})
		).rejects.toThrow('the caller fails');
		expect(await rolesOf(pro.id)).toEqual([]);
		expect(await auditFor(pro.id)).toHaveLength(0);
	});

	it('refuses unknown roles and unknown users', async () => {
		const admin = await makeUser(testDb.db, { roles: ['admin'] });
		const pro = await makeUser(testDb.db);
		await expect(grantRole(testDb.db, asActor(admin), pro.id, 'superuser')).rejects.toMatchObject({ code: 'invalid' });
		await expect(grantRole(testDb.db, asActor(admin), 'nobody', 'trainer')).rejects.toMatchObject({ code: 'not_found' });
		expect(await auditFor(pro.id)).toHaveLength(0);
	});
});

describe('the last admin', () => {
	beforeEach(async () => {
		// Each case starts with no admin at all, whatever the other tests made.
		await testDb.db.delete(userRoles).where(eq(userRoles.role, 'admin'));
	});

	it('cannot revoke their own admin role; once another admin exists, they can', async () => {
		const onlyAdmin = await makeUser(testDb.db, { roles: ['admin'] });
		const error = await revokeRole(testDb.db, asActor(onlyAdmin), onlyAdmin.id, 'admin').catch((caught) => caught);
		expect(error).toBeInstanceOf(AppError);
		expect(error).toMatchObject({ code: 'conflict', messageKey: 'admin.roles.lastAdmin', status: 409 });
		expect(await rolesOf(onlyAdmin.id)).toEqual(['admin']);
		expect(await auditFor(onlyAdmin.id)).toHaveLength(0);

		const second = await makeUser(testDb.db);
		await grantRole(testDb.db, asActor(onlyAdmin), second.id, 'admin');
		expect(await revokeRole(testDb.db, asActor(onlyAdmin), onlyAdmin.id, 'admin')).toMatchObject({ changed: true });
		expect(await rolesOf(onlyAdmin.id)).toEqual([]);
		// The former admin's session no longer lets them act.
		const formerAdmin = { id: onlyAdmin.id, roles: ['admin' as const] };
		await expect(grantRole(testDb.db, formerAdmin, onlyAdmin.id, 'admin')).rejects.toMatchObject({ code: 'forbidden' });
	});

	it('the page says why, with a 409 and the message', async () => {
		const onlyAdmin = await makeUser(testDb.db, { roles: ['admin'] });
		const url = new URL('http://localhost/admin/utilisateurs?/revoke');
		const result = await userActions.revoke({
			locals: await localsOf(onlyAdmin),
			url,
			request: postForm({ userId: onlyAdmin.id, role: 'admin' })
		} as never);
		expect(result).toMatchObject({ status: 409, data: { message: 'admin.roles.lastAdmin' } });
		expect(await rolesOf(onlyAdmin.id)).toEqual(['admin']);
	});

	it('two admins revoking each other at the same moment leave one admin', async () => {
		// A race shows only sometimes: several rounds make a missing lock fail the test.
		for (let round = 0; round < 10; round++) {
			await testDb.db.delete(userRoles).where(eq(userRoles.role, 'admin'));
			const first = await makeUser(testDb.db, { roles: ['admin'] });
			const second = await makeUser(testDb.db, { roles: ['admin'] });
			const outcomes = await Promise.allSettled([
				revokeRole(testDb.db, asActor(first), second.id, 'admin'),
				revokeRole(testDb.db, asActor(second), first.id, 'admin')
			]);
			expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
			const admins = await testDb.db.select().from(userRoles).where(eq(userRoles.role, 'admin'));
			expect(admins).toHaveLength(1);
		}
	});
});

describe('refusals: members are not admins', () => {
	it('the permission questions say no to members, facilitators and trainers, yes to admins', async () => {
		for (const roles of [[], ['facilitator'], ['trainer'], ['facilitator', 'trainer']] as const) {
			const user = { roles: [...roles] };
			expect([canManageRoles(user), canReadAuditLog(user), canReadOutbox(user)]).toEqual([false, false, false]);
		}
		expect(canManageRoles(null)).toBe(false);
		expect(canManageRoles({ roles: ['admin'] })).toBe(true);
	});

	it('a member calling the role functions is refused and nothing changes', async () => {
		const member = await makeUser(testDb.db);
		const facilitator = await makeUser(testDb.db, { roles: ['facilitator'] });
		const target = await makeUser(testDb.db);
		for (const actor of [member, facilitator]) {
			await expect(grantRole(testDb.db, asActor(actor), actor.id, 'admin')).rejects.toMatchObject({ code: 'forbidden' });
			await expect(grantRole(testDb.db, asActor(actor), target.id, 'trainer')).rejects.toMatchObject({ code: 'forbidden' });
			await expect(revokeRole(testDb.db, asActor(actor), facilitator.id, 'facilitator')).rejects.toMatchObject({ code: 'forbidden' });
		}
		// Claiming the role in the session is not enough: the database decides.
		await expect(grantRole(testDb.db, { id: member.id, roles: ['admin'] }, member.id, 'admin')).rejects.toMatchObject({
			code: 'forbidden'
		});
		expect(await rolesOf(member.id)).toEqual([]);
		expect(await rolesOf(target.id)).toEqual([]);
		expect(await rolesOf(facilitator.id)).toEqual(['facilitator']);
	});

	it('a member opening any /admin page gets 403; an anonymous visitor is sent to sign in', async () => {
		const member = await makeUser(testDb.db, { roles: ['facilitator', 'trainer'] });
		const memberLocals = await localsOf(member);
		const pages = [
			['/admin', adminLayoutLoad],
			['/admin', adminHomeLoad],
			['/admin/utilisateurs', usersLoad],
			['/admin/journal', journalLoad],
			['/admin/outbox', outboxLoad],
			['/admin/outbox/emails', emailsLoad]
		] as const;
		for (const [path, load] of pages) {
			await expectStatus(() => load({ locals: memberLocals, url: new URL(`http://localhost${path}`) } as never), 403);
			const anonymous = await Promise.resolve()
				.then(() => load({ locals: { user: null, locale: 'fr' }, url: new URL(`http://localhost${path}`) } as never))
				.catch((caught) => caught);
			expect(isRedirect(anonymous)).toBe(true);
			expect(anonymous.location).toBe(`/connexion?redirectTo=${encodeURIComponent(path)}`);
		}
	});

	it('a member posting the grant action gets 403 and nothing changes', async () => {
		const member = await makeUser(testDb.db);
		const locals = await localsOf(member);
		const url = new URL('http://localhost/admin/utilisateurs?/grant');
		await expectStatus(() => userActions.grant({ locals, url, request: postForm({ userId: member.id, role: 'admin' }) } as never), 403);
		expect(await rolesOf(member.id)).toEqual([]);
	});
});

describe('the outbox page', () => {
	it('an admin sees a given-up effect and retries it; a member’s retry gets 403 and changes nothing', async () => {
		const admin = await makeUser(testDb.db, { roles: ['admin'] });
		const member = await makeUser(testDb.db, { roles: ['facilitator'] });
		const [job] = await testDb.db
			.insert(outboxJobs)
			.values({ kind: 'test.admin_retry', payload: {}, status: 'failed', attempts: 8, lastError: 'connect ECONNREFUSED 127.0.0.1:25' })
			.returning();
		const url = new URL('http://localhost/admin/outbox?/retry');
		const memberLocals = await localsOf(member);
		await expectStatus(() => outboxActions.retry({ locals: memberLocals, url, request: postForm({ id: String(job.id) }) } as never), 403);
		expect((await testDb.db.select().from(outboxJobs).where(eq(outboxJobs.id, job.id)))[0].status).toBe('failed');

		const page = (await outboxLoad({ locals: await localsOf(admin), url: new URL('http://localhost/admin/outbox?etat=abandonnes') } as never)) as {
			effects: { id: number; status: string; lastError: string | null; retryable: boolean }[];
		};
		expect(page.effects.find((effect) => effect.id === job.id)).toMatchObject({ status: 'failed', lastError: 'connect ECONNREFUSED 127.0.0.1:25', retryable: true });

		const adminLocals = await localsOf(admin);
		expect(await outboxActions.retry({ locals: adminLocals, url, request: postForm({ id: String(job.id) }) } as never)).toEqual({ success: 'admin.effects.retried', id: job.id });
		expect((await testDb.db.select().from(outboxJobs).where(eq(outboxJobs.id, job.id)))[0]).toMatchObject({ status: 'pending', attempts: 0 });
		// Only waiting or given-up effects can be retried; a bad id is refused too.
		await testDb.db.update(outboxJobs).set({ status: 'delivered' }).where(eq(outboxJobs.id, job.id));
		expect(await outboxActions.retry({ locals: adminLocals, url, request: postForm({ id: String(job.id) }) } as never)).toMatchObject({ status: 409 });
		expect(await outboxActions.retry({ locals: adminLocals, url, request: postForm({ id: 'abc' }) } as never)).toMatchObject({ status: 400 });
	});
});

describe('the admin pages, for an admin', () => {
	it('search users by name (accents ignored) or e-mail, and filter by role', async () => {
		const admin = await makeUser(testDb.db, { roles: ['admin'] });
		const helene = await makeUser(testDb.db, { name: 'Hélène Lefèvre-Unique', email: 'h.lefevre.unique@cpts-barrois.fr' });
		await makeUser(testDb.db, { name: 'Paul Autre-Unique' });
		expect((await searchUsers(testDb.db, { query: 'helene lefevre-uni' })).map((user) => user.id)).toEqual([helene.id]);
		expect((await searchUsers(testDb.db, { query: 'CPTS-BARROIS.fr' })).map((user) => user.id)).toEqual([helene.id]);
		// LIKE wildcards typed by the admin are plain characters.
		expect(await searchUsers(testDb.db, { query: '%_%' })).toEqual([]);
		await grantRole(testDb.db, asActor(admin), helene.id, 'trainer');
		const trainers = await searchUsers(testDb.db, { role: 'trainer' });
		expect(trainers.map((user) => user.id)).toContain(helene.id);
		expect(trainers.every((user) => user.roles.includes('trainer'))).toBe(true);

		const data = (await usersLoad({ locals: await localsOf(admin), url: new URL('http://localhost/admin/utilisateurs?q=lefèvre-unique') } as never)) as {
			users: { id: string; roles: string[] }[];
		};
		expect(data.users).toEqual([expect.objectContaining({ id: helene.id, roles: ['trainer'] })]);
	});

	it('the grant action changes the role and reports it', async () => {
		const admin = await makeUser(testDb.db, { roles: ['admin'] });
		const pro = await makeUser(testDb.db, { name: 'Julien Moreau' });
		const result = await userActions.grant({
			locals: await localsOf(admin),
			url: new URL('http://localhost/admin/utilisateurs?/grant'),
			request: postForm({ userId: pro.id, role: 'facilitator' })
		} as never);
		expect(result).toEqual({ success: 'admin.roles.granted', role: 'facilitator', name: 'Julien Moreau' });
		expect(await rolesOf(pro.id)).toEqual(['facilitator']);
		const bad = await userActions.grant({
			locals: await localsOf(admin),
			url: new URL('http://localhost/admin/utilisateurs?/grant'),
			request: postForm({ userId: pro.id, role: 'root' })
		} as never);
		expect(bad).toMatchObject({ status: 400, data: { message: 'form.choice' } });
	});
});
