// KOReader's "partial MD5" document id: md5 over 1 KiB samples at offsets 0, 1 KiB, 4 KiB, 16 KiB…

import {createHash} from 'node:crypto';
import {open} from 'node:fs/promises';

const sampleSize = 1024;

/**
 * The offsets KOReader samples: `lshift(1024, 2*i)` for i = -1…10 in LuaJIT, whose shifts take the
 * count modulo 32, so i = -1 (a shift by 30 of 1024, 2^40 in 32 bits) gives 0.
 */
export const sampleOffsets: readonly number[] = Array.from({length: 12}, (_, index) =>
	index === 0 ? 0 : sampleSize * 4 ** (index - 1),
);

/** The id from a reader of `length` bytes at `offset` (fewer at the end, none past it). */
export async function partialMd5Of(
	read: (offset: number, length: number) => Promise<Uint8Array>,
): Promise<string> {
	const hash = createHash('md5');
	for (const offset of sampleOffsets) {
		const sample = await read(offset, sampleSize);
		// Lua's file:read gives nil at the end of the file, and KOReader stops there.
		if (sample.length === 0) break;
		hash.update(sample);
	}

	return hash.digest('hex');
}

/** KOReader's partial MD5 of the file at `path`, as `util.partialMD5` computes it. */
export async function partialMd5(path: string): Promise<string> {
	const file = await open(path, 'r');
	try {
		return await partialMd5Of(async (offset, length) => {
			const buffer = new Uint8Array(length);
			const {bytesRead} = await file.read(buffer, 0, length, offset);
			return buffer.subarray(0, bytesRead);
		});
	} finally {
		await file.close();
	}
}
