/**
 * The dialogue de gestion of a contract year, held with the Assurance maladie (and the ARS)
 * around a contract anniversary: date, participants of each side, the review of every
 * mission's indicators as they stood when it was written, conclusions and next year's
 * objectives. Exported as DOCX and as a printable page.
 */
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { DbOrTx } from '../db';
import { aciDialogues } from '../db/schema';
import { writeAudit } from '../audit';
import { AppError, notFound } from '../shared/errors';
import { fields } from '../shared/forms';
import { generateId } from '../shared/ids';
import { pastDay } from '../steering/dates';
import { contentDisposition } from '../library/attachments';
import { slugify } from '../cpts/slug';
import { translator, type Locale, type MessageKey } from '../../i18n';
import { formatDay } from '../../i18n/locale';
import { formatEuros, indicatorAchieved, indicatorTarget } from '../../aci/format';
import { contractYears } from '../../domain/aci';
import { requireContract, type Contract } from './contracts';
import { missionYears, type MissionYear } from './years';
import { requireContractAccess, type Actor, type ContractAccess } from './permissions';

/** The review kept with a dialogue: every mission of the year as it stood when the dialogue was written. */
export interface DialogueReview {
	takenAt: string;
	missions: MissionYear[];
}

export type Dialogue = Omit<typeof aciDialogues.$inferSelect, 'review'> & { review: DialogueReview };

const longText = (max: number) => z.string().trim().max(max, 'form.tooLong').optional().transform((value) => value ?? '');

export const dialogueFormSchema = z.object({
	heldOn: pastDay,
	participantsCpts: fields.requiredText(1000),
	participantsCpam: fields.requiredText(1000),
	participantsArs: fields.requiredText(1000),
	conclusions: longText(8000),
	nextObjectives: longText(8000),
	/** Takes the review again from today's indicators (otherwise it stays as first written). */
	refreshReview: z.literal('on').optional().transform((value) => value === 'on')
});
export type DialogueInput = z.infer<typeof dialogueFormSchema>;

function assertYear(contract: Contract, year: number): void {
	if (!contractYears(contract.signedOn, contract.endsOn).includes(year)) throw notFound('aci.year.outside');
}

/** The dialogue of a year, or null. */
export async function dialogueOf(db: DbOrTx, contractId: string, year: number): Promise<Dialogue | null> {
	const [row] = await db.select().from(aciDialogues).where(and(eq(aciDialogues.contractId, contractId), eq(aciDialogues.year, year)));
	return row ? { ...row, review: row.review as DialogueReview } : null;
}

/** The day each year's dialogue was held, by year (the contract page lists them). */
export async function dialogueDates(db: DbOrTx, contractId: string): Promise<Record<number, string>> {
	const rows = await db.select({ year: aciDialogues.year, heldOn: aciDialogues.heldOn }).from(aciDialogues).where(eq(aciDialogues.contractId, contractId));
	return Object.fromEntries(rows.map((row) => [row.year, row.heldOn]));
}

export interface DialogueView {
	access: ContractAccess;
	contract: Contract;
	year: number;
	dialogue: Dialogue | null;
	/** What the review would hold if written now (the form shows it before the first save). */
	currentReview: MissionYear[];
}

/** A year's dialogue for a viewer who may read the contract. */
export async function getDialogue(db: DbOrTx, viewer: Actor, cptsId: string, year: number): Promise<DialogueView> {
	const { access } = await requireContractAccess(db, viewer, cptsId, 'reads');
	const contract = await requireContract(db, cptsId);
	assertYear(contract, year);
	return { access, contract, year, dialogue: await dialogueOf(db, contract.id, year), currentReview: await missionYears(db, contract, year) };
}

/**
 * Records or corrects a year's dialogue. The review is taken from the indicators when the
 * dialogue is first written, and again only when asked (refreshReview).
 */
export async function saveDialogue(db: DbOrTx, actor: Actor, cptsId: string, year: number, input: DialogueInput): Promise<void> {
	const { row } = await requireContractAccess(db, actor, cptsId, 'edits');
	const contract = await requireContract(db, row.id);
	assertYear(contract, year);
	if (input.heldOn < contract.signedOn) throw new AppError('invalid', 'aci.dialogue.beforeSignature', { field: 'heldOn' });
	const existing = await dialogueOf(db, contract.id, year);
	const review: DialogueReview =
		existing && !input.refreshReview ? existing.review : { takenAt: new Date().toISOString(), missions: await missionYears(db, contract, year) };
	const columns = {
		heldOn: input.heldOn,
		participantsCpts: input.participantsCpts,
		participantsCpam: input.participantsCpam,
		participantsArs: input.participantsArs,
		conclusions: input.conclusions,
		nextObjectives: input.nextObjectives,
		review
	};
	await db.transaction(async (tx) => {
		await tx
			.insert(aciDialogues)
			.values({ id: generateId(), contractId: contract.id, year, createdBy: actor!.id, ...columns })
			.onConflictDoUpdate({ target: [aciDialogues.contractId, aciDialogues.year], set: { ...columns, updatedAt: new Date() } });
		await writeAudit(tx, { actorId: actor!.id, action: 'aci.dialogue', targetType: 'cpts', targetId: row.id, details: { year, heldOn: input.heldOn } });
	});
}

