import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { libraryAttachments } from '../../src/lib/server/db/schema';
import {
	addAttachment,
	contentDisposition,
	downloadHeaders,
	openAttachment,
	removeAttachment
} from '../../src/lib/server/library/attachments';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_RESOURCE } from '../../src/lib/domain/library';
import { DiskStore } from '../../src/lib/server/storage/disk';
import { AppError } from '../../src/lib/server/shared/errors';
import { translate } from '../../src/lib/i18n';
import { useTestDatabase } from '../helpers/db';
import { makeResource, makeUser } from '../helpers/factories';

const testDb = useTestDatabase();
let root: string;
let store: DiskStore;

beforeAll(async () => {
	root = await mkdtemp(path.join(tmpdir(), 'cpts-library-'));
	store = new DiskStore(root);
});
afterAll(async () => {
	await rm(root, { recursive: true, force: true });
});

/** A minimal ZIP archive with stored (uncompressed) entries, as office formats are. */
function zip(entries: Record<string, string>): Uint8Array {
	const locals: Buffer[] = [];
	const centrals: Buffer[] = [];
	let offset = 0;
	for (const [name, content] of Object.entries(entries)) {
		const nameBytes = Buffer.from(name);
		const data = Buffer.from(content);
		const crc = crc32(data);
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(20, 4);
		local.writeUInt32LE(crc, 14);
		local.writeUInt32LE(data.length, 18);
		local.writeUInt32LE(data.length, 22);
		local.writeUInt16LE(nameBytes.length, 26);
		const central = Buffer.alloc(46);
		central.writeUInt32LE(0x02014b50, 0);
		central.writeUInt16LE(20, 4);
		central.writeUInt16LE(20, 6);
		central.writeUInt32LE(crc, 16);
		central.writeUInt32LE(data.length, 20);
		central.writeUInt32LE(data.length, 24);
		central.writeUInt16LE(nameBytes.length, 28);
		central.writeUInt32LE(offset, 42);
		locals.push(local, nameBytes, data);
		centrals.push(central, nameBytes);
		offset += local.length + nameBytes.length + data.length;
	}
	const centralSize = centrals.reduce((sum, part) => sum + part.length, 0);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(Object.keys(entries).length, 8);
	end.writeUInt16LE(Object.keys(entries).length, 10);
	end.writeUInt32LE(centralSize, 12);
	end.writeUInt32LE(offset, 16);
	return new Uint8Array(Buffer.concat([...locals, ...centrals, end]));
}

const contentTypes = (main: string) =>
	`<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/main.xml" ContentType="${main}.main+xml"/></Types>`;

