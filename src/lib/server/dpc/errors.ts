/** DPC's expected failures that belong next to a form field. */
import { AppError } from '../shared/errors';

/** A refusal shown next to `field` (details carry the message's parameters). */
export function fieldError(field: string, messageKey: string, params: Record<string, string | number> = {}): AppError {
	return new AppError('invalid', messageKey, { field, ...params });
}