/** The lines of a dialogue as sections of text, shared by the DOCX (the print page lays out the same data). */
function dialogueParagraphs(locale: Locale, cptsName: string, dialogue: Dialogue): Paragraph[] {
	const t = translator(locale);
	const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel] = HeadingLevel.HEADING_1) => new Paragraph({ heading: level, children: [new TextRun(text)] });
	const lines = (text: string) => (text ? text.split(/\r?\n/).map((line) => new Paragraph({ children: [new TextRun(line)] })) : [new Paragraph({ children: [new TextRun('—')] })]);
	const labelled = (label: string, value: string) => new Paragraph({ children: [new TextRun({ text: `${label} : `, bold: true }), new TextRun(value)] });
	const out: Paragraph[] = [
		new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(t('aci.dialogue.docTitle', { year: String(dialogue.year) }))] }),
		new Paragraph({ children: [new TextRun({ text: `${cptsName} · ${t('aci.dialogue.heldOnText', { date: formatDay(locale, dialogue.heldOn) })}`, italics: true })] }),
		heading(t('aci.dialogue.participants')),
		labelled(t('aci.dialogue.participantsCpts'), dialogue.participantsCpts),
		labelled(t('aci.dialogue.participantsCpam'), dialogue.participantsCpam),
		labelled(t('aci.dialogue.participantsArs'), dialogue.participantsArs),
		heading(t('aci.dialogue.review')),
		new Paragraph({ children: [new TextRun({ text: t('aci.dialogue.reviewTaken', { date: formatDay(locale, dialogue.review.takenAt.slice(0, 10)) }), italics: true })] })
	];
	for (const mission of dialogue.review.missions) {
		out.push(heading(t(`mission.${mission.mission}` as MessageKey), HeadingLevel.HEADING_2));
		out.push(labelled(t('aci.mission.status'), t(`aci.status.${mission.status}` as MessageKey)));
		out.push(new Paragraph({ children: [new TextRun({ text: t('aci.mission.actions'), bold: true })] }), ...lines(mission.actions));
		if (mission.indicators.length === 0) out.push(new Paragraph({ children: [new TextRun({ text: t('aci.indicator.none'), italics: true })] }));
		for (const indicator of mission.indicators) {
			out.push(
				new Paragraph({
					bullet: { level: 0 },
					children: [
						new TextRun({ text: `${indicator.label} — `, bold: true }),
						new TextRun(
							`${t('aci.indicator.target')} : ${indicatorTarget(t, locale, indicator)} · ${t('aci.indicator.achieved')} : ${indicatorAchieved(t, locale, indicator)} · ${t(`aci.band.${indicator.band}` as MessageKey)}`
						)
					]
				})
			);
		}
		if (mission.fixedCents !== null || mission.variableCents !== null) {
			out.push(labelled(t('aci.mission.amounts'), `${t('aci.mission.fixedPart')} ${formatEuros(locale, mission.fixedCents)} · ${t('aci.mission.variablePart')} ${formatEuros(locale, mission.variableCents)}`));
		}
		if (mission.comments) out.push(new Paragraph({ children: [new TextRun({ text: t('aci.mission.comments'), bold: true })] }), ...lines(mission.comments));
	}
	out.push(heading(t('aci.dialogue.conclusions')), ...lines(dialogue.conclusions));
	out.push(heading(t('aci.dialogue.nextObjectives')), ...lines(dialogue.nextObjectives));
	return out;
}

/** A dialogue de gestion as a .docx file. */
export async function dialogueDocx(locale: Locale, cptsName: string, dialogue: Dialogue): Promise<Buffer> {
	const t = translator(locale);
	const document = new Document({
		creator: 'Réseau CPTS',
		title: t('aci.dialogue.docTitle', { year: String(dialogue.year) }),
		description: cptsName,
		styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
		sections: [{ children: dialogueParagraphs(locale, cptsName, dialogue) }]
	});
	return Packer.toBuffer(document);
}

/** Content-Disposition of the export: "dialogue-de-gestion-cpts-du-sud-toulois-2026.docx". */
export function dialogueDisposition(cptsName: string, year: number): string {
	return contentDisposition(`dialogue-de-gestion-${slugify(cptsName)}-${year}.docx`);
}

/** The dialogue to export or print (404 when none was written for that year). */
export async function requireDialogue(db: DbOrTx, viewer: Actor, cptsId: string, year: number): Promise<Dialogue> {
	const view = await getDialogue(db, viewer, cptsId, year);
	if (!view.dialogue) throw notFound('aci.dialogue.none');
	return view.dialogue;
}
