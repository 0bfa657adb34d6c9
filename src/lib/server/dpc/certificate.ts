/**
 * Certificates of attendance (attestations) as PDF, drawn with pdf-lib: the participant, the
 * action's ANDPC reference, the session number, each part's date and hours in the place's
 * zone with the hours attended, the total and the ODPC. "A suivi l'intégralité" only when every
 * part was attended from start to end. Issued only to the participant, once the session is
 * over and every part is marked present or late (canDownloadCertificate).
 */
import { and, eq } from 'drizzle-orm';
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { DbOrTx } from '../db';
import { dpcAttendance, dpcBodies, dpcRegistrations, users } from '../db/schema';
import { zoneLabel } from '../../domain/time-zones';
import { formatRangeInZone } from '../../domain/zoned-time';
import { translate, type Locale, type MessageKey } from '../../i18n';
import { formatDate, intlLocale } from '../../i18n/locale';
import { AppError, forbidden, notFound } from '../shared/errors';
import { attendedMinutes, certificateAvailable, isFullyAttended, marksByPart, partMinutes } from './attendance';
import { canDownloadCertificate, type MaybeDpcViewer } from './permissions';
import { listParts, requireSessionFacts } from './session-facts';

/** Minutes as hours, to the quarter hour. */
export function minutesToHours(minutes: number): number {
	return Math.round(minutes / 15) / 4;
}

/** Hours of a list of parts, to the quarter hour. */
export function partsHours(parts: readonly { startsAt: Date; endsAt: Date }[]): number {
	return minutesToHours(parts.reduce((sum, part) => sum + partMinutes(part), 0));
}

/**
 * The standard PDF fonts speak WinAnsi: French letters, ’ « » – — are in it; the narrow and
 * ordinary no-break spaces Intl puts in French dates and numbers are not.
 */
function pdfText(text: string): string {
	return text.replace(/[\u202f\u00a0\u2009]/g, ' ').replace(/[\u2212]/g, '-');
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/)) {
		const candidate = line ? `${line} ${word}` : word;
		if (font.widthOfTextAtSize(candidate, size) > width && line) {
			lines.push(line);
			line = word;
		} else line = candidate;
	}
	if (line) lines.push(line);
	return lines;
}

export interface CertificateData {
	participant: { name: string; profession: string; rpps: string | null };
	action: { title: string; reference: string };
	sessionNumber: number;
	body: { name: string; registrationNumber: string };
	/** Each part with the minutes the participant attended. */
	parts: { startsAt: Date; endsAt: Date; timeZone: string; attendedMinutes: number }[];
	/** Every part attended from start to end: the certificate says "l'intégralité". */
	fullyAttended: boolean;
	issuedAt: Date;
	/** Printed at the bottom, to check a certificate against the platform's records. */
	certificateId: string;
}

