/** Axis helpers for the SVG charts. */
import type { Tick } from './types';

/**
 * A round upper bound for an axis and the step between its ticks (1, 2, 2.5 or 5 times a
 * power of ten), so that a bar of the largest value nearly fills the chart.
 */
export function niceScale(largest: number, options: { targetTicks?: number; ceiling?: number; integers?: boolean } = {}): { max: number; step: number } {
	const { targetTicks = 4, ceiling = Infinity, integers = false } = options;
	if (!(largest > 0)) return { max: integers ? 1 : Math.min(1, ceiling), step: integers ? 1 : Math.min(1, ceiling) / targetTicks };
	const rough = largest / targetTicks;
	const magnitude = 10 ** Math.floor(Math.log10(rough));
	let step = [1, 2, 2.5, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= rough) ?? 10 * magnitude;
	if (integers) step = Math.max(1, Math.ceil(step));
	const max = Math.min(Number((Math.ceil(largest / step - 1e-9) * step).toPrecision(12)), ceiling);
	return { max, step };
}

/** Ticks from 0 to max every step, labelled by `format`. */
export function ticksFor(max: number, step: number, format: (value: number) => string): Tick[] {
	const ticks: Tick[] = [];
	for (let index = 0; index * step <= max + 1e-9; index += 1) {
		const value = Number((index * step).toPrecision(12));
		ticks.push({ value, text: format(value) });
	}
	return ticks;
}
