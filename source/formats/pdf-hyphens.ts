// Joins a word hyphenated across two lines of a PDF, but only when the joined word is found
// elsewhere in the text: "pre-" + "sent" is "present", "well-" + "known" stays "well-known".

import type {PdfLine} from './pdf-lines.ts';
import {isCjkCode} from './text-lines.ts';

const wordPattern = /[\p{L}\p{M}'’]+/gu;
const cutWord = /([\p{L}\p{M}'’]+)[-\u00AD]$/u;
const nextWord = /^[\p{Ll}\p{M}'’]+/u;

/** Every word of the text, lower-cased, leaving out the pieces of words cut at a line's end. */
export function knownWords(lines: PdfLine[]): Set<string> {
	const words = new Set<string>();
	for (const line of lines) {
		const text = /[-\u00AD]$/.test(line.text) ? line.text.replace(cutWord, '') : line.text;
		for (const match of text.matchAll(wordPattern)) words.add(match[0].toLowerCase());
	}

	return words;
}

/**
 * How a line's end meets the next line's start: with a space, directly (a hyphen or dash that
 * stays, or between CJK characters), or directly without the final hyphen (a word cut only to
 * fit the line).
 */
export function lineJoint(
	before: string,
	after: string,
	words: Set<string>,
): 'space' | 'join' | 'unhyphenate' {
	if (before.endsWith('\u00AD')) return 'unhyphenate';
	// Chinese and Japanese lines break between characters, with no space to keep.
	if (isCjkCode(before.charCodeAt(before.length - 1)) && isCjkCode(after.charCodeAt(0)))
		return 'join';
	const cut = cutWord.exec(before);
	if (!cut) return before.endsWith('-') || before.endsWith('—') ? 'join' : 'space';
	const rest = nextWord.exec(after);
	if (!rest) return 'join';
	return words.has((cut[1]! + rest[0]).toLowerCase()) ? 'unhyphenate' : 'join';
}
