// Reads a zip's directory and inflates its entries, never past the size an entry declares nor
// past a total cap, so that a zip that lies about its sizes costs milliseconds, not minutes.

import {inflateRawSync} from 'node:zlib';
import {LoadError} from '../work/decode.ts';

/** Caps that keep a zip bomb from exhausting memory. */
export const maxEntries = 10_000;
const maxEntryBytes = 128 * 1024 * 1024;
const maxTotalBytes = 512 * 1024 * 1024;
const bombMessage = 'the EPUB unpacks to more than 512 MB; it may be a zip bomb';

type Entry = {name: string; method: number; compressed: number; size: number; local: number};

function unreadable(why: string): LoadError {
	return new LoadError(`this EPUB is not a readable zip file (${why})`);
}

/** One entry cannot be inflated (the zip's directory and the other entries may be sound). */
export class DamagedEntryError extends LoadError {
	/** What is wrong with the entry, in a few words, for a warning that the rest was read. */
	readonly why: string;

	constructor(message: string, why: string) {
		super(message);
		this.why = why;
	}
}

/** The central directory's entries, with zip64 sizes and offsets where the entry has them. */
function centralDirectory(bytes: Uint8Array): Entry[] {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	let end = bytes.length - 22;
	while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) {
		if (bytes.length - end > 65_557) throw unreadable('no end of central directory');
		end--;
	}

	if (end < 0) throw unreadable('no end of central directory');
	let count = view.getUint16(end + 10, true);
	let at = view.getUint32(end + 16, true);
	if (end >= 20 && view.getUint32(end - 20, true) === 0x07064b50) {
		const end64 = Number(view.getBigUint64(end - 12, true));
		if (end64 + 56 > bytes.length || view.getUint32(end64, true) !== 0x06064b50)
			throw unreadable('a broken zip64 record');
		count = Number(view.getBigUint64(end64 + 32, true));
		at = Number(view.getBigUint64(end64 + 48, true));
	}

	if (count > maxEntries) throw new LoadError(`the EPUB has more than ${maxEntries} files`);
	const decoder = new TextDecoder();
	const entries: Entry[] = [];
	for (let index = 0; index < count; index++) {
		if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50)
			throw unreadable('a broken central directory');
		const nameLength = view.getUint16(at + 28, true);
		const extraLength = view.getUint16(at + 30, true);
		const entry: Entry = {
			name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
			method: view.getUint16(at + 10, true),
			compressed: view.getUint32(at + 20, true),
			size: view.getUint32(at + 24, true),
			local: view.getUint32(at + 42, true),
		};
		readZip64(view, at + 46 + nameLength, extraLength, entry);
		entries.push(entry);
		at += 46 + nameLength + extraLength + view.getUint16(at + 32, true);
	}

	return entries;
}

/** Zip64 keeps the sizes and offset that do not fit 32 bits in an extra field, in this order. */
function readZip64(view: DataView, start: number, length: number, entry: Entry): void {
	for (let at = start; at + 4 <= start + length; at += 4 + view.getUint16(at + 2, true)) {
		if (view.getUint16(at, true) !== 1) continue;
		let field = at + 4;
		for (const key of ['size', 'compressed', 'local'] as const) {
			if (entry[key] !== 0xffffffff || field + 8 > view.byteLength) continue;
			entry[key] = Number(view.getBigUint64(field, true));
			field += 8;
		}
	}
}

/**
 * The zip's entries, inflated only when asked for: a preview of a large EPUB then costs only the
 * documents it shows. Sizes and counts are checked before anything is inflated.
 */
export class ZipEntries {
	readonly names = new Set<string>();
	readonly #bytes: Uint8Array;
	readonly #entries = new Map<string, Entry>();
	readonly #inflated = new Map<string, Uint8Array>();
	/** Entries that say they unpack to more than any one part of a book may: read, they are damaged. */
	readonly #oversized = new Set<string>();
	#total = 0;

