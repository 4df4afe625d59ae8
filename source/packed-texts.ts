// Block texts packed as one UTF-8 buffer, for the parsing worker to hand them to the main thread.
// Cloned one by one, each text would keep the representation it had in the worker: two bytes a
// character for a whole work decoded with one curly quote in it. Decoded from UTF-8 here, a text
// of Latin-1 characters becomes a one-byte string: half the memory of the work's text.
// The buffer is the whole work's, with a byte to spare for each block: once the main thread has
// read every text out of it, it becomes the work's search index (a byte per UTF-16 unit and one
// between blocks, which the texts' UTF-8 and the spare bytes always hold), instead of the index
// taking as much again (26 MB at 5M words).

import {deserialize, serialize} from 'node:v8';
import type {Block} from './work/types.ts';

export type PackedTexts = {
	bytes: ArrayBuffer;
	/** ends[i] is where block i's text ends in `bytes`; it starts where block i - 1's ends. */
	ends: Uint32Array;
};

/**
 * Packs every block's text, in order, into one buffer that can be transferred, with a spare byte
 * per block at its end. `release` empties each block's text once it is packed.
 */
export function packTexts(
	blocks: readonly Block[],
	options: {release?: boolean} = {},
): PackedTexts {
	let total = 0;
	for (const block of blocks) total += Buffer.byteLength(block.text);
	const buffer = Buffer.allocUnsafeSlow(total + blocks.length);
	const ends = new Uint32Array(blocks.length);
	let at = 0;
	for (const [index, block] of blocks.entries()) {
		at += buffer.write(block.text, at, 'utf8');
		ends[index] = at;
		if (options.release) block.text = '';
	}

	return {bytes: buffer.buffer as ArrayBuffer, ends};
}

/** Reads the packed texts back, block by block, in the order they were packed. */
export class TextUnpacker {
	readonly #bytes: Buffer;
	readonly #ends: Uint32Array;
	#next = 0;

	constructor(packed: PackedTexts) {
		this.#bytes = Buffer.from(packed.bytes);
		this.#ends = packed.ends;
	}

	/** The next block's text. */
	next(): string {
		const index = this.#next++;
		const start = index === 0 ? 0 : this.#ends[index - 1]!;
		return this.#bytes.toString('utf8', start, this.#ends[index]);
	}

	/** The whole buffer, free to be written over, once every text has been read out of it. */
	spent(): Buffer | undefined {
		return this.#next >= this.#ends.length ? this.#bytes : undefined;
	}
}

/**
 * A piece of the blocks as the worker sends it, serialized without their texts (sent before them,
 * packed: see packTexts) and transferred, not copied, so that the worker can send every piece at
 * once and end, giving back all its memory, while the main thread takes them one at a time.
 */
export type BlockPiece = {blocks: ArrayBuffer; received: number; total: number};

/** The bytes as an ArrayBuffer of their own, to transfer: the whole buffer, or a copy of a slice. */
export function ownArrayBuffer(bytes: Uint8Array): ArrayBuffer {
	const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
	return (whole ? bytes.buffer : bytes.slice().buffer) as ArrayBuffer;
}

/**
 * The blocks, their texts packed already, in pieces of `size`, made as they are asked for; a piece
 * made is let go of here, since it belongs to its receiver now.
 */
export function* blockPieces(blocks: Block[], size: number): Generator<BlockPiece> {
	for (let next = 0; next < blocks.length; next += size) {
		const piece = blocks.slice(next, next + size);
		blocks.fill(undefined as never, next, next + piece.length);
		yield {
			blocks: ownArrayBuffer(serialize(piece)),
			received: next + piece.length,
			total: blocks.length,
		};
	}
}

/** The blocks of a piece, with their texts read from the unpacker, in order. */
export function unpackPiece(piece: BlockPiece, texts: TextUnpacker): Block[] {
	const blocks = deserialize(Buffer.from(piece.blocks)) as Block[];
	for (const block of blocks) block.text = texts.next();
	return blocks;
}
