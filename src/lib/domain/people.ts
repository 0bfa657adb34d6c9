/**
 * How a person is shown beside what she wrote: her initials in an avatar (browser-safe).
 */

/** Titles written before a name, not part of it (« Dr Marc Girard » is « MG »). */
const TITLES = /^(dr|pr|me|mme|m)\.?$/i;

/** The initials of a name, two at most: first letters of its first and last words (« AM » for « Anne Martin »). */
export function initials(name: string): string {
	const words = name
		.split(/[\s\u00a0]+/)
		.map((word) => word.replace(/^[^\p{L}]+/u, ''))
		.filter((word) => word && !TITLES.test(word));
	if (words.length === 0) return '?';
	const first = words[0];
	const last = words.length > 1 ? words[words.length - 1] : '';
	return (first.charAt(0) + last.charAt(0)).toLocaleUpperCase('fr');
}
