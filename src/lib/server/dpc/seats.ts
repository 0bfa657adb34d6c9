/**
 * Seat arithmetic with places reserved per profession. A session of capacity C keeps R[p]
 * seats for profession p; the other C − ΣR are open to every targeted profession. A person
 * of profession p takes a reserved seat while p has fewer than R[p] registered, an open
 * seat otherwise. Pure functions: the registration transaction calls them under the row lock.
 */
import type { Profession } from '../../domain/professions';

export type SeatCounts = Partial<Record<string, number>>;

export interface SeatRules {
	capacity: number;
	reservedSeats: Partial<Record<Profession, number>>;
}

/** Open seats taken: every registration beyond its profession's reserved seats. */
function openSeatsTaken(rules: SeatRules, registered: SeatCounts): number {
	let taken = 0;
	for (const [profession, count = 0] of Object.entries(registered)) {
		taken += Math.max(0, count - (rules.reservedSeats[profession as Profession] ?? 0));
	}
	return taken;
}

function reservedTotal(rules: SeatRules): number {
	return Object.values(rules.reservedSeats).reduce((sum: number, seats) => sum + (seats ?? 0), 0);
}

/** Whether one more person of this profession can have a seat. */
export function hasSeatFor(rules: SeatRules, registered: SeatCounts, profession: string): boolean {
	const reserved = rules.reservedSeats[profession as Profession] ?? 0;
	if ((registered[profession] ?? 0) < reserved) return true;
	return openSeatsTaken(rules, registered) < rules.capacity - reservedTotal(rules);
}

/** Seats left for this profession (reserved ones still free plus open ones). */
export function seatsLeftFor(rules: SeatRules, registered: SeatCounts, profession: string): number {
	const reserved = rules.reservedSeats[profession as Profession] ?? 0;
	const reservedLeft = Math.max(0, reserved - (registered[profession] ?? 0));
	return reservedLeft + Math.max(0, rules.capacity - reservedTotal(rules) - openSeatsTaken(rules, registered));
}

export function totalRegistered(registered: SeatCounts): number {
	return Object.values(registered).reduce((sum: number, count) => sum + (count ?? 0), 0);
}
