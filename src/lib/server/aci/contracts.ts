/**
 * The ACI contract of a CPTS: signature date (the term's end is derived by the database),
 * signatories of the three sides as typed, the optional missions chosen, the yearly
 * fonctionnement envelope when recorded, and the signed document (PDF). Signing moves the
 * CPTS to « ACI signé » through the stage history when it was at an earlier stage.
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import { z } from 'zod';
import type { DbOrTx } from '../db';
import { aciContracts } from '../db/schema';
import { writeAudit } from '../audit';
import { cleanFileName, type UploadedFile } from '../library/attachments';
import { AppError, notFound } from '../shared/errors';
import { fields } from '../shared/forms';
import { generateId } from '../shared/ids';
import type { AttachmentStore, StoredObject } from '../storage';
import { applyStageEvent } from '../steering/follow-up';
import { pastDay } from '../steering/dates';
import { contractYears } from '../../domain/aci';
import { MISSION_DEFINITIONS, OPTIONAL_MISSIONS, type Mission } from '../../domain/missions';
import { CPTS_STAGES } from '../../domain/professions';
import { optionalEuros } from './forms';
import { requireContractAccess, type Actor, type ContractAccess } from './permissions';

/** The signed contract is a PDF of at most 10 MB (a scanned contract of a few dozen pages). */
export const MAX_CONTRACT_DOCUMENT_BYTES = 10 * 1024 * 1024;

export type Contract = typeof aciContracts.$inferSelect;

export const contractFormSchema = z.object({
	signedOn: pastDay,
	signatoryCpts: fields.requiredText(300),
	signatoryCpam: fields.requiredText(300),
	signatoryArs: fields.requiredText(300),
	optionalMissions: z.array(z.enum(OPTIONAL_MISSIONS as [Mission, ...Mission[]], { error: 'form.choice' })).max(OPTIONAL_MISSIONS.length, 'form.invalid'),
	operatingEnvelope: optionalEuros
});
export type ContractInput = z.infer<typeof contractFormSchema>;
export const CONTRACT_ARRAY_FIELDS = ['optionalMissions'];

/** The missions of a contract, in the order documents show them: socle always, then the optional ones chosen. */
export function contractMissions(contract: Pick<Contract, 'optionalMissions'>): Mission[] {
	return MISSION_DEFINITIONS.filter((entry) => entry.kind === 'socle' || contract.optionalMissions.includes(entry.code)).map((entry) => entry.code);
}

/** The contract of a CPTS, or null. */
export async function contractOf(db: DbOrTx, cptsId: string): Promise<Contract | null> {
	const [row] = await db.select().from(aciContracts).where(eq(aciContracts.cptsId, cptsId));
	return row ?? null;
}

/** A contract that must exist (a 404 otherwise). */
export async function requireContract(db: DbOrTx, cptsId: string): Promise<Contract> {
	const contract = await contractOf(db, cptsId);
	if (!contract) throw notFound('aci.contract.none');
	return contract;
}

export interface ContractView {
	access: ContractAccess;
	contract: (Omit<Contract, 'documentKey'> & { hasDocument: boolean; missions: Mission[]; years: number[] }) | null;
}

/** The contract page's data for a viewer who may read it (refusal otherwise). */
export async function getContract(db: DbOrTx, viewer: Actor, cptsId: string): Promise<ContractView> {
	const { access } = await requireContractAccess(db, viewer, cptsId, 'reads');
	const contract = await contractOf(db, cptsId);
	if (!contract) return { access, contract: null };
	const { documentKey, ...rest } = contract;
	return { access, contract: { ...rest, hasDocument: documentKey !== null, missions: contractMissions(contract), years: contractYears(contract.signedOn, contract.endsOn) } };
}

/**
 * Records or corrects the contract. A CPTS at a stage before « ACI signé » reaches it on the
 * signature date, in the same transaction, through the stage history's own function (a date
 * contradicting the history is refused on the signature field and nothing is saved).
 */
