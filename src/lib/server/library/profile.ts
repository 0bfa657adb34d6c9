/**
 * The structured fields of a profil-type (IGAS report rec. 11 and its typology annex):
 * what kind of territory and community it describes, and what such a CPTS usually does.
 */
import type { CooperationMaturity, Mission } from '../../domain/library';
import type { TerritoryNature } from '../../domain/professions';

export interface ExampleAction {
	/** "Créneaux de soins non programmés mutualisés entre cabinets" */
	action: string;
	/** "Service des urgences, régulation du SAMU" */
	partners: string;
}

export interface ResourceProfile {
	nature: TerritoryNature;
	/** Population of the territory, inclusive bounds; null max means "and more". */
	populationMin: number;
	populationMax: number | null;
	/** Health professionals of the territory, inclusive bounds; null max means "and more". */
	professionalsMin: number;
	professionalsMax: number | null;
	/** How far cooperation already goes (null: any). */
	maturity: CooperationMaturity | null;
	/** Typical actors inside the CPTS. */
	actors: string[];
	/** Usual partners around it. */
	partners: string[];
	/** Main stakes of such a territory. */
	stakes: string[];
	priorityMissions: Mission[];
	/** Example actions with their partners (the report's table 1). */
	exampleActions: ExampleAction[];
	/** Indicators to follow. */
	indicators: string[];
	/** Typical governance. */
	governance: string;
	/** Typical coordination workload, in words ("0,5 ETP de coordination…"). */
	coordinationWorkload: string;
	/** The same workload in full-time equivalents, when it can be given. */
	coordinationFte: number | null;
}

/** Whether a value lies within inclusive bounds (null max: no upper bound). */
export function inRange(value: number, min: number, max: number | null): boolean {
	return value >= min && (max === null || value <= max);
}
