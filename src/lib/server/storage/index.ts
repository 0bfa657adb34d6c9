/**
 * Where uploaded files live. The application only talks to an AttachmentStore; the default
 * keeps files on disk under UPLOAD_DIR, and an S3-compatible store can implement the same
 * interface later (put = PutObject, open = GetObject, remove = DeleteObject).
 */
import path from 'node:path';
import { getConfig } from '../config';
import { DiskStore } from './disk';

export { isValidStorageKey } from './keys';

export interface StoredObject {
	/** The bytes, as a web stream (what a Response body takes). */
	body: ReadableStream<Uint8Array>;
	size: number;
}

export interface AttachmentStore {
	/**
	 * Stores bytes under a key, all or nothing: a reader never sees a half-written object,
	 * and a failed write leaves nothing behind.
	 */
	put(key: string, bytes: Uint8Array): Promise<void>;
	/** Opens an object for reading; null when there is none. */
	open(key: string): Promise<StoredObject | null>;
	/** Removes an object; removing a missing one is not an error. */
	remove(key: string): Promise<void>;
}


let current: AttachmentStore | undefined;

/** The process's attachment store (on disk under UPLOAD_DIR). */
export function getAttachmentStore(): AttachmentStore {
	current ??= new DiskStore(path.resolve(getConfig().UPLOAD_DIR));
	return current;
}

/** Tests install their own store (a temporary folder). */
export function setAttachmentStore(store: AttachmentStore | undefined): void {
	current = store;
}
