// A long work's block texts as the search index holds them: a byte per UTF-16 unit, folded (see
// folded-text.ts), a bit for each capital, and the characters beyond ASCII kept apart. The parse
// worker folds its packed UTF-8 in place, text by text (a text's folded bytes never outnumber its
// UTF-8), and the main thread keeps that one buffer: it is searched as it is, and each block's
// text is made from it when asked for (a block laid out, a search's candidate). Strings for every
// block took 29 MB at 5M words on top of the index (26 MB), which was their copy.

import {foldedByte, other} from './folded-text.ts';
import type {Block, BlockKind, BlockPart} from './types.ts';

/** Packed UTF-8 texts: block i's bytes end at ends[i] and start at starts[i], or where i - 1's end. */
export type TextBytes = {bytes: ArrayBuffer; ends: Uint32Array; starts?: Uint32Array};

/** The texts folded: block i at [starts[i], ends[i]) of `bytes`, which hold other bytes between. */
export type FoldedTexts = {
	bytes: ArrayBuffer;
	starts: Uint32Array;
	ends: Uint32Array;
	/** The blocks with a text, in the order of their place in `bytes`. */
	order: Uint32Array;
	/** A bit for each byte of `bytes` that was an ASCII capital. */
	upper: Uint8Array;
	/** Where each character beyond ASCII is, in order, and what it was (a UTF-16 unit). */
	exceptionAt: Uint32Array;
	exceptionUnit: Uint16Array;
	/** Texts mostly beyond ASCII (CJK), kept whole as UTF-16: where each starts, and its units. */
	wideAt: Uint32Array;
	wideFrom: Uint32Array;
	wideUnits: Uint16Array;
};

/** A text with more than this share of its units beyond ASCII is kept whole, as wide units. */
const mostlyBeyondAscii = 0.25;

/** A growable list of numbers in a typed array. */
class NumberList<T extends Uint32Array | Uint16Array> {
	items: T;
	length = 0;
	readonly #make: (size: number) => T;

	constructor(make: (size: number) => T) {
		this.#make = make;
		this.items = make(256);
	}

	push(value: number): void {
		if (this.length === this.items.length) {
			const grown = this.#make(this.length * 2);
			grown.set(this.items);
			this.items = grown;
		}

		this.items[this.length++] = value;
	}

	done(): T {
		return this.items.slice(0, this.length) as T;
	}
}

/** The texts' blocks with a text, by where their bytes start. */
function byPlace(starts: Uint32Array, ends: Uint32Array): Uint32Array {
	const order = new NumberList((size) => new Uint32Array(size));
	let sorted = true;
	for (let block = 0; block < ends.length; block++) {
		if (starts[block]! >= ends[block]!) continue;
		if (order.length > 0 && starts[order.items[order.length - 1]!]! > starts[block]!)
			sorted = false;
		order.push(block);
	}

	const result = order.done();
	return sorted ? result : result.sort((a, b) => starts[a]! - starts[b]!);
}

/**
 * Folds packed texts in place, each where its UTF-8 starts: the bytes after its folded ones are
 * then left over. The packed buffer is the folded one.
 */
