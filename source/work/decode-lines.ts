// Decodes a UTF-8 text file line by line, so that no string of the whole file is ever made.

import {isUtf8} from 'node:buffer';
import {looksBinary, unmarkedUtf16} from './decode.ts';
import {sanitiseText} from './sanitise.ts';

const lineFeed = 0x0a;
const carriageReturn = 0x0d;

/**
 * The lines of a file of valid UTF-8 (with or without a byte-order mark), made safe: exactly
 * `sanitiseText(decodeText(bytes).text).split('\n')`, each line a string of its own, so one
 * curly quote or CJK word makes its own line two bytes a character, not the whole work.
 * Undefined for any other file (UTF-16, 8-bit, damaged, binary), which is decoded whole.
 */
export function decodeLines(bytes: Uint8Array): string[] | undefined {
	const file = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	if (file[0] === 0xff && file[1] === 0xfe) return undefined;
	if (file[0] === 0xfe && file[1] === 0xff) return undefined;
	const bom = file[0] === 0xef && file[1] === 0xbb && file[2] === 0xbf;
	if (!bom && (unmarkedUtf16(file) || looksBinary(file))) return undefined;
	const start = bom ? 3 : 0;
	if (!isUtf8(file.subarray(start))) return undefined;
	const lines: string[] = [];
	// Where the next CR is, looked for again only once it is passed: a file without CRs is scanned once.
	let nextReturn = file.indexOf(carriageReturn, start);
	const push = (from: number, to: number) => {
		// CRLF, CR or LF all end a line (decodeText's normaliseLineEnds): a lone CR splits the line.
		while (nextReturn !== -1 && nextReturn < to) {
			lines.push(sanitiseText(file.toString('utf8', from, nextReturn)));
			from = nextReturn + 1;
			nextReturn = file.indexOf(carriageReturn, from);
		}

		lines.push(sanitiseText(file.toString('utf8', from, to)));
	};

	let from = start;
	for (;;) {
		const feed = file.indexOf(lineFeed, from);
		if (feed === -1) {
			push(from, file.length);
			return lines;
		}

		// The CRs just before a LF are part of that one line end.
		let end = feed;
		while (end > from && file[end - 1] === carriageReturn) end--;
		push(from, end);
		if (nextReturn !== -1 && nextReturn < feed) nextReturn = file.indexOf(carriageReturn, feed);
		from = feed + 1;
	}
}
