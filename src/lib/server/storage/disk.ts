/**
 * The attachment store on the local disk. A file is written under `<root>/.tmp/` with a
 * random name, flushed, then renamed into place: rename is atomic on one file system, so a
 * crash or an error mid-write never leaves a partial file where readers look.
 */
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { randomBytes } from 'node:crypto';
import type { AttachmentStore, StoredObject } from './index';
import { isValidStorageKey } from './keys';

export class DiskStore implements AttachmentStore {
	private readonly tempDir: string;

	constructor(private readonly root: string) {
		this.tempDir = path.join(root, '.tmp');
	}

	private pathOf(key: string): string {
		if (!isValidStorageKey(key)) throw new Error(`invalid storage key: ${key}`);
		const full = path.join(this.root, key);
		// Defence in depth: the key check already rules out escapes.
		if (!full.startsWith(this.root + path.sep)) throw new Error(`storage key escapes the root: ${key}`);
		return full;
	}

	async put(key: string, bytes: Uint8Array): Promise<void> {
		const target = this.pathOf(key);
		await mkdir(this.tempDir, { recursive: true });
		await mkdir(path.dirname(target), { recursive: true });
		const temp = path.join(this.tempDir, `${randomBytes(12).toString('hex')}.part`);
		try {
			const handle = await open(temp, 'wx', 0o640);
			try {
				await handle.writeFile(bytes);
				await handle.sync();
			} finally {
				await handle.close();
			}
			await rename(temp, target);
		} catch (error) {
			await rm(temp, { force: true });
			throw error;
		}
	}

	async open(key: string): Promise<StoredObject | null> {
		const file = this.pathOf(key);
		try {
			const info = await stat(file);
			if (!info.isFile()) return null;
			const body = Readable.toWeb(createReadStream(file)) as unknown as ReadableStream<Uint8Array>;
			return { body, size: info.size };
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
			throw error;
		}
	}

	async remove(key: string): Promise<void> {
		await rm(this.pathOf(key), { force: true });
	}
}
