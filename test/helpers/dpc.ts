/** Helpers shared by the DPC tests. */
import { expect } from 'vitest';
import type { Db } from '../../src/lib/server/db';
import { dpcViewer, type DpcViewer } from '../../src/lib/server/dpc';
import { AppError } from '../../src/lib/server/shared/errors';
import type { GrantedRole } from '../../src/lib/domain/professions';
import type { makeUser } from './factories';

/** The rule-facing view of a factory user (with the body they train for). */
export async function viewerOf(db: Db, user: Awaited<ReturnType<typeof makeUser>>): Promise<DpcViewer> {
	return (await dpcViewer(db, { ...user, emailVerified: true, locale: 'fr', roles: user.roles as GrantedRole[] }))!;
}

/** The expected failure a call ends with (the test fails if it succeeds or throws anything else). */
export async function refusal(promise: Promise<unknown>): Promise<AppError> {
	const caught = await promise.then(
		() => null,
		(error: unknown) => error
	);
	expect(caught).toBeInstanceOf(AppError);
	return caught as AppError;
}
