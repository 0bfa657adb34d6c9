/**
 * The facets of a resource packed into two integers (generated columns facet_bits and
 * profession_bits), so that counting the facets of 13,000 matches reads two integers per
 * row and the counting happens here, instead of grouping the database rows by text arrays.
 * One layout, used by the schema (to generate the columns) and by search (to read them).
 */
import { MISSIONS, RESOURCE_KINDS } from '../../domain/library';
import { PROFESSIONS, TERRITORY_NATURES } from '../../domain/professions';

export type BitFacet = 'kinds' | 'natures' | 'sizeBands' | 'missions' | 'professions';

interface BitGroup {
	column: 'facet_bits' | 'profession_bits';
	/** Position of the group's first value in its column. */
	offset: number;
	values: readonly string[];
	/** SQL that is true when the row holds `value` (a constant from `values`). */
	holds: (value: string) => string;
}

const inArrayColumn = (column: string) => (value: string) => `'${value}' = any(${column})`;

export const BIT_GROUPS: Record<BitFacet, BitGroup> = {
	kinds: { column: 'facet_bits', offset: 0, values: RESOURCE_KINDS, holds: (value) => `kind = '${value}'` },
	natures: { column: 'facet_bits', offset: RESOURCE_KINDS.length, values: TERRITORY_NATURES, holds: inArrayColumn('natures') },
	sizeBands: {
		column: 'facet_bits',
		offset: RESOURCE_KINDS.length + TERRITORY_NATURES.length,
		values: ['1', '2', '3', '4'],
		holds: (value) => `${Number(value)}::smallint = any(size_bands)`
	},
	missions: {
		column: 'facet_bits',
		offset: RESOURCE_KINDS.length + TERRITORY_NATURES.length + 4,
		values: MISSIONS,
		holds: inArrayColumn('missions')
	},
	professions: { column: 'profession_bits', offset: 0, values: PROFESSIONS, holds: inArrayColumn('professions') }
};

/** The generated-column expression of `column`: one bit per value the row holds. */
export function bitsExpression(column: BitGroup['column']): string {
	const terms = Object.values(BIT_GROUPS)
		.filter((group) => group.column === column)
		.flatMap((group) => group.values.map((value, index) => `(case when ${group.holds(value)} then ${2 ** (group.offset + index)} else 0 end)`));
	return terms.join(' + ');
}

/** The mask of `values` in their facet's column (unknown values add nothing). */
export function maskOf(facet: BitFacet, values: readonly (string | number)[]): number {
	const group = BIT_GROUPS[facet];
	let mask = 0;
	for (const value of values) {
		const index = group.values.indexOf(String(value));
		if (index !== -1) mask |= 2 ** (group.offset + index);
	}
	return mask;
}

// 31 bits at most per column, so every mask stays a positive 32-bit integer.
for (const column of ['facet_bits', 'profession_bits'] as const) {
	const used = Object.values(BIT_GROUPS)
		.filter((group) => group.column === column)
		.reduce((end, group) => Math.max(end, group.offset + group.values.length), 0);
	if (used > 31) throw new Error(`${column} needs ${used} bits; split the facets over more columns`);
}
