/** Display helpers of the drafts pages (browser-safe). */

/** Initials for an avatar: "Claire Dubois" → "CD", "Dr Marc Girard" → "MG". */
export function initials(name: string): string {
	const words = name.replace(/^(Dr|Pr|Me)\.?\s+/i, '').split(/\s+/).filter(Boolean);
	return ((words[0]?.[0] ?? '') + (words.length > 1 ? words[words.length - 1][0] : '')).toUpperCase();
}