export async function saveContract(db: DbOrTx, actor: Actor, cptsId: string, input: ContractInput): Promise<{ stageChanged: boolean }> {
	const { row } = await requireContractAccess(db, actor, cptsId, 'edits');
	const columns = {
		signedOn: input.signedOn,
		signatoryCpts: input.signatoryCpts,
		signatoryCpam: input.signatoryCpam,
		signatoryArs: input.signatoryArs,
		optionalMissions: [...new Set(input.optionalMissions)],
		operatingEnvelopeCents: input.operatingEnvelope
	};
	return db.transaction(async (tx) => {
		await tx
			.insert(aciContracts)
			.values({ id: generateId(), cptsId: row.id, createdBy: actor!.id, ...columns })
			.onConflictDoUpdate({ target: aciContracts.cptsId, set: { ...columns, updatedAt: new Date() } });
		let stageChanged = false;
		if (CPTS_STAGES.indexOf(row.stage as (typeof CPTS_STAGES)[number]) < CPTS_STAGES.indexOf('aci_signe')) {
			try {
				({ stageChanged } = await applyStageEvent(tx, actor!.id, row, { stage: 'aci_signe', reachedOn: input.signedOn, note: '' }));
			} catch (caught) {
				if (caught instanceof AppError && caught.messageKey === 'plans.stage.contradicts') {
					throw new AppError('invalid', 'aci.contract.stageContradicts', { ...caught.details, field: 'signedOn' });
				}
				throw caught;
			}
		}
		await writeAudit(tx, { actorId: actor!.id, action: 'aci.contract', targetType: 'cpts', targetId: row.id, details: { signedOn: input.signedOn, stageChanged } });
		return { stageChanged };
	});
}

/** Checks the signed contract: a non-empty PDF (by its content and its name) within the size limit. */
export async function inspectContractDocument(file: UploadedFile): Promise<{ fileName: string }> {
	const fileName = cleanFileName(file.name) || 'contrat-aci.pdf';
	if (file.bytes.byteLength === 0) throw new AppError('invalid', 'aci.document.empty', { field: 'document', fileName });
	if (file.bytes.byteLength > MAX_CONTRACT_DOCUMENT_BYTES) throw new AppError('invalid', 'aci.document.tooLarge', { field: 'document', fileName });
	const detected = await fileTypeFromBuffer(file.bytes);
	if (detected?.mime !== 'application/pdf' || !fileName.toLowerCase().endsWith('.pdf')) {
		throw new AppError('invalid', 'aci.document.notPdf', { field: 'document', fileName });
	}
	return { fileName };
}

/** Attaches (or replaces) the signed contract. The previous file is removed once the row points to the new one. */
export async function attachContractDocument(db: DbOrTx, store: AttachmentStore, actor: Actor, cptsId: string, file: UploadedFile): Promise<void> {
	const { row } = await requireContractAccess(db, actor, cptsId, 'edits');
	const contract = await requireContract(db, row.id);
	const { fileName } = await inspectContractDocument(file);
	const storageKey = `aci/${contract.id}/${generateId()}`;
	await store.put(storageKey, file.bytes);
	try {
		await db.transaction(async (tx) => {
			await tx
				.update(aciContracts)
				.set({ documentKey: storageKey, documentName: fileName, documentBytes: file.bytes.byteLength, updatedAt: new Date() })
				.where(eq(aciContracts.id, contract.id));
			const sha256 = createHash('sha256').update(file.bytes).digest('hex');
			await writeAudit(tx, { actorId: actor!.id, action: 'aci.document', targetType: 'cpts', targetId: row.id, details: { fileName, sha256 } });
		});
	} catch (caught) {
		await store.remove(storageKey);
		throw caught;
	}
	if (contract.documentKey) await store.remove(contract.documentKey);
}

/** Opens the signed contract for those who may read the contract. */
export async function openContractDocument(db: DbOrTx, store: AttachmentStore, viewer: Actor, cptsId: string): Promise<{ fileName: string; object: StoredObject }> {
	await requireContractAccess(db, viewer, cptsId, 'reads');
	const contract = await requireContract(db, cptsId);
	if (!contract.documentKey) throw notFound('aci.document.none');
	const object = await store.open(contract.documentKey);
	if (!object) throw notFound('aci.document.none');
	return { fileName: contract.documentName ?? 'contrat-aci.pdf', object };
}
