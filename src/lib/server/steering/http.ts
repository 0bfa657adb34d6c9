/** Route helper of the steering forms: a failure about one field is shown next to that field. */
import { fail } from '@sveltejs/kit';
import type { Locale } from '../../i18n';
import { AppError } from '../shared/errors';
import { failFromError, messageParamsOf } from '../shared/http';

/**
 * In an action: an expected failure naming a field (details.field) becomes that field's error
 * (its message parameters in `messageParams`), others go through failFromError; what the user
 * typed is sent back either way.
 */
export function failOnField(locale: Locale, caught: unknown, values: Record<string, string>) {
	if (caught instanceof AppError && typeof caught.details.field === 'string' && (caught.code === 'invalid' || caught.code === 'conflict')) {
		return fail(caught.status, { errors: { [caught.details.field]: caught.messageKey } as Record<string, string>, messageParams: messageParamsOf(caught), values });
	}
	return failFromError(locale, caught, { values, errors: undefined as Record<string, string> | undefined });
}
