// Where the parse worker keeps a file's block texts (see text-store.ts), and the holder of the
// file's bytes that tells the store how far the reading of them has gone.

import type {FileHolder} from './formats/open-work.ts';
import {storesTexts} from './packed-texts.ts';
import {isZip} from './work/decode.ts';
import {TextStore} from './work/text-store.ts';

/**
 * What an EPUB's block texts are expected to take as UTF-8, as a share of the file (a 4.5 MB EPUB
 * of 5M words holds 26 MB of text), up to a bound. Only the pages written take memory; a store
 * that needs more grows, copying what it holds.
 */
const textPerZipByte = 8;
const mostStoreBytes = 256 * 1024 * 1024;

/** ES2024's ArrayBuffer.prototype.transfer, which Node 22 and later have: detaching frees the memory. */
type Detachable = ArrayBuffer & {transfer(length: number): ArrayBuffer};

/**
 * The store for a file's texts, if they are stored: a zip's in a buffer of its own, a text file's
 * over the file's own bytes, behind the reading of its lines. The holder frees the bytes the
 * moment a text is decoded whole, not at the thread's next full collection.
 */
export function parseStore(buffer: ArrayBuffer): {store?: TextStore; file: FileHolder} {
	const bytes = new Uint8Array(buffer);
	const store = storesTexts(bytes)
		? isZip(bytes)
			? new TextStore(Math.min(mostStoreBytes, buffer.byteLength * textPerZipByte))
			: TextStore.overFile(Buffer.from(buffer))
		: undefined;
	const file: FileHolder = {
		bytes,
		decoded() {
			store?.leaveFile();
			(buffer as Detachable).transfer(0);
		},
		lines: (lines) => store?.readFrom(() => lines.floor),
	};
	return {store, file};
}