const samples = {
	pdf: new Uint8Array(Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')),
	png: new Uint8Array(
		Buffer.from(
			'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
			'base64'
		)
	),
	jpeg: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9]),
	docx: zip({
		'[Content_Types].xml': contentTypes('application/vnd.openxmlformats-officedocument.wordprocessingml.document'),
		'word/document.xml': '<w:document/>'
	}),
	xlsx: zip({
		'[Content_Types].xml': contentTypes('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
		'xl/workbook.xml': '<workbook/>'
	}),
	odt: zip({ mimetype: 'application/vnd.oasis.opendocument.text', 'content.xml': '<office:document-content/>' }),
	svg: new Uint8Array(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')),
	html: new Uint8Array(Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>'))
};

async function refusal(promise: Promise<unknown>): Promise<AppError> {
	const error = await promise.then(
		() => null,
		(caught: unknown) => caught
	);
	expect(error).toBeInstanceOf(AppError);
	return error as AppError;
}

/** Every file under the store's root, temporary ones included. */
async function filesOnDisk(): Promise<string[]> {
	const entries = await readdir(root, { recursive: true, withFileTypes: true });
	return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

const viewerOf = (user: { id: string; roles: string[] }) => ({ id: user.id, roles: user.roles as never[] });

describe('library attachments', () => {
	it('accepts PDF, DOCX, ODT, XLSX, PNG and JPEG by their content, and serves them to readers', async () => {
		const author = viewerOf(await makeUser(testDb.db));
		const resource = await makeResource(testDb.db, { status: 'draft', authorId: author.id });
		const names = {
			pdf: 'Charte de la CPTS.pdf',
			docx: 'Modèle de convention.docx',
			odt: 'Compte rendu.odt',
			xlsx: 'Tableau de bord SNP.xlsx',
			png: 'Carte du territoire.png',
			jpeg: 'Photo réunion.jpeg'
		} as const;
		const expected = {
			pdf: 'application/pdf',
			docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
			odt: 'application/vnd.oasis.opendocument.text',
			xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			png: 'image/png',
			jpeg: 'image/jpeg'
		};
		for (const format of Object.keys(names) as (keyof typeof names)[]) {
			const added = await addAttachment(testDb.db, store, author, resource.id, { name: names[format], bytes: samples[format] });
			expect(added.mediaType).toBe(expected[format]);
			expect(added.fileName).toBe(names[format]);
		}

		const [row] = await testDb.db.select().from(libraryAttachments).where(eq(libraryAttachments.fileName, names.docx));
		const download = await openAttachment(testDb.db, store, author, resource.slug, row.id);
		const bytes = new Uint8Array(await new Response(download.object.body).arrayBuffer());
		expect(Buffer.from(bytes).equals(Buffer.from(samples.docx))).toBe(true);
		const headers = downloadHeaders(download);
		expect(headers['content-type']).toBe(expected.docx);
		expect(headers['x-content-type-options']).toBe('nosniff');
		expect(headers['content-disposition']).toBe(
			`attachment; filename="Modele de convention.docx"; filename*=UTF-8''Mod%C3%A8le%20de%20convention.docx`
		);
		// A draft's file is private.
		expect(headers['cache-control']).toBe('private, no-store');
		expect(await filesOnDisk()).toHaveLength(6);
	});

	it('refuses forged extensions, other formats, empty and oversized files with a clear French message, leaving nothing on disk', async () => {
		const author = viewerOf(await makeUser(testDb.db));
		const resource = await makeResource(testDb.db, { status: 'draft', authorId: author.id });
		const before = await filesOnDisk();

		const forged = await refusal(addAttachment(testDb.db, store, author, resource.id, { name: 'rapport.pdf', bytes: samples.png }));
		expect(forged.messageKey).toBe('library.upload.extensionMismatch');
		expect(translate('fr', forged.messageKey, forged.details as Record<string, string>)).toBe(
			'Le fichier «\u00a0rapport.pdf\u00a0» porte l’extension PDF mais son contenu est au format PNG. Enregistrez-le dans le bon format avant de le joindre.'
		);

		const svg = await refusal(addAttachment(testDb.db, store, author, resource.id, { name: 'schema.png', bytes: samples.svg }));
		expect(svg.messageKey).toBe('library.upload.contentNotAllowed');
		const html = await refusal(addAttachment(testDb.db, store, author, resource.id, { name: 'page.pdf', bytes: samples.html }));
		expect(html.messageKey).toBe('library.upload.contentNotAllowed');
		const svgName = await refusal(addAttachment(testDb.db, store, author, resource.id, { name: 'logo.svg', bytes: samples.svg }));
		expect(svgName.messageKey).toBe('library.upload.extensionNotAllowed');
		const noExtension = await refusal(addAttachment(testDb.db, store, author, resource.id, { name: 'fichier', bytes: samples.pdf }));
		expect(noExtension.messageKey).toBe('library.upload.extensionNotAllowed');

		const empty = await refusal(addAttachment(testDb.db, store, author, resource.id, { name: 'vide.pdf', bytes: new Uint8Array() }));
		expect(empty.messageKey).toBe('library.upload.empty');
		expect(translate('fr', empty.messageKey, empty.details as Record<string, string>)).toBe('Le fichier «\u00a0vide.pdf\u00a0» est vide.');

		const big = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
		big.set(samples.pdf);
		const tooLarge = await refusal(addAttachment(testDb.db, store, author, resource.id, { name: 'gros.pdf', bytes: big }));
		expect(tooLarge.messageKey).toBe('library.upload.tooLarge');
		expect(translate('fr', tooLarge.messageKey, tooLarge.details as Record<string, string>)).toContain('20 Mo');

		// Exactly 20 MB is accepted.
		const limit = new Uint8Array(MAX_ATTACHMENT_BYTES);
		limit.set(samples.pdf);
		await addAttachment(testDb.db, store, author, resource.id, { name: 'limite.pdf', bytes: limit });

		const rows = await testDb.db.select().from(libraryAttachments).where(eq(libraryAttachments.resourceId, resource.id));
		expect(rows.map((row) => row.fileName)).toEqual(['limite.pdf']);
		const after = await filesOnDisk();
		expect(after.length).toBe(before.length + 1);
		expect(after.filter((file) => file.includes('.tmp'))).toEqual([]);
	});

	it('removes the stored file when the row cannot be inserted (attachment limit reached)', async () => {
		const author = viewerOf(await makeUser(testDb.db));
		const resource = await makeResource(testDb.db, { status: 'draft', authorId: author.id });
		for (let index = 0; index < MAX_ATTACHMENTS_PER_RESOURCE; index++) {
			await addAttachment(testDb.db, store, author, resource.id, { name: `piece-${index}.pdf`, bytes: samples.pdf });
		}
		const before = await filesOnDisk();
		const tooMany = await refusal(addAttachment(testDb.db, store, author, resource.id, { name: 'une-de-trop.pdf', bytes: samples.pdf }));
		expect(tooMany.messageKey).toBe('library.upload.tooMany');
		expect(await filesOnDisk()).toEqual(before);
	});

	it('serves members-only attachments to members only, and drafts’ attachments to author and facilitators only', async () => {
		const author = viewerOf(await makeUser(testDb.db));
		const member = viewerOf(await makeUser(testDb.db));
		const facilitator = viewerOf(await makeUser(testDb.db, { roles: ['facilitator'] }));
		const membersOnly = await makeResource(testDb.db, { visibility: 'members_only', authorId: author.id });
		const draft = await makeResource(testDb.db, { status: 'draft', authorId: author.id });
		const shared = await addAttachment(testDb.db, store, facilitator, membersOnly.id, { name: 'interne.pdf', bytes: samples.pdf });
		const privateFile = await addAttachment(testDb.db, store, author, draft.id, { name: 'brouillon.pdf', bytes: samples.pdf });

		expect((await refusal(openAttachment(testDb.db, store, null, membersOnly.slug, shared.id))).code).toBe('unauthenticated');
		const forMember = await openAttachment(testDb.db, store, member, membersOnly.slug, shared.id);
		expect(downloadHeaders(forMember)['cache-control']).toBe('private, no-store');
		await forMember.object.body.cancel();

		expect((await refusal(openAttachment(testDb.db, store, member, draft.slug, privateFile.id))).code).toBe('not_found');
		expect((await refusal(openAttachment(testDb.db, store, null, draft.slug, privateFile.id))).code).toBe('not_found');
		(await openAttachment(testDb.db, store, facilitator, draft.slug, privateFile.id)).object.body.cancel();
		// An attachment is only reachable through its own resource.
		expect((await refusal(openAttachment(testDb.db, store, member, membersOnly.slug, privateFile.id))).code).toBe('not_found');

		// Others may neither add nor remove files.
		expect((await refusal(addAttachment(testDb.db, store, member, draft.id, { name: 'x.pdf', bytes: samples.pdf }))).code).toBe('forbidden');
		expect((await refusal(removeAttachment(testDb.db, store, member, draft.id, privateFile.id))).code).toBe('forbidden');
		await removeAttachment(testDb.db, store, author, draft.id, privateFile.id);
		expect((await refusal(openAttachment(testDb.db, store, author, draft.slug, privateFile.id))).code).toBe('not_found');
	});

	it('writes through a temporary file and never escapes the store root', async () => {
		await store.put('library/essai/fichier', new Uint8Array([1, 2, 3]));
		expect([...(await readFile(path.join(root, 'library/essai/fichier')))]).toEqual([1, 2, 3]);
		await expect(store.put('../evasion', new Uint8Array([1]))).rejects.toThrow();
		await expect(store.put('library/../../evasion', new Uint8Array([1]))).rejects.toThrow();
		expect(await store.open('library/absent')).toBeNull();
		await store.remove('library/absent');
		expect(contentDisposition('a"b\\c.pdf')).toBe(`attachment; filename="a_b_c.pdf"; filename*=UTF-8''a%22b%5Cc.pdf`);
	});
});
