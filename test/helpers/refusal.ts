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
