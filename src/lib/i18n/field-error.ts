/**
 * Field errors are catalogue keys (see server/shared/forms.ts). One that needs parameters
 * ("line 3: « Foo » is not a mission") travels as "key?name=value&…", so that FieldErrors
 * stay plain strings; fieldErrorText turns either form into the reader's words.
 */
import type { MessageKey, MessageParams, Translate } from './keys';

/** A field error with parameters, as one string. */
export function fieldError(key: MessageKey, params: MessageParams): string {
	const query = new URLSearchParams(Object.entries(params).map(([name, value]) => [name, String(value)]));
	return `${key}?${query}`;
}

/** The text of a field error, with or without parameters. */
export function fieldErrorText(t: Translate, error: string): string {
	const separator = error.indexOf('?');
	if (separator < 0) return t(error as MessageKey);
	const params = Object.fromEntries(new URLSearchParams(error.slice(separator + 1)));
	return t(error.slice(0, separator) as MessageKey, params);
}

/** The key of a field error, without its parameters (for a page that formats them itself). */
export function fieldErrorKey(error: string): MessageKey {
	const separator = error.indexOf('?');
	return (separator < 0 ? error : error.slice(0, separator)) as MessageKey;
}
