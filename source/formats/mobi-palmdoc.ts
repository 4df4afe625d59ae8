// PalmDOC's LZ77 decompression, as MOBI and AZW3 text records use it, into a buffer with a cap.

import {LoadError} from '../work/decode.ts';

/**
 * Decompresses one record into `out` from `at`; returns where it stopped. Text past the end of
 * `out` (the declared length) is dropped. A back-reference before the start of the record's output
 * is an error: a record never refers into its neighbour.
 */
export function palmDocInto(input: Uint8Array, out: Uint8Array, at: number): number {
	const start = at;
	const limit = out.length;
	let index = 0;
	while (index < input.length) {
		const byte = input[index++]!;
		if (byte === 0 || (byte >= 0x09 && byte <= 0x7f)) {
			if (at >= limit) return at;
			out[at++] = byte;
		} else if (byte <= 0x08) {
			const count = Math.min(byte, input.length - index);
			if (at + count > limit) return at;
			out.set(input.subarray(index, index + count), at);
			at += count;
			index += count;
		} else if (byte >= 0xc0) {
			if (at + 2 > limit) return at;
			out[at++] = 0x20;
			out[at++] = byte ^ 0x80;
		} else {
			if (index >= input.length) break;
			const pair = (byte << 8) | input[index++]!;
			const distance = (pair & 0x3fff) >> 3;
			const length = (pair & 7) + 3;
			if (distance === 0 || at - distance < start)
				throw new LoadError(
					'this MOBI file is damaged: its compressed text points before its start',
				);
			if (at + length > limit) return at;
			// Byte by byte: a copy may overlap what it writes (a run).
			for (let step = 0; step < length; step++, at++) out[at] = out[at - distance]!;
		}
	}

	return at;
}
