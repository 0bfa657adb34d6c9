/** DPC's expected failures that belong next to a form field. */
import { AppError } from '../shared/errors';

/** A refusal shown next to `field` (details carry the message's parameters). */
export function fieldError(field: string, messageKey: string, params: Record<string, string | number> = {}): AppError {
	return new AppError('invalid', messageKey, { field, ...params });
}

/** The field of a field error, if it is one. */
export function errorField(caught: unknown): string | null {
	return caught instanceof AppError && typeof caught.details.field === 'string' ? caught.details.field : null;
}
