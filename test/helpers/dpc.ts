/** Helpers shared by the DPC tests. */
import type { Db } from '../../src/lib/server/db';
import { dpcViewer, type DpcViewer } from '../../src/lib/server/dpc';
import type { GrantedRole } from '../../src/lib/domain/professions';
import type { makeUser } from './factories';

/** The rule-facing view of a factory user (with the body they train for). */
export async function viewerOf(db: Db, user: Awaited<ReturnType<typeof makeUser>>): Promise<DpcViewer> {
	return (await dpcViewer(db, { ...user, emailVerified: user.emailVerifiedAt !== null, locale: 'fr', roles: user.roles as GrantedRole[] }))!;
}

export { refusal } from './refusal';

/**
 * The text a pdf-lib document draws, line by line: its content streams inflated, each
 * hex string shown with Tj decoded from WinAnsi (the standard fonts' encoding).
 */
export async function pdfLines(bytes: Uint8Array): Promise<string[]> {
	const { PDFDocument, PDFRawStream, decodePDFRawStream } = await import('pdf-lib');
	const pdf = await PDFDocument.load(bytes);
	const lines: string[] = [];
	for (const [, object] of pdf.context.enumerateIndirectObjects()) {
		if (!(object instanceof PDFRawStream)) continue;
		const content = Buffer.from(decodePDFRawStream(object).decode()).toString('latin1');
		for (const match of content.matchAll(/<([0-9A-Fa-f]+)> Tj/g)) {
			lines.push(Buffer.from(match[1], 'hex').toString('latin1').replace(/\x92/g, '’'));
		}
	}
	return lines;
}
