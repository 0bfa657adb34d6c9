/** The results table printed at the end of a run. */
import type { LoadResult } from './load';

export interface ReportRow {
	label: string;
	result: LoadResult | null;
	/** Why a target was not measured. */
	skipped?: string;
}

const integer = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1, minimumFractionDigits: 1 });

function ratio(result: LoadResult, bound: LoadResult | null): string {
	if (!bound || bound.requestsPerSecond === 0) return '—';
	const share = result.requestsPerSecond / bound.requestsPerSecond;
	const times = share > 0 ? ` (÷${oneDecimal.format(1 / share)})` : '';
	return `${oneDecimal.format(share * 100)} %${times}`;
}

/** Formats rows as an aligned text table; the first measured row is the bound for ratios. */
export function formatReport(rows: ReportRow[], bound: LoadResult | null): string {
	const header = ['Cible', 'req/s', 'p50 (ms)', 'p99 (ms)', 'vs Node nu', 'non-2xx', 'erreurs'];
	const lines = rows.map((row) =>
		row.result
			? [
					row.label,
					integer.format(row.result.requestsPerSecond),
					String(row.result.latencyP50),
					String(row.result.latencyP99),
					ratio(row.result, bound),
					integer.format(row.result.non2xx),
					integer.format(row.result.errors + row.result.timeouts)
				]
			: [`${row.label} *`, '—', '—', '—', '—', '—', '—']
	);
	const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => (line[column] ?? '').length)));
	const format = (cells: string[]) =>
		cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
	const notes = rows.filter((row) => !row.result).map((row) => `* ${row.label} non mesurée : ${row.skipped ?? 'raison inconnue'}`);
	return [format(header), widths.map((width) => '─'.repeat(width)).join('  '), ...lines.map(format), ...notes].join('\n');
}
