// A UTF-8 text file's lines, each decoded from the file's bytes when it is asked for: a 5M-word
// work is never one string, nor 400,000 line strings held at once (36 MB), and the bytes of the
// lines already read may be written over (the parse worker keeps block texts there: text-store.ts).

import {isUtf8} from 'node:buffer';
import {looksBinary, unmarkedUtf16} from './decode.ts';
import {isBlank, type LineList} from './line-list.ts';
import {sanitiseText} from './sanitise.ts';
import {firstAtLeast} from './sorted-search.ts';

const lineFeed = 0x0a;
const carriageReturn = 0x0d;

/**
 * The lines of a file of valid UTF-8 (with or without a byte-order mark), made safe: exactly
 * `sanitiseText(decodeText(bytes).text).split('\n')`, each line a string of its own when read, so
 * one curly quote or CJK word makes its own line two bytes a character, not the whole work.
 * Undefined for any other file (UTF-16, 8-bit, damaged, binary), which is decoded whole.
 * `allRead` is told when every line has been read into an array, and the bytes are not needed.
 */
export function decodeLines(bytes: Uint8Array, allRead?: () => void): FileLines | undefined {
	const file = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	if (file[0] === 0xff && file[1] === 0xfe) return undefined;
	if (file[0] === 0xfe && file[1] === 0xff) return undefined;
	const bom = file[0] === 0xef && file[1] === 0xbb && file[2] === 0xbf;
	if (!bom && (unmarkedUtf16(file) || looksBinary(file))) return undefined;
	const start = bom ? 3 : 0;
	if (!isUtf8(file.subarray(start))) return undefined;
	return new FileLines(file, start, allRead);
}

/** Where each line of the bytes starts and ends, its line end left out. */
function lineBounds(file: Buffer, start: number): {starts: Uint32Array; ends: Uint32Array} {
	let starts = new Uint32Array(1024);
	let ends = new Uint32Array(1024);
	let count = 0;
	const push = (from: number, to: number) => {
		if (count === starts.length) {
			const grownStarts = new Uint32Array(count * 2);
			const grownEnds = new Uint32Array(count * 2);
			grownStarts.set(starts);
			grownEnds.set(ends);
			starts = grownStarts;
			ends = grownEnds;
		}

		starts[count] = from;
		ends[count++] = to;
	};

	// Where the next CR is, looked for again only once it is passed: a file without CRs is scanned once.
	let nextReturn = file.indexOf(carriageReturn, start);
	const line = (from: number, to: number) => {
		// CRLF, CR or LF all end a line (decodeText's normaliseLineEnds): a lone CR splits the line.
		while (nextReturn !== -1 && nextReturn < to) {
			push(from, nextReturn);
			from = nextReturn + 1;
			nextReturn = file.indexOf(carriageReturn, from);
		}

		push(from, to);
	};

	let from = start;
	for (;;) {
		const feed = file.indexOf(lineFeed, from);
		if (feed === -1) {
			line(from, file.length);
			return {starts: starts.slice(0, count), ends: ends.slice(0, count)};
		}

		// The CRs just before a LF are part of that one line end.
		let end = feed;
		while (end > from && file[end - 1] === carriageReturn) end--;
		line(from, end);
		if (nextReturn !== -1 && nextReturn < feed) nextReturn = file.indexOf(carriageReturn, feed);
		from = feed + 1;
	}
}

export class FileLines implements LineList {
	readonly length: number;
	readonly #file: Buffer;
	readonly #starts: Uint32Array;
	readonly #ends: Uint32Array;
	/** Lines taken or released: their bytes are not read again. */
	readonly #done: Uint8Array;
	/** The first line not done. */
	#first = 0;
	#all?: string[];
	/** The last two lines read: a line and the one before it are often both asked for. */
	#lastIndex = -1;
	#last = '';
	#beforeIndex = -1;
	#before = '';

	readonly #allRead?: () => void;

	constructor(file: Buffer, start: number, allRead?: () => void) {
		this.#file = file;
		this.#allRead = allRead;
		({starts: this.#starts, ends: this.#ends} = lineBounds(file, start));
		this.length = this.#starts.length;
		this.#done = new Uint8Array(this.length);
	}

	line(index: number): string {
		if (index < 0 || index >= this.length) return '';
		if (this.#all) return this.#all[index]!;
		if (this.#lastIndex === index) return this.#last;
		if (this.#beforeIndex === index) return this.#before;
		if (this.#done[index]) throw new Error(`line ${index} was read after it was let go of`);
		const text = sanitiseText(this.#file.toString('utf8', this.#starts[index], this.#ends[index]));
		this.#beforeIndex = this.#lastIndex;
		this.#before = this.#last;
		this.#lastIndex = index;
		this.#last = text;
		return text;
	}

	blank(index: number): boolean {
		if (index < 0 || index >= this.length) return true;
		if (this.#all) return isBlank(this.#all[index]!);
		const file = this.#file;
		for (let at = this.#starts[index]!, end = this.#ends[index]!; at < end; at++) {
			const byte = file[at]!;
			if (byte === 0x20 || byte === 0x09) continue;
			// Printable ASCII is never taken out; anything else may be, so the line is read.
			if (byte > 0x20 && byte < 0x7f) return false;
			return isBlank(this.line(index));
		}

		return true;
	}

	/**
	 * Found by the text's bytes, then read: a text with a character in it that making the line safe
	 * takes out (a control, an escape sequence) is not found, where reading every line would find it.
	 */
	find(text: string, from: number): number {
		if (this.#all)
			return this.#all.findIndex((line, index) => index >= from && line.includes(text));
		if (from >= this.length) return -1;
		const needle = Buffer.from(text);
		const file = this.#file;
		for (let at = file.indexOf(needle, this.#starts[Math.max(0, from)]); at !== -1;) {
			const index = this.#lineAt(at);
			if (at + needle.length <= this.#ends[index]! && this.line(index).includes(text)) return index;
			at = file.indexOf(needle, at + 1);
		}

		return -1;
	}

	/** The line whose bytes hold the byte at `at`, or its line end: the last to start at or before it. */
	#lineAt(at: number): number {
		return Math.max(0, firstAtLeast(this.#starts, at + 1) - 1);
	}

	take(start: number, end: number): string[] {
		const lines: string[] = [];
		for (let index = start; index < end; index++) lines.push(this.line(index));
		this.release(start, end);
		return lines;
	}

	release(start: number, end: number): void {
		this.#done.fill(1, Math.max(0, start), Math.min(end, this.length));
	}

	all(): string[] {
		if (!this.#all) {
			const all: string[] = [];
			for (let index = 0; index < this.length; index++) all.push(this.line(index));
			this.#all = all;
			this.release(0, this.length);
			this.#allRead?.();
		}

		return this.#all;
	}

	takeAll(): string[] {
		const all = this.all();
		this.#all = undefined;
		this.#lastIndex = -1;
		this.#beforeIndex = -1;
		return all;
	}

	/** Where the bytes of the first line not yet taken or released start: those before may be written over. */
	get floor(): number {
		while (this.#first < this.length && this.#done[this.#first]) this.#first++;
		return this.#first < this.length ? this.#starts[this.#first]! : this.#file.length;
	}
}
