/** The expected failure a call ends with, for tests of refusals. */
import { expect } from 'vitest';
import { AppError } from '../../src/lib/server/shared/errors';

/** The AppError a promise rejects with (the test fails if it resolves or throws anything else). */
export async function refusal(promise: Promise<unknown>): Promise<AppError> {
	const caught = await promise.then(
		() => null,
		(error: unknown) => error
	);
	expect(caught).toBeInstanceOf(AppError);
	return caught as AppError;
}

/** Fails unless the promise rejects with an AppError of this code (and message, when given). */
export async function expectAppError(promise: Promise<unknown>, code: AppError['code'], messageKey?: string): Promise<void> {
	const caught = await refusal(promise);
	expect(caught.code).toBe(code);
	if (messageKey) expect(caught.messageKey).toBe(messageKey);
}
