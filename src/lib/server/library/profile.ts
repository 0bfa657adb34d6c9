/**
 * The structured fields of a profil-type (IGAS report rec. 11 and its typology annex):
 * what kind of territory and community it describes, and what such a CPTS usually does.
 */
export type { ExampleAction, ProfileIndicator, ResourceProfile } from '../../domain/library';
export { missionOf, profileIndicators } from '../../domain/library';

/** Whether a value lies within inclusive bounds (null max: no upper bound). */
export function inRange(value: number, min: number, max: number | null): boolean {
	return value >= min && (max === null || value <= max);
}
