// A work file as the reader opens it: its bytes, or a large text file's start and the whole of it
// still being read (readWorkStart), and what the reader shows first from either.

import {openingOf, previewFromBytes} from './formats/open-work.ts';
import type {Work} from './work/types.ts';

/** A work file's path and bytes; the bytes are dropped once the whole work is read. */
export type WorkSource = {
	path: string;
	bytes?: Uint8Array;
	/** A large text file's start, its size and the whole of it still being read. */
	head?: Uint8Array;
	size?: number;
	rest?: Promise<Uint8Array>;
};

/**
 * What the reader shows first (see openingOf): undefined for a large work with no preview, to be
 * read whole elsewhere.
 */
export async function openingOfSource(source: WorkSource): Promise<Work | undefined> {
	const {head, path, size} = source;
	source.head = undefined;
	if (head) return previewFromBytes(head, path, size);
	return openingOf(source, path, {wholeElsewhere: true});
}

/** The whole file's bytes, taken from the source, which lets go of them. */
export async function wholeBytes(source: WorkSource): Promise<Uint8Array> {
	const bytes = source.bytes ?? (await source.rest!);
	source.bytes = undefined;
	source.rest = undefined;
	return bytes;
}
