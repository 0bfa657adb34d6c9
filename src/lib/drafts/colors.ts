/**
 * Presence colours: one per person, stable across sessions (hashed from the user id), all
 * dark enough for white text on them (at least 4.5:1) and distinct from each other.
 */
export const PRESENCE_COLORS = ['#0b5d63', '#8a3b12', '#5b3a8c', '#1f5f99', '#8c2252', '#2f6b1f', '#7a5a00', '#4a4f8f'] as const;

export function presenceColor(userId: string): string {
	let hash = 0;
	for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
	return PRESENCE_COLORS[hash % PRESENCE_COLORS.length];
}
