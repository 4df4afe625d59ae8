// A long work's texts folded in place by the parse worker, as the search index holds them (see
// work-texts.ts, where the main thread reads them back).

import {foldedByte, other} from './folded-text.ts';

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
	// A text two blocks share (the same bytes) is folded once.
	let previous = -1;
	for (const block of order) {
		const from = starts[block]!;
		if (previous !== -1 && starts[previous] === from && packed.ends[previous] === ends[block]) {
			ends[block] = ends[previous]!;
			continue;
		}

		previous = block;
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
