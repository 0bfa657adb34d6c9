/** Field schemas of the ACI forms: amounts in euros typed the French way, decimal values. */
import { z } from 'zod';

/** "12 500", "12500,50", "12 500.5" → the number; spaces (also narrow ones) between thousands. */
function parseDecimal(value: string): number | null {
	const compact = value.replace(/[\s\u00a0\u202f]/g, '');
	if (!/^\d{1,12}(?:[.,]\d{1,2})?$/.test(compact)) return null;
	return Number(compact.replace(',', '.'));
}

/** An optional amount in euros with at most two decimals, as integer cents (empty: null). */
export const optionalEuros = z
	.string()
	.trim()
	.optional()
	.refine((value) => !value || parseDecimal(value.replace(/\s*€$/, '')) !== null, 'aci.form.amount')
	.transform((value) => (value ? Math.round(parseDecimal(value.replace(/\s*€$/, ''))! * 100) : null));

/** An optional non-negative number with at most two decimals (empty: null). */
export const optionalDecimal = z
	.string()
	.trim()
	.optional()
	.refine((value) => !value || parseDecimal(value) !== null, 'aci.form.number')
	.transform((value) => (value ? parseDecimal(value)! : null));

/** Cents as typed back into a form: "12 500,50" style without the separators ("12500,50"). */
export function centsToField(cents: number | null): string {
	if (cents === null) return '';
	return cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2).replace('.', ',');
}

/** A decimal as typed back into a form ("12,5"). */
export function decimalToField(value: number | null): string {
	return value === null ? '' : String(value).replace('.', ',');
}