/** Draws the certificate. */
export async function renderCertificate(data: CertificateData, locale: Locale): Promise<Uint8Array> {
	const t = (key: MessageKey, params?: Record<string, string | number>) => pdfText(translate(locale, key, params));
	const pdf = await PDFDocument.create();
	pdf.setTitle(t('dpc.certificate.title'));
	pdf.setAuthor(data.body.name);
	pdf.setSubject(`${data.action.reference} — session ${data.sessionNumber}`);
	pdf.setCreator('Réseau CPTS');
	pdf.setProducer('Réseau CPTS (pdf-lib)');
	pdf.setCreationDate(data.issuedAt);
	pdf.setLanguage(intlLocale(locale));
	const regular = await pdf.embedFont(StandardFonts.Helvetica);
	const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
	const page: PDFPage = pdf.addPage([595.28, 841.89]);
	const margin = 64;
	const width = page.getWidth() - margin * 2;
	const teal = rgb(0.043, 0.365, 0.388);
	let y = page.getHeight() - margin;

	const write = (text: string, options: { font?: PDFFont; size?: number; color?: ReturnType<typeof rgb>; gap?: number } = {}) => {
		const font = options.font ?? regular;
		const size = options.size ?? 11;
		for (const line of wrap(pdfText(text), font, size, width)) {
			page.drawText(line, { x: margin, y, size, font, color: options.color ?? rgb(0.1, 0.1, 0.12) });
			y -= size * 1.35;
		}
		y -= options.gap ?? 6;
	};

	page.drawRectangle({ x: 0, y: page.getHeight() - 12, width: page.getWidth(), height: 12, color: teal });
	write(`${data.body.name} — ${t('dpc.certificate.odpc', { number: data.body.registrationNumber })}`, { size: 10, color: teal, gap: 24 });
	write(t('dpc.certificate.title'), { font: bold, size: 22, color: teal, gap: 18 });
	write(t('dpc.certificate.intro', { body: data.body.name }), { gap: 10 });
	write(data.participant.name, { font: bold, size: 15, gap: 2 });
	write(
		[data.participant.profession, data.participant.rpps ? t('dpc.certificate.rpps', { rpps: data.participant.rpps }) : null]
			.filter(Boolean)
			.join(' — '),
		{ gap: 14 }
	);
	write(t(data.fullyAttended ? 'dpc.certificate.attended' : 'dpc.certificate.attendedPartly'), { gap: 8 });
	write(data.action.title, { font: bold, size: 13, gap: 4 });
	write(t('dpc.certificate.reference', { reference: data.action.reference, number: data.sessionNumber }), { gap: 14 });
	write(t('dpc.certificate.parts'), { font: bold, gap: 4 });
	for (const part of data.parts) {
		const range = formatRangeInZone(part.startsAt, part.endsAt, part.timeZone, intlLocale(locale));
		const hours = { attended: minutesToHours(part.attendedMinutes), hours: partsHours([part]) };
		// The zone as people say it, with its offset on that day: « heure de La Réunion (UTC+4) ».
		write(`• ${pdfText(range.text)} (${zoneLabel(t, locale, part.timeZone, range.offset)}) — ${t('dpc.certificate.hoursAttended', hours)}`, { gap: 2 });
	}
	y -= 8;
	const attendedTotal = minutesToHours(data.parts.reduce((sum, part) => sum + part.attendedMinutes, 0));
	write(t('dpc.certificate.totalAttended', { attended: attendedTotal, hours: partsHours(data.parts) }), { font: bold, gap: 24 });
	write(
		t('dpc.certificate.issued', {
			date: formatDate(locale, data.issuedAt)
		}),
		{ gap: 4 }
	);
	write(t('dpc.certificate.for', { body: data.body.name }), { gap: 4 });
	page.drawText(pdfText(t('dpc.certificate.id', { id: data.certificateId })), { x: margin, y: margin, size: 8, font: regular, color: rgb(0.35, 0.35, 0.4) });
	return pdf.save();
}

/**
 * The viewer's certificate for a session: refused to anyone but the participant, and until
 * every part is attended.
 */
export async function getCertificate(
	db: DbOrTx,
	viewer: MaybeDpcViewer,
	sessionId: string,
	locale: Locale,
	professionLabel: (code: string, form: string | null) => string,
	now: Date = new Date()
): Promise<{ pdf: Uint8Array; fileName: string }> {
	if (!viewer) throw new AppError('unauthenticated', 'dpc.ineligible.signedOut');
	const session = await requireSessionFacts(db, sessionId);
	const [registration] = await db
		.select({ id: dpcRegistrations.id, userId: dpcRegistrations.userId, status: dpcRegistrations.status, profession: dpcRegistrations.profession, professionForm: users.professionForm, name: users.name, rpps: users.rpps })
		.from(dpcRegistrations)
		.innerJoin(users, eq(users.id, dpcRegistrations.userId))
		.where(and(eq(dpcRegistrations.sessionId, sessionId), eq(dpcRegistrations.userId, viewer.id), eq(dpcRegistrations.status, 'registered')));
	// Someone with no registration learns nothing about other people's: the same 404.
	if (!registration) throw notFound('dpc.certificate.notFound');
	const parts = await listParts(db, sessionId);
	const marks = await db.select().from(dpcAttendance).where(eq(dpcAttendance.registrationId, registration.id));
	const attendance = marksByPart(marks);
	const available = certificateAvailable(parts, attendance, now);
	if (!canDownloadCertificate(viewer, { userId: registration.userId, fullyAttended: available })) throw forbidden('dpc.certificate.notYet');
	const [body] = await db.select().from(dpcBodies).where(eq(dpcBodies.id, session.bodyId));
	const issuedAt = marks.reduce((latest, mark) => (mark.recordedAt > latest ? mark.recordedAt : latest), new Date(0));
	const pdf = await renderCertificate(
		{
			participant: { name: registration.name, profession: professionLabel(registration.profession, registration.professionForm), rpps: registration.rpps },
			action: { title: session.actionTitle, reference: session.actionReference },
			sessionNumber: session.number,
			body: { name: body.name, registrationNumber: body.registrationNumber },
			parts: parts.map((part) => ({ ...part, attendedMinutes: attendedMinutes(part, attendance[part.id]) })),
			fullyAttended: isFullyAttended(parts, attendance),
			issuedAt,
			certificateId: registration.id
		},
		locale
	);
	return { pdf, fileName: `attestation-dpc-${session.actionReference}-session-${session.number}.pdf` };
}
