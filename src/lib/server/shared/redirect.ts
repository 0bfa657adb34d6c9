/** Keeps redirects on this site: only a path starting with one "/" is accepted. */
export function safeRedirectTarget(value: FormDataEntryValue | string | null | undefined, fallback = '/'): string {
	if (typeof value !== 'string') return fallback;
	// Browsers drop tabs and newlines inside URLs ("/\t/evil.example" becomes "//evil.example"),
	// so control characters are refused too.
	return /^\/(?![/\\])[^\u0000-\u001f\u007f]*$/.test(value) ? value : fallback;
}