	constructor(bytes: Uint8Array) {
		this.#bytes = bytes;
		let declared = 0;
		for (const entry of centralDirectory(bytes)) {
			const name = entry.name.replace(/^\/+/, '');
			// One huge entry (a picture the book never shows) costs nothing until it is read.
			if (entry.size > maxEntryBytes) this.#oversized.add(name);
			else declared += entry.size;
			if (declared > maxTotalBytes) throw new LoadError(bombMessage);
			if (entry.name.endsWith('/')) continue;
			this.names.add(name);
			this.#entries.set(name, entry);
		}
	}

	/** Whether an entry has exactly this name in the directory, no leading slash taken off. */
	hasEntryNamed(name: string): boolean {
		return this.#entries.get(name)?.name === name;
	}

	/** The size an entry declares it unpacks to; 0 for none. */
	size(name: string): number {
		return this.#entries.get(name)?.size ?? 0;
	}

	/** Inflates the named entries that are not inflated yet. */
	load(names: Iterable<string>): void {
		for (const name of names) {
			const entry = this.#entries.get(name);
			if (!entry || this.#inflated.has(name)) continue;
			if (this.#oversized.has(name)) {
				const why = `it unpacks to more than ${maxEntryBytes / 1024 / 1024} MB`;
				throw new DamagedEntryError(`the EPUB's ${name}: ${why}; it may be a zip bomb`, why);
			}

			const data = this.#inflate(entry);
			this.#total += data.length;
			if (this.#total > maxTotalBytes) throw new LoadError(bombMessage);
			this.#inflated.set(name, data);
		}
	}

	/** An entry's bytes; unless kept, they are let go, since each document is read once. */
	get(name: string, keep = false): Uint8Array | undefined {
		this.load([name]);
		const data = this.#inflated.get(name);
		if (!keep) this.#inflated.delete(name);
		return data;
	}

	#inflate(entry: Entry): Uint8Array {
		const bytes = this.#bytes;
		const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
		if (entry.local + 30 > bytes.length || view.getUint32(entry.local, true) !== 0x04034b50)
			throw new DamagedEntryError(
				unreadable(`a broken entry, ${entry.name}`).message,
				'a broken entry',
			);
		const start =
			entry.local +
			30 +
			view.getUint16(entry.local + 26, true) +
			view.getUint16(entry.local + 28, true);
		const data = bytes.subarray(start, start + entry.compressed);
		if (entry.method === 0) return data.slice(0, entry.size);
		if (entry.method !== 8)
			throw new DamagedEntryError(
				unreadable(`unknown compression type ${entry.method}`).message,
				`unknown compression type ${entry.method}`,
			);
		return inflateUpTo(data, entry);
	}
}

/**
 * Inflates with Node's zlib, which stops as soon as the output outgrows what the entry declared;
 * native, it does not wait for a JIT to warm up as fflate did (a fifth of a large EPUB's open).
 */
function inflateUpTo(data: Uint8Array, entry: Entry): Uint8Array {
	const damaged = () =>
		new DamagedEntryError(
			`the EPUB is damaged: ${entry.name} does not unpack to the size its zip directory gives`,
			'it does not unpack to the size the zip gives',
		);
	let out: Uint8Array;
	try {
		// One output buffer of the declared size (and a byte, so that zlib does not allocate another
		// to look for more): in 16 kB chunks joined at the end, a 20 MB package took twice as long.
		out = inflateRawSync(data, {
			maxOutputLength: Math.max(1, entry.size),
			chunkSize: Math.max(64, entry.size + 1),
		});
	} catch (error) {
		if ((error as {code?: string}).code === 'ERR_BUFFER_TOO_LARGE') throw damaged();
		const why = (error as Error).message;
		throw new DamagedEntryError(unreadable(`${entry.name}: ${why}`).message, why);
	}

	if (out.length !== entry.size) throw damaged();
	return out;
}
