/**
 * Attachments of library resources: PDF, DOCX, ODT, XLSX, PNG and JPEG up to 20 MB.
 * The type is read from the content (file-type), never from the browser or the name, and
 * the name's extension must agree with it. Bytes go to the attachment store (written to a
 * temporary file, then renamed); the row is inserted after, and the file removed again if
 * the insert fails, so nothing half-done stays behind.
 */
import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { and, count, eq } from 'drizzle-orm';
import {
	ATTACHMENT_EXTENSIONS,
	ATTACHMENT_TYPES,
	MAX_ATTACHMENT_BYTES,
	MAX_ATTACHMENTS_PER_RESOURCE,
	type AttachmentMediaType
} from '../../domain/library';
import type { DbOrTx } from '../db';
import { libraryAttachments, libraryResources } from '../db/schema';
import { AppError, forbidden, notFound } from '../shared/errors';
import { generateId } from '../shared/ids';
import type { AttachmentStore, StoredObject } from '../storage';
import { resourceColumns } from './columns';
import { canManageAttachments, type Viewer } from './permissions';
import { requireReadableResource, requireResourceById, type AttachmentSummary } from './resources';

/** An upload refused for a reason the user can fix; the message key says which. */
function refuse(messageKey: string, params: Record<string, string | number> = {}): AppError {
	return new AppError('invalid', messageKey, params);
}

