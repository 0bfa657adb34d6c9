/**
 * CSV for French spreadsheets: UTF-8 with a byte-order mark (so Excel reads the accents),
 * `;` between fields (the comma is the decimal separator in French), CRLF line ends, fields
 * quoted per RFC 4180 only when they hold a separator, a quote or a line break.
 */

/** One field: quoted when needed; a text starting with =, +, - or @ is neutralised (formula injection). */
export function csvField(value: string | number | null | undefined): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return String(value);
	const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
	return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole file: the BOM, a header line, then one line per row, each ended by CRLF. */
export function csvDocument(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
	const lines = [header, ...rows].map((row) => row.map(csvField).join(';'));
	return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The response of a CSV download. */
export function csvResponse(body: string, filename: string): Response {
	return new Response(body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${filename}"`,
			'cache-control': 'private, no-store'
		}
	});
}
