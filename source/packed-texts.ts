// Block texts packed as one UTF-8 buffer, for the parsing worker to hand them to the main thread,
// which keeps them there and then in the search index, never as a string for each block (see
// work/work-texts.ts).

import {isMobiBytes} from './formats/mobi.ts';
import {isZip} from './work/decode.ts';
import {StoredBlock, type TextStore} from './work/text-store.ts';
import type {TextBytes} from './work/fold-texts.ts';
import type {Block} from './work/types.ts';

/** Where each text starts, when they are not one after another, is given (packed from a store). */
export type PackedTexts = TextBytes;

/**
 * Whether block texts are stored: for a zip (an EPUB of many documents; a zipped FB2 too) and for
 * a text file read line by line. Not for one long document (HTML, FB2, MOBI), whose text is decoded
 * whole: its parse keeps the heap near its peak to the end anyway, and a store was 25 MB more on
 * top of it (26 MB of HTML: 220-240 -> 255-285 MB).
 */
export function storesTexts(bytes: Uint8Array): boolean {
	if (isZip(bytes)) return true;
	if (isMobiBytes(bytes)) return false;
	const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024));
	return !/^(?:\uFEFF)?\s*</.test(head.toString('utf8'));
}

/**
 * Packs every block's text, in order, into one buffer that can be transferred. `release` empties each block's text once it is packed. With `store`, the
 * texts kept there stay where they are, and the others are added to it: the store's buffer is the
 * packed one.
 */
export function packTexts(
	blocks: readonly Block[],
	options: {release?: boolean; store?: TextStore} = {},
): PackedTexts {
	const {store} = options;
	if (store) return packIntoStore(blocks, store, options.release === true);
	let total = 0;
	for (const block of blocks) total += Buffer.byteLength(block.text);
	const buffer = Buffer.allocUnsafeSlow(total);
	const ends = new Uint32Array(blocks.length);
	let at = 0;
	for (const [index, block] of blocks.entries()) {
		at += buffer.write(block.text, at, 'utf8');
		ends[index] = at;
		if (options.release) block.text = '';
	}

	return {bytes: buffer.buffer as ArrayBuffer, ends};
}

function packIntoStore(blocks: readonly Block[], store: TextStore, release: boolean): PackedTexts {
	const starts = new Uint32Array(blocks.length);
	const ends = new Uint32Array(blocks.length);
	for (const [index, block] of blocks.entries()) {
		const stored = block instanceof StoredBlock ? block.storedIn(store) : undefined;
		if (stored) {
			starts[index] = stored.start;
			ends[index] = stored.end;
		} else {
			starts[index] = store.add(block.text);
			ends[index] = store.used;
		}

		if (release) block.text = '';
	}

	return {bytes: store.bytes.buffer as ArrayBuffer, ends, starts};
}

/** The bytes as an ArrayBuffer of their own, to transfer: the whole buffer, or a copy of a slice. */
export function ownArrayBuffer(bytes: Uint8Array): ArrayBuffer {
	const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
	return (whole ? bytes.buffer : bytes.slice().buffer) as ArrayBuffer;
}