export function foldTexts(packed: TextBytes): FoldedTexts {
	const bytes = Buffer.from(packed.bytes);
	const count = packed.ends.length;
	const starts = new Uint32Array(count);
	for (let block = 0; block < count; block++)
		starts[block] = packed.starts?.[block] ?? (block === 0 ? 0 : packed.ends[block - 1]!);
	const ends = packed.ends.slice();
	const order = byPlace(starts, ends);
	// As far as the texts reach: a store's buffer can be longer.
	const last = order.at(-1);
	const upper = new Uint8Array(Math.ceil((last === undefined ? 0 : ends[last]!) / 8));
	const exceptionAt = new NumberList((size) => new Uint32Array(size));
	const exceptionUnit = new NumberList((size) => new Uint16Array(size));
	const wideAt = new NumberList((size) => new Uint32Array(size));
	const wideFrom = new NumberList((size) => new Uint32Array(size));
	const wideUnits = new NumberList((size) => new Uint16Array(size));
	for (const block of order) {
		const from = starts[block]!;
		const firstException = exceptionAt.length;
		let at = from;
		const except = (unit: number) => {
			exceptionAt.push(at);
			exceptionUnit.push(unit);
		};

		// Read ahead of what is written: a unit's folded byte is never more than its UTF-8.
		for (let byte = from, end = ends[block]!; byte < end;) {
			const lead = bytes[byte]!;
			if (lead < 0x80) {
				if (lead >= 65 && lead <= 90) {
					bytes[at] = lead + 32;
					upper[at >> 3]! |= 1 << (at & 7);
				} else bytes[at] = lead;
				at++;
				byte++;
				continue;
			}

			let code: number;
			if (lead < 0xe0) {
				code = ((lead & 0x1f) << 6) | (bytes[byte + 1]! & 0x3f);
				byte += 2;
			} else if (lead < 0xf0) {
				code = ((lead & 0x0f) << 12) | ((bytes[byte + 1]! & 0x3f) << 6) | (bytes[byte + 2]! & 0x3f);
				byte += 3;
			} else {
				code =
					((lead & 0x07) << 18) |
					((bytes[byte + 1]! & 0x3f) << 12) |
					((bytes[byte + 2]! & 0x3f) << 6) |
					(bytes[byte + 3]! & 0x3f);
				byte += 4;
			}

			if (code < 0x1_00_00) {
				except(code);
				bytes[at++] = foldedByte[code]!;
			} else {
				const beyond = code - 0x1_00_00;
				except(0xd8_00 + (beyond >> 10));
				bytes[at++] = other;
				except(0xdc_00 + (beyond & 0x3_ff));
				bytes[at++] = other;
			}
		}

		ends[block] = at;
		const exceptions = exceptionAt.length - firstException;
		if (exceptions > (at - from) * mostlyBeyondAscii) {
			// Whole, the text takes two bytes a unit, not six for each exception.
			wideAt.push(from);
			wideFrom.push(wideUnits.length);
			let exception = firstException;
			for (let unit = from; unit < at; unit++) {
				const beyond = exception < exceptionAt.length && exceptionAt.items[exception] === unit;
				const capital = (upper[unit >> 3]! >> (unit & 7)) & 1;
				wideUnits.push(beyond ? exceptionUnit.items[exception++]! : bytes[unit]! - capital * 32);
			}

			exceptionAt.length = firstException;
			exceptionUnit.length = firstException;
		}
	}

	return {
		bytes: packed.bytes,
		starts,
		ends,
		order,
		upper,
		exceptionAt: exceptionAt.done(),
		exceptionUnit: exceptionUnit.done(),
		wideAt: wideAt.done(),
		wideFrom: wideFrom.done(),
		wideUnits: wideUnits.done(),
	};
}

/** What folded texts hand over to the receiving thread. */
export function foldedTransfers(texts: FoldedTexts): ArrayBuffer[] {
	const views = [
		texts.starts,
		texts.ends,
		texts.order,
		texts.upper,
		texts.exceptionAt,
		texts.exceptionUnit,
		texts.wideAt,
		texts.wideFrom,
		texts.wideUnits,
	];
	return [texts.bytes, ...views.map((view) => view.buffer as ArrayBuffer)];
}

/** A block whose text is made from the work's folded texts each time it is asked for. */
export class PackedBlock {
	kind: BlockKind;
	part: BlockPart;
	readonly #texts: WorkTexts;
	readonly #index: number;

	constructor(texts: WorkTexts, index: number, kind: BlockKind, part: BlockPart) {
		this.kind = kind;
		this.part = part;
		this.#texts = texts;
		this.#index = index;
	}

	get text(): string {
		return this.#texts.text(this.#index);
	}
}

/** The first index of a sorted list whose value is `value` or more. */
function firstAtLeast(list: Uint32Array, value: number): number {
	let low = 0;
	let high = list.length;
	while (low < high) {
		const middle = (low + high) >> 1;
		if (list[middle]! < value) low = middle + 1;
		else high = middle;
	}

	return low;
}

/** The folded texts as the main thread keeps them: searched as they are, read block by block. */
export class WorkTexts {
	readonly folded: Buffer;
	readonly starts: Uint32Array;
	readonly ends: Uint32Array;
	readonly order: Uint32Array;
	readonly #texts: FoldedTexts;
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
		return new PackedBlock(this, this.#next++, kind, part) as Block;
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
