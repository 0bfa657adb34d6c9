/** The session cookie and the client description, as the account routes use them. */
import type { Cookies } from '@sveltejs/kit';
import { getConfig } from '../config';
import type { ClientInfo } from './accounts';
import { SESSION_COOKIE, sessionCookieOptions } from './session';

/** Puts a new session token in the browser (httpOnly, sameSite=lax, secure over https). */
export function setSessionCookie(cookies: Cookies, token: string, expiresAt: Date): void {
	cookies.set(SESSION_COOKIE, token, sessionCookieOptions(getConfig().secureCookies, expiresAt));
}

/** Removes the session cookie. */
export function deleteSessionCookie(cookies: Cookies): void {
	cookies.delete(SESSION_COOKIE, { path: '/', secure: getConfig().secureCookies });
}

/** The client address and user agent of a request (stored on sessions, used by throttling). */
export function clientInfo(event: { request: Request; getClientAddress(): string }): ClientInfo {
	let ip: string | null = null;
	try {
		ip = event.getClientAddress();
	} catch {
		// Some adapters cannot tell (no socket, no trusted header): throttle by account only.
	}
	return { ip: ip?.slice(0, 64) ?? null, userAgent: event.request.headers.get('user-agent')?.slice(0, 300) ?? null };
}
