import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import {
	changePassword,
	getAccount,
	listAccountSessions,
	resendVerification,
	signOutOtherSessions,
	signOutSession,
	updateProfile
} from '$lib/server/auth/accounts';
import { deleteSessionCookie } from '$lib/server/auth/cookies';
import { changeEmail } from '$lib/server/auth/email-change';
import { requireUser } from '$lib/server/auth/guards';
import { getPscIdentity, pscConfig, pscRefusalOf } from '$lib/server/auth/psc';
import { getDb } from '$lib/server/db';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const db = await getDb();
	const account = await getAccount(db, user.id);
	if (!account) error(404);
	return {
		account,
		sessions: await listAccountSessions(db, user.id, locals.session?.id ?? null),
		welcome: url.searchParams.has('bienvenue'),
		passwordReset: url.searchParams.get('motdepasse') === 'reinitialise',
		psc: pscSection(await getPscIdentity(db, user.id), url)
	};
};

/** The Pro Santé Connect section: shown when PSC is configured or already linked. */
function pscSection(identity: Awaited<ReturnType<typeof getPscIdentity>>, url: URL) {
	if (!identity && !pscConfig()) return null;
	const notice = url.searchParams.get('psc');
	return {
		identity: identity && { rpps: identity.rpps, linkedAt: identity.linkedAt },
		notice: notice === 'nouveau' || notice === 'lie' ? (notice as 'nouveau' | 'lie') : null,
		refusal: pscRefusalOf(url)
	};
}

/** The signed-in user and their current session, for every action of the page. */
function signedIn({ locals, url }: RequestEvent) {
	const user = requireUser(locals, url);
	if (!locals.session) redirect(303, '/connexion');
	return { user, sessionId: locals.session.id };
}

export const actions: Actions = {
	profile: async (event) => {
		const { user } = signedIn(event);
		const outcome = await updateProfile(await getDb(), user.id, await event.request.formData());
		if (!outcome.ok) return fail(400, { action: 'profile' as const, ...outcome });
		return { action: 'profile' as const, done: 'auth.account.profileSaved' };
	},
	password: async (event) => {
		const { user, sessionId } = signedIn(event);
		const outcome = await changePassword(await getDb(), user.id, sessionId, await event.request.formData());
		if (!outcome.ok) return fail(400, { action: 'password' as const, ...outcome });
		return { action: 'password' as const, done: 'auth.account.passwordChanged' };
	},
	email: async (event) => {
		const { user, sessionId } = signedIn(event);
		const outcome = await changeEmail(await getDb(), user.id, sessionId, await event.request.formData());
		if (!outcome.ok) return fail(400, { action: 'email' as const, ...outcome });
		return { action: 'email' as const, done: 'auth.account.emailChanged' as const, email: outcome.email };
	},
	resend: async (event) => {
		const { user } = signedIn(event);
		const resent = await resendVerification(await getDb(), user.id);
		return { action: 'resend' as const, resent, email: user.email };
	},
	signOutOthers: async (event) => {
		const { user, sessionId } = signedIn(event);
		await signOutOtherSessions(await getDb(), user.id, sessionId);
		return { action: 'sessions' as const, done: 'auth.account.othersSignedOut' };
	},
	signOutSession: async (event) => {
		const { user, sessionId } = signedIn(event);
		const target = (await event.request.formData()).get('sessionId');
		const closed = typeof target === 'string' && (await signOutSession(await getDb(), user.id, target));
		if (!closed) return fail(404, { action: 'sessions' as const, message: 'auth.account.sessionNotFound' });
		if (target === sessionId) {
			deleteSessionCookie(event.cookies);
			redirect(303, '/');
		}
		return { action: 'sessions' as const, done: 'auth.account.sessionSignedOut' };
	}
};
