/**
 * The browser's side of a PSC sign-in: the state of the request it started (so that a callback
 * reaching another browser finds nothing) and the token of a link waiting for a password.
 * Both httpOnly, sameSite=lax (PSC's redirect back is a top-level GET, which carries them),
 * and scoped to /connexion/psc.
 */
import type { Cookies } from '@sveltejs/kit';
import { getConfig } from '../../config';
import { PSC_PENDING_LINK_TTL_MS, PSC_REQUEST_TTL_MS } from './flow';

const STATE_COOKIE = 'cpts_psc_state';
const PENDING_COOKIE = 'cpts_psc_link';
const PATH = '/connexion/psc';

const options = (maxAgeMs: number) => ({
	path: PATH,
	httpOnly: true,
	sameSite: 'lax' as const,
	secure: getConfig().secureCookies,
	maxAge: Math.floor(maxAgeMs / 1000)
});

/** Keeps the state of the request just started. */
export function setPscStateCookie(cookies: Cookies, state: string): void {
	cookies.set(STATE_COOKIE, state, options(PSC_REQUEST_TTL_MS));
}

/** The state this browser started, spent: it serves one callback. */
export function takePscStateCookie(cookies: Cookies): string | null {
	const state = cookies.get(STATE_COOKIE) ?? null;
	cookies.delete(STATE_COOKIE, { path: PATH, secure: getConfig().secureCookies });
	return state;
}

/** Keeps the token of a link that waits for the account's password. */
export function setPscPendingCookie(cookies: Cookies, token: string): void {
	cookies.set(PENDING_COOKIE, token, options(PSC_PENDING_LINK_TTL_MS));
}

export function readPscPendingCookie(cookies: Cookies): string | null {
	return cookies.get(PENDING_COOKIE) ?? null;
}

export function deletePscPendingCookie(cookies: Cookies): void {
	cookies.delete(PENDING_COOKIE, { path: PATH, secure: getConfig().secureCookies });
}
