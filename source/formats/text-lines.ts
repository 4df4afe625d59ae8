// Shared by the text formats: lines into paragraphs, hard-wrapped lines re-joined.

import type {DraftBlock} from '../work/draft.ts';

const cjkEdge =
	/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303F\uFF00-\uFFEF]/u;

export function isBlank(line: string): boolean {
	return /^[ \t]*$/.test(line);
}

/** A line of only spaces and no-break spaces: the author's own blank space. */
export function isSpacerLine(line: string): boolean {
	return line.includes('\u00A0') && /^[\s\u00A0]*$/.test(line);
}

function isCjkCode(code: number): boolean {
	return code >= 0x2e80 && cjkEdge.test(String.fromCharCode(code));
}

function tidy(line: string): string {
	return /\t| {2}/.test(line) ? line.replace(/[ \t]+/g, ' ').trim() : line.trim();
}

/** Joins the lines of one paragraph, with no space between CJK characters. */
export function joinLines(lines: string[]): string {
	if (lines.length === 1) return tidy(lines[0]!);
	let text = '';
	for (const raw of lines) {
		const line = tidy(raw);
		if (!line) continue;
		if (!text) text = line;
		else if (isCjkCode(text.charCodeAt(text.length - 1)) && isCjkCode(line.charCodeAt(0)))
			text += line;
		else text += ' ' + line;
	}

	return text;
}

/**
 * Splits lines into paragraphs at blank lines; a text with almost no blank lines is split at
 * indented lines instead. Lines of only no-break spaces become spacer blocks.
 */
export function paragraphsFromLines(lines: string[]): DraftBlock[] {
	const nonBlank = lines.filter((line) => !isBlank(line)).length;
	const blank = lines.length - nonBlank;
	const byIndent = nonBlank > 20 && blank < nonBlank * 0.05;
	const blocks: DraftBlock[] = [];
	let current: string[] = [];
	const flush = () => {
		const text = joinLines(current);
		if (text) blocks.push({kind: 'paragraph', text});
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
