// Finds the FB2 document in a `.fb2.zip` and inflates it, counting what it inflates: the sizes a zip
// declares can lie, so a zip bomb is stopped as it grows, not by what it claims.

import {Unzip, UnzipInflate, unzipSync} from 'fflate';
import {LoadError} from '../work/decode.ts';

const maxEntries = 1000;
/** More than any book's text: a 5-million-word FB2 is about 60 MB. */
export const maxFb2Bytes = 256 * 1024 * 1024;

class Enough extends Error {}

/** The FB2 entry of a zip that holds one and is not an EPUB; only the zip's directory is read. */
export function fb2EntryInZip(bytes: Uint8Array): string | undefined {
	const names: string[] = [];
	try {
		unzipSync(bytes, {
			filter(file) {
				if (names.length >= maxEntries) throw new Enough();
				names.push(file.name);
				return false;
			},
		});
	} catch {
		// Too many entries or a broken directory: not an FB2 archive; the EPUB reader says why.
		return undefined;
	}

	if (names.includes('META-INF/container.xml')) return undefined;
	return names.find((name) => /\.fb2$/i.test(name));
}

/**
 * The named entry's bytes. With `limit`, only its start (for a preview); without, the whole entry,
 * or a LoadError once it grows past what a book could be.
 */
export function inflateFb2(
	bytes: Uint8Array,
	entry: string,
	limit?: number,
	most = maxFb2Bytes,
): Uint8Array {
	const chunks: Uint8Array[] = [];
	let total = 0;
	let done = false;
	const cap = limit ?? most;
	const unzip = new Unzip((file) => {
		if (file.name !== entry || done) return;
		file.ondata = (error, chunk, final) => {
			// fflate hands what this handler threw back to it as an error.
			if (error instanceof LoadError || error instanceof Enough) throw error;
			if (error) throw new LoadError(`the FB2 archive is damaged (${error.message})`);
			chunks.push(chunk);
			total += chunk.length;
			if (final) done = true;
			if (total >= cap) {
				if (limit === undefined)
					throw new LoadError(
						`the FB2 archive unpacks to more than ${Math.round(most / 2 ** 20)} MB; it may be a zip bomb`,
					);
				throw new Enough();
			}
		};

		file.start();
	});
	unzip.register(UnzipInflate);
	try {
		unzip.push(bytes, true);
	} catch (error) {
		if (error instanceof LoadError) throw error;
		if (!(error instanceof Enough))
			throw new LoadError(`the FB2 archive is damaged (${(error as Error).message})`);
	}

	if (chunks.length === 0) throw new LoadError(`the FB2 archive is damaged: ${entry} is empty`);
	const result = new Uint8Array(Math.min(total, cap));
	let offset = 0;
	for (const chunk of chunks) {
		const part = chunk.subarray(0, result.length - offset);
		result.set(part, offset);
		offset += part.length;
	}

	return result;
}
