// Shared by the text formats: lines into paragraphs, hard-wrapped lines re-joined.

import type {DraftBlock} from '../work/draft.ts';
import {isBlank} from '../work/line-list.ts';
import {textBlock} from '../work/text-store.ts';

export {isBlank};

const cjkEdge =
	/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303F\uFF00-\uFFEF]/u;

/** A line of only spaces and no-break spaces: the author's own blank space. */
export function isSpacerLine(line: string): boolean {
	return line.includes('\u00A0') && /^[\s\u00A0]*$/.test(line);
}

/** A character of a script written without spaces (Han, kana, Hangul, CJK punctuation). */
export function isCjkCode(code: number): boolean {
	return code >= 0x2e80 && cjkEdge.test(String.fromCharCode(code));
}

function tidy(line: string): string {
	return /\t| {2}/.test(line) ? line.replace(/[ \t]+/g, ' ').trim() : line.trim();
}

const letter = /[\p{L}\p{N}]/u;
const lowerCase = /\p{Ll}/u;

/**
 * What goes between two wrapped lines: nothing where the first ends in a word's hyphen
 * ("after-" + "lecture": wrappers break compounds after their hyphen, and Gutenberg keeps only
 * real hyphens, so the word is "after-lecture") or in a dash glued to a word and the next goes
 * on in lower case ("before--" + "in"); a space anywhere else, verse lines after a dash included.
 */
function joiner(first: string, next: string): string {
	const last = first.charCodeAt(first.length - 1);
	if (isCjkCode(last) && isCjkCode(next.charCodeAt(0))) return '';
	if (last !== 45 && last !== 0x2014) return ' ';
	const dashes = /(?:--+|—+|-)$/.exec(first)![0];
	const before = first[first.length - dashes.length - 1] ?? ' ';
	if (!letter.test(before)) return ' ';
	if (dashes === '-') return letter.test(next[0] ?? '') ? '' : ' ';
	return lowerCase.test(next[0] ?? '') ? '' : ' ';
}

export type JoinOptions = {
	/** A line ending in two spaces ends a line of its own (Markdown's and html2text's `<br>`). */
	hardBreaks?: boolean;
};

/** Joins the lines of one paragraph: CJK lines and hyphenated words without a space. */
export function joinLines(lines: string[], options: JoinOptions = {}): string {
	if (lines.length === 1) return tidy(lines[0]!);
	const parts: string[] = [];
	let previous = '';
	let broken = false;
	for (const raw of lines) {
		const line = tidy(raw);
		if (!line) continue;
		if (previous) parts.push(broken ? '\n' : joiner(previous, line));
		parts.push(line);
		previous = line;
		broken = options.hardBreaks === true && raw.endsWith('  ');
	}

	// Joined at once into one flat string: built with +=, a paragraph is a rope that keeps every
	// line it was made of alive (5M words of hard-wrapped text: the parse worker's peak 18 MB higher).
	return parts.join('');
}

/**
 * Splits lines into paragraphs at blank lines; a text with almost no blank lines is split at
 * indented lines instead. Lines of only no-break spaces become spacer blocks.
 */
export function paragraphsFromLines(lines: string[], options: JoinOptions = {}): DraftBlock[] {
	const nonBlank = lines.filter((line) => !isBlank(line)).length;
	const blank = lines.length - nonBlank;
	const byIndent = nonBlank > 20 && blank < nonBlank * 0.05;
	const blocks: DraftBlock[] = [];
	let current: string[] = [];
	const flush = () => {
		const text = joinLines(current, options);
		if (text) blocks.push(textBlock('paragraph', text));
		current = [];
	};

	for (const line of lines) {
		if (isSpacerLine(line)) {
			flush();
			blocks.push({kind: 'spacer', text: ''});
		} else if (isBlank(line)) {
			flush();
		} else {
			if (byIndent && /^[ \t\u3000]/.test(line)) flush();
			current.push(line);
		}
	}

	flush();
	while (blocks[0]?.kind === 'spacer') blocks.shift();
	while (blocks.at(-1)?.kind === 'spacer') blocks.pop();
	return blocks;
}
