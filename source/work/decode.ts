// Turns a file's bytes into text: byte-order marks, UTF-16, invalid UTF-8 and binary files.

export class LoadError extends Error {}

export type DecodedText = {text: string; warnings: string[]};

export function isZip(bytes: Uint8Array): boolean {
	return bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05);
}

function looksBinary(bytes: Uint8Array): boolean {
	const sample = bytes.subarray(0, 8192);
	if (sample.includes(0)) return true;
	let controls = 0;
	for (const byte of sample) {
		if (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b)) controls++;
	}

	return sample.length > 0 && controls / sample.length > 0.1;
}

export function decodeText(bytes: Uint8Array): DecodedText {
	const warnings: string[] = [];
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
		return decodeUtf8(bytes.subarray(3), warnings);
	}

	if (bytes[0] === 0xff && bytes[1] === 0xfe) {
		return {text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), warnings};
	}

	if (bytes[0] === 0xfe && bytes[1] === 0xff) {
		return {text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), warnings};
	}

	if (looksBinary(bytes)) {
		throw new LoadError('this looks like a binary file, not a work');
	}

	return decodeUtf8(bytes, warnings);
}

function decodeUtf8(bytes: Uint8Array, warnings: string[]): DecodedText {
	try {
		return {text: new TextDecoder('utf-8', {fatal: true}).decode(bytes), warnings};
	} catch {
		warnings.push('the file has bytes that are not valid UTF-8; they are shown as �');
		return {text: new TextDecoder('utf-8').decode(bytes), warnings};
	}
}
