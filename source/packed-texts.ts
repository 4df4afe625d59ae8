// Block texts packed as one UTF-8 buffer, for the parsing worker to hand them to the main thread.
// Cloned one by one, each text would keep the representation it had in the worker: two bytes a
// character for a whole work decoded with one curly quote in it. Decoded from UTF-8 here, a text
// of Latin-1 characters becomes a one-byte string: half the memory of the work's text. The texts
// go a piece of the work at a time, so that neither thread ever holds the whole text packed.

import {deserialize, serialize} from 'node:v8';
import type {Block} from './work/types.ts';

export type PackedTexts = {
	bytes: ArrayBuffer;
	/** ends[i] is where block i's text ends in `bytes`; it starts where block i - 1's ends. */
	ends: Uint32Array;
};

/** Packs every block's text, in order, into one buffer that can be transferred. */
export function packTexts(blocks: readonly Block[]): PackedTexts {
	let total = 0;
	for (const block of blocks) total += Buffer.byteLength(block.text);
	const buffer = Buffer.allocUnsafeSlow(total);
	const ends = new Uint32Array(blocks.length);
	let at = 0;
	for (const [index, block] of blocks.entries()) {
		at += buffer.write(block.text, at, 'utf8');
		ends[index] = at;
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
}

/**
 * A piece of the blocks as the worker sends it: the blocks without their texts, serialized, and
 * their texts packed. Both are transferred, not copied, so that the worker can send every piece
 * at once and end, giving back all its memory, while the main thread takes them one at a time.
 */
export type BlockPiece = {blocks: ArrayBuffer; texts: PackedTexts; received: number; total: number};

/** The bytes as an ArrayBuffer of their own, to transfer: the whole buffer, or a copy of a slice. */
export function ownArrayBuffer(bytes: Uint8Array): ArrayBuffer {
	const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
	return (whole ? bytes.buffer : bytes.slice().buffer) as ArrayBuffer;
}

/**
 * The blocks in pieces of `size`, made as they are asked for; a piece made is let go of here, since
 * it belongs to its receiver now.
 */
export function* blockPieces(blocks: Block[], size: number): Generator<BlockPiece> {
	for (let next = 0; next < blocks.length; next += size) {
		const piece = blocks.slice(next, next + size);
		blocks.fill(undefined as never, next, next + piece.length);
		const texts = packTexts(piece);
		for (const block of piece) block.text = '';
		yield {
			blocks: ownArrayBuffer(serialize(piece)),
			texts,
			received: next + piece.length,
			total: blocks.length,
		};
	}
}

/** The blocks of a piece, with their texts. */
export function unpackPiece(piece: BlockPiece): Block[] {
	const blocks = deserialize(Buffer.from(piece.blocks)) as Block[];
	const texts = new TextUnpacker(piece.texts);
	for (const block of blocks) block.text = texts.next();
	return blocks;
}
