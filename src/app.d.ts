import type { Logger } from 'pino';
import type { Session, SessionExtras, SessionUser } from '$lib/server/auth/session';
import type { Locale } from '$lib/i18n';

declare global {
	namespace App {
		interface Locals {
			user: SessionUser | null;
			session: Session | null;
			/** Read with the session (auth/session.ts); null for visitors. */
			sessionExtras: SessionExtras | null;
			locale: Locale;
			requestId: string;
			log: Logger;
		}
		interface Error {
			message: string;
			requestId?: string;
		}
		interface PageData {
			locale: Locale;
		}
	}
}

export {};
