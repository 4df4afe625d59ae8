// Turns a file's bytes into text: byte-order marks, UTF-16, Windows-1252, invalid UTF-8, line ends and binary files.

export class LoadError extends Error {}

export type DecodedText = {text: string; warnings: string[]};

export function isZip(bytes: Uint8Array): boolean {
	return bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05);
}

/**
 * A file with NULs in its first 8 kB, or many other controls, is not a work. A run of NULs at the
 * very end (a download cut short, a file written over a preallocated one) is no evidence: the text
 * before it is read, and the NULs are dropped with the other controls.
 */
export function looksBinary(bytes: Uint8Array): boolean {
	let end = bytes.length;
	while (end > 0 && bytes[end - 1] === 0) end--;
	if (end === 0) return bytes.length > 0;
	const sample = bytes.subarray(0, Math.min(8192, end));
	if (sample.includes(0)) return true;
	let controls = 0;
	for (const byte of sample) {
		if (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b)) controls++;
	}

	return sample.length > 0 && controls / sample.length > 0.1;
}

/**
 * UTF-16 without a byte-order mark, told by its zero bytes as editors do: text that is mostly
 * Latin has a zero in every other byte, all on one side of each pair. A sample that does not
 * decode as UTF-16 of that order is not taken for it.
 */
export function unmarkedUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
	const sample = bytes.subarray(0, 8192 - (Math.min(bytes.length, 8192) % 2));
	const pairs = sample.length / 2;
	if (pairs < 2) return undefined;
	let evenZeros = 0;
	let oddZeros = 0;
	for (let index = 0; index < sample.length; index += 2) {
		if (sample[index] === 0) evenZeros++;
		if (sample[index + 1] === 0) oddZeros++;
	}

	const encoding =
		oddZeros >= pairs * 0.4 && evenZeros <= pairs * 0.05
			? 'utf-16le'
			: evenZeros >= pairs * 0.4 && oddZeros <= pairs * 0.05
				? 'utf-16be'
				: undefined;
	// Text in another script (Cyrillic, CJK) has zeros mostly in its spaces, digits and line ends
	// (and in a character such as 一, U+4E00, on the other side): fewer, mostly on one side, and it
	// must then read as text.
	const fewer =
		oddZeros >= pairs * 0.05 && evenZeros * 4 <= oddZeros
			? 'utf-16le'
			: evenZeros >= pairs * 0.05 && oddZeros * 4 <= evenZeros
				? 'utf-16be'
				: undefined;
	const tried = encoding ?? fewer;
	if (!tried) return undefined;
	try {
		// A surrogate pair cut at the sample's end is no evidence against it.
		const text = new TextDecoder(tried, {fatal: true}).decode(sample, {stream: true});
		if (encoding) return encoding;
		const readable = text.match(/[\p{L}\p{M}\p{N}\p{P}\p{S}\p{Zs}\t\n\r]/gu)?.length ?? 0;
		return readable >= text.length * 0.95 ? tried : undefined;
	} catch {
		return undefined;
	}
}

export function decodeText(bytes: Uint8Array): DecodedText {
	const warnings: string[] = [];
	let text: string;
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
		text = decodeUtf8(bytes.subarray(3), warnings);
	} else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
		text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
	} else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
		text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
	} else if (unmarkedUtf16(bytes)) {
		text = new TextDecoder(unmarkedUtf16(bytes)).decode(bytes);
	} else if (looksBinary(bytes)) {
		throw new LoadError('this looks like a binary file, not a work');
	} else {
		text = decodeUnmarked(bytes, warnings);
	}

	return {text: normaliseLineEnds(text), warnings};
}

/**
 * CRLF, LF or CR line ends become LF. Files of CRLF lines can hold stray CRs ("\r\r\n"): the CRs
 * before a LF belong to that one line end, so they never make a blank line that splits a
 * paragraph; a lone CR ends a line, as in old Mac files.
 */
function normaliseLineEnds(text: string): string {
	return text.includes('\r') ? text.replace(/\r+\n|\r/g, '\n') : text;
}

function decodeUtf8(bytes: Uint8Array, warnings: string[]): string {
	try {
		return new TextDecoder('utf-8', {fatal: true}).decode(bytes);
	} catch {
		warnings.push('the file has bytes that are not valid UTF-8; they are shown as �');
		return new TextDecoder('utf-8').decode(bytes);
	}
}

const declaredLegacy =
	/(?:Character set encoding:\s*|charset\s*=\s*["']?|encoding\s*=\s*["'])(?:ISO[- ]?8859-1|ISO Latin-1|Latin-?1|Windows-1252|CP-?1252)\b/i;

/**
 * Without a byte-order mark: UTF-8 when it is valid, or when its multi-byte sequences outnumber
 * the bytes that break it (a few damaged characters); otherwise an 8-bit file (old Project
 * Gutenberg texts are ISO-8859-1), read as Windows-1252, its superset.
 */
function decodeUnmarked(bytes: Uint8Array, warnings: string[]): string {
	try {
		return new TextDecoder('utf-8', {fatal: true}).decode(bytes);
	} catch {
		// Not UTF-8 throughout: weigh the evidence below.
	}

	const head = String.fromCharCode(...bytes.subarray(0, 4096));
	const {valid, invalid} = utf8Evidence(bytes);
	if (declaredLegacy.test(head) || invalid > valid) {
		if (!declaredLegacy.test(head))
			warnings.push('the file is not UTF-8; it was read as Windows-1252 (Latin-1)');
		return decodeWindows1252(bytes);
	}

	warnings.push('the file has bytes that are not valid UTF-8; they are shown as �');
	return new TextDecoder('utf-8').decode(bytes);
}

/** Well-formed UTF-8 multi-byte sequences and bytes that fit none; a sequence cut at the end counts as neither. */
function utf8Evidence(bytes: Uint8Array): {valid: number; invalid: number} {
	let valid = 0;
	let invalid = 0;
	let index = 0;
	while (index < bytes.length) {
		const byte = bytes[index]!;
		if (byte < 0x80) {
			index++;
			continue;
		}

		const length =
			byte >= 0xc2 && byte <= 0xdf
				? 2
				: byte >= 0xe0 && byte <= 0xef
					? 3
					: byte >= 0xf0 && byte <= 0xf4
						? 4
						: 0;
		if (length > 0 && index + length > bytes.length) break;
		let whole = length > 0;
		for (let next = 1; whole && next < length; next++)
			whole = (bytes[index + next]! & 0xc0) === 0x80;
		if (whole) {
			valid++;
			index += length;
		} else {
			invalid++;
			index++;
		}
	}

	return {valid, invalid};
}

// Windows-1252 differs from ISO-8859-1 only in 0x80–0x9F, where it has printable characters.
const windows1252High = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function decodeWindows1252(bytes: Uint8Array): string {
	const codes = new Uint16Array(bytes.length);
	for (let index = 0; index < bytes.length; index++) {
		const byte = bytes[index]!;
		codes[index] = byte >= 0x80 && byte < 0xa0 ? windows1252High.charCodeAt(byte - 0x80) : byte;
	}

	return new TextDecoder('utf-16le').decode(codes);
}
