/** Keeps redirects on this site: only a path starting with one "/" is accepted. */
export function safeRedirectTarget(value: FormDataEntryValue | string | null | undefined, fallback = '/'): string {
	if (typeof value !== 'string') return fallback;
	return /^\/(?![/\\])/.test(value) ? value : fallback;
}
