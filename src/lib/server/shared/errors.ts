/**
 * Expected failures, typed with a stable code and a user-safe message key. Routes turn
 * them into fail()/error() responses through shared/http.ts (formAction, endpoint,
 * orErrorPage); anything else is unexpected and logged.
 */
export type AppErrorCode =
	| 'not_found'
	| 'forbidden'
	| 'conflict'
	| 'invalid'
	| 'unauthenticated'
	| 'rate_limited'
	/** Signed in, but the e-mail address is not verified yet: the page offers to resend the link. */
	| 'email_unverified';

const statusByCode: Record<AppErrorCode, number> = {
	not_found: 404,
	forbidden: 403,
	conflict: 409,
	invalid: 400,
	unauthenticated: 401,
	rate_limited: 429,
	email_unverified: 403
};

export class AppError extends Error {
	constructor(
		readonly code: AppErrorCode,
		/** A key of the message catalogue, shown to the user. */
		readonly messageKey: string,
		readonly details: Record<string, unknown> = {}
	) {
		super(`${code}: ${messageKey}`);
	}

	get status(): number {
		return statusByCode[this.code];
	}

	/** The details that fill the message's {placeholders} (strings and numbers). */
	get params(): Record<string, string | number> {
		return Object.fromEntries(
			Object.entries(this.details).filter((entry): entry is [string, string | number] => entry[0] !== 'field' && ['string', 'number'].includes(typeof entry[1]))
		);
	}

	/** The form field the refusal is about (shown next to it), if any. */
	get field(): string | null {
		return typeof this.details.field === 'string' ? this.details.field : null;
	}
}

export const notFound = (messageKey = 'error.notFound') => new AppError('not_found', messageKey);
export const forbidden = (messageKey = 'error.forbidden') => new AppError('forbidden', messageKey);
export const conflict = (messageKey: string) => new AppError('conflict', messageKey);

/**
 * Whether an error from either driver (postgres.js or PGlite, possibly wrapped by drizzle in
 * `cause`) is a unique violation (SQLSTATE 23505) of the given index or constraint.
 */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
	type DriverError = { code?: string; constraint?: string; constraint_name?: string; message?: string; cause?: unknown };
	for (let current = error as DriverError | undefined; current; current = current.cause as DriverError | undefined) {
		if (current.code === '23505') {
			const name = current.constraint ?? current.constraint_name;
			return name ? name === constraint : Boolean(current.message?.includes(constraint));
		}
	}
	return false;
}
