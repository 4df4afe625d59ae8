// A long work's block texts as the search index holds them: a byte per UTF-16 unit, folded (see
// folded-text.ts), a bit for each capital, and the characters beyond ASCII kept apart. The parse
// worker folds its packed UTF-8 in place, text by text (a text's folded bytes never outnumber its
// UTF-8), and the main thread keeps that one buffer: it is searched as it is, and each block's
// text is made from it when asked for (a block laid out, a search's candidate). Strings for every
// block took 29 MB at 5M words on top of the index (26 MB), which was their copy.

import type {FoldedTexts} from './fold-texts.ts';
import {firstAtLeast} from './sorted-search.ts';
import type {Block, BlockKind, BlockPart} from './types.ts';

/** A block whose text is made from the work's folded texts each time it is asked for. */
type PackedBlock = new (index: number, kind: BlockKind, part: BlockPart) => Block;

/**
 * The class of a work's packed blocks: the texts are its own, not a field of each block (a
 * block is three fields and, in an EPUB, its element: 56 bytes, 132,000 of them at 5M words).
 */
function packedBlockOf(texts: WorkTexts): PackedBlock {
	return class PackedBlock {
		kind: BlockKind;
		part: BlockPart;
		readonly #index: number;

		constructor(index: number, kind: BlockKind, part: BlockPart) {
			this.#index = index;
			this.kind = kind;
			this.part = part;
		}

		get text(): string {
			return texts.text(this.#index);
		}
	} as unknown as PackedBlock;
}

/** The folded texts as the main thread keeps them: searched as they are, read block by block. */
export class WorkTexts {
	readonly folded: Buffer;
	readonly starts: Uint32Array;
	readonly ends: Uint32Array;
	readonly order: Uint32Array;
	readonly #texts: FoldedTexts;
	readonly #Block = packedBlockOf(this);
	#next = 0;
	#scratch = Buffer.allocUnsafe(1024);

	constructor(texts: FoldedTexts) {
		this.#texts = texts;
		this.folded = Buffer.from(texts.bytes);
		this.starts = texts.starts;
		this.ends = texts.ends;
		this.order = texts.order;
	}

	get count(): number {
		return this.ends.length;
	}

	/** A block of the next text, in the order they were packed. */
	block(kind: BlockKind, part: BlockPart): Block {
		return new this.#Block(this.#next++, kind, part);
	}

	text(index: number): string {
		const from = this.starts[index]!;
		const length = this.ends[index]! - from;
		if (length <= 0) return '';
		const texts = this.#texts;
		const wide = firstAtLeast(texts.wideAt, from);
		if (texts.wideAt[wide] === from) {
			const units = texts.wideUnits;
			const start = units.byteOffset + texts.wideFrom[wide]! * 2;
			return Buffer.from(units.buffer, start, length * 2).toString('utf16le');
		}

		if (this.#scratch.length < length * 2) this.#scratch = Buffer.allocUnsafe(length * 4);
		const scratch = this.#scratch;
		const first = firstAtLeast(texts.exceptionAt, from);
		if (first === texts.exceptionAt.length || texts.exceptionAt[first]! >= from + length) {
			this.folded.copy(scratch, 0, from, from + length);
			this.#raise(scratch, from, length, 1);
			return scratch.toString('latin1', 0, length);
		}

		for (let offset = 0; offset < length; offset++)
			scratch.writeUInt16LE(this.folded[from + offset]!, offset * 2);
		this.#raise(scratch, from, length, 2);
		for (let exception = first; exception < texts.exceptionAt.length; exception++) {
			const at = texts.exceptionAt[exception]!;
			if (at >= from + length) break;
			scratch.writeUInt16LE(texts.exceptionUnit[exception]!, (at - from) * 2);
		}

		return scratch.toString('utf16le', 0, length * 2);
	}

	/** Puts back the capitals among `length` folded bytes from `from`, copied `width` bytes each to `scratch`. */
	#raise(scratch: Buffer, from: number, length: number, width: number): void {
		const upper = this.#texts.upper;
		for (let offset = 0; offset < length;) {
			const at = from + offset;
			const bits = upper[at >> 3]! >> (at & 7);
			if (bits === 0) {
				offset += 8 - (at & 7);
				continue;
			}

			if (bits & 1) scratch[offset * width] = scratch[offset * width]! - 32;
			offset++;
		}
	}
}