/** Only the file's own name: no folders, no control characters, bounded length. */
export function cleanFileName(name: string): string {
	const base = name.split(/[\\/]/).pop() ?? '';
	const cleaned = base
		.normalize('NFC')
		.replace(/[\u0000-\u001f\u007f-\u009f"<>|*?:]/g, '')
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/^\.+/, '');
	if (cleaned.length <= 200) return cleaned;
	const dot = cleaned.lastIndexOf('.');
	const extension = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : '';
	return cleaned.slice(0, 200 - extension.length) + extension;
}

const extensionOf = (name: string) => {
	const dot = name.lastIndexOf('.');
	return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
};

const formatLabel = (mediaType: string) => (ATTACHMENT_TYPES[mediaType as AttachmentMediaType]?.[0] ?? '').toUpperCase();

export interface UploadedFile {
	name: string;
	bytes: Uint8Array;
}

/** Checks an upload and returns its cleaned name and detected media type, or refuses it. */
export async function inspectUpload(file: UploadedFile): Promise<{ fileName: string; mediaType: AttachmentMediaType }> {
	const fileName = cleanFileName(file.name) || 'document';
	if (file.bytes.byteLength === 0) throw refuse('library.upload.empty', { fileName });
	if (file.bytes.byteLength > MAX_ATTACHMENT_BYTES) throw refuse('library.upload.tooLarge', { fileName });
	const extension = extensionOf(fileName);
	if (!(ATTACHMENT_EXTENSIONS as readonly string[]).includes(extension)) {
		throw refuse('library.upload.extensionNotAllowed', { fileName });
	}
	const detected = await fileTypeFromBuffer(file.bytes);
	const mediaType = detected?.mime as AttachmentMediaType | undefined;
	if (!mediaType || !(mediaType in ATTACHMENT_TYPES)) {
		throw refuse('library.upload.contentNotAllowed', { fileName, extension: extension.toUpperCase() });
	}
	if (!(ATTACHMENT_TYPES[mediaType] as readonly string[]).includes(extension)) {
		throw refuse('library.upload.extensionMismatch', {
			fileName,
			extension: extension.toUpperCase(),
			detected: formatLabel(mediaType)
		});
	}
	return { fileName, mediaType };
}

/** Adds an attachment to a resource (those who may edit it). */
export async function addAttachment(
	db: DbOrTx,
	store: AttachmentStore,
	actor: Viewer,
	resourceId: string,
	file: UploadedFile
): Promise<AttachmentSummary> {
	const resource = await requireResourceById(db, resourceId);
	if (!actor || !canManageAttachments(actor, resource)) throw forbidden();
	const { fileName, mediaType } = await inspectUpload(file);

	const storageKey = `library/${resource.id}/${generateId()}`;
	const sha256 = createHash('sha256').update(file.bytes).digest('hex');
	await store.put(storageKey, file.bytes);
	try {
		return await db.transaction(async (tx) => {
			// The resource's row lock serialises concurrent uploads, so the limit holds.
			await tx.select({ id: resourceColumns.id }).from(libraryResources).where(eq(libraryResources.id, resource.id)).for('update');
			const [{ total }] = await tx
				.select({ total: count() })
				.from(libraryAttachments)
				.where(eq(libraryAttachments.resourceId, resource.id));
			if (total >= MAX_ATTACHMENTS_PER_RESOURCE) {
				throw refuse('library.upload.tooMany', { max: MAX_ATTACHMENTS_PER_RESOURCE });
			}
			const [row] = await tx
				.insert(libraryAttachments)
				.values({
					id: generateId(),
					resourceId: resource.id,
					storageKey,
					fileName,
					mediaType,
					sizeBytes: file.bytes.byteLength,
					sha256,
					uploadedBy: actor.id
				})
				.returning();
			return { id: row.id, fileName: row.fileName, mediaType: row.mediaType, sizeBytes: row.sizeBytes, createdAt: row.createdAt };
		});
	} catch (error) {
		await store.remove(storageKey);
		throw error;
	}
}

/** Removes an attachment (those who may edit the resource). */
export async function removeAttachment(
	db: DbOrTx,
	store: AttachmentStore,
	actor: Viewer,
	resourceId: string,
	attachmentId: string
): Promise<void> {
	const resource = await requireResourceById(db, resourceId);
	if (!actor || !canManageAttachments(actor, resource)) throw forbidden();
	const [row] = await db
		.delete(libraryAttachments)
		.where(and(eq(libraryAttachments.id, attachmentId), eq(libraryAttachments.resourceId, resource.id)))
		.returning({ storageKey: libraryAttachments.storageKey });
	if (!row) throw notFound('library.attachment.notFound');
	// After the row is gone: a failure here leaves an unreferenced file, never a broken link.
	await store.remove(row.storageKey);
}

export interface AttachmentDownload {
	fileName: string;
	mediaType: string;
	object: StoredObject;
	/** Members-only resources must not be kept by shared caches. */
	isPublic: boolean;
}

/** Opens an attachment for a viewer who may read its resource (same refusals as the page). */
export async function openAttachment(
	db: DbOrTx,
	store: AttachmentStore,
	viewer: Viewer,
	slug: string,
	attachmentId: string
): Promise<AttachmentDownload> {
	const resource = await requireReadableResource(db, viewer, slug);
	if (!/^[a-z2-7]{1,40}$/.test(attachmentId)) throw notFound('library.attachment.notFound');
	const [row] = await db
		.select()
		.from(libraryAttachments)
		.where(and(eq(libraryAttachments.id, attachmentId), eq(libraryAttachments.resourceId, resource.id)));
	if (!row) throw notFound('library.attachment.notFound');
	const object = await store.open(row.storageKey);
	if (!object) throw notFound('library.attachment.notFound');
	return {
		fileName: row.fileName,
		mediaType: row.mediaType,
		object,
		isPublic: resource.status === 'published' && resource.visibility === 'public'
	};
}

/**
 * Content-Disposition with an ASCII fallback and the exact name in RFC 5987 form
 * (filename*=UTF-8''…), so every browser saves the file under its French name.
 */
export function contentDisposition(fileName: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
	const ascii =
		fileName
			.normalize('NFD')
			.replace(/[\u0300-\u036f]/g, '')
			.replace(/[^\x20-\x7e]/g, '_')
			.replace(/["\\]/g, '_') || 'document';
	const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
	return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** The response headers of a download. */
export function downloadHeaders(download: AttachmentDownload): Record<string, string> {
	return {
		'content-type': download.mediaType,
		'content-length': String(download.object.size),
		'content-disposition': contentDisposition(download.fileName),
		'x-content-type-options': 'nosniff',
		// Even if a browser rendered it, the file could run nothing and load nothing.
		'content-security-policy': "default-src 'none'; sandbox",
		'cache-control': download.isPublic ? 'public, max-age=300' : 'private, no-store'
	};
}
