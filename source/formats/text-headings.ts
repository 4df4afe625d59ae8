// Chapter and part headings in plain text ("CHAPTER XII", "BOOK I", a bare "IV." and its title line).

import type {LineList} from '../work/line-list.ts';
import {countWords} from '../work/words.ts';

export type TextHeading = {
	/** The heading's first line, and the line after it and the title line under it. */
	start: number;
	end: number;
	title: string;
	kind: 'part' | 'chapter' | 'numeral';
};

const small = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const teens = ['eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen'];
const units = [...small, ...teens, 'eighteen', 'nineteen', 'twenty'];
const ordinals = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth'];
const tens = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const wordNumber = `(?:${[...units, ...tens].join('|')})(?:[- ](?:${small.slice(0, 9).join('|')}))?`;
const number = `(?:\\d{1,4}|[IVXLCDM]+|${wordNumber}|(?:the\\s+)?(?:${ordinals.join('|')}|ninth|tenth|last))`;
const rest = `(?:\\s*[:.\\-–—]\\s*\\S.*|\\s*[:.])?`;
const partLine = new RegExp(`^(?:part|book|volume|vol\\.|epoch)\\s+${number}\\b${rest}$`, 'iu');
const chapterLine = new RegExp(
	`^(?:(?:chapter|chap\\.)\\s+${number}\\b${rest}|prologue|epilogue|interlude|afterword)[:.]?$`,
	'iu',
);
const numeralLine = /^(?:[IVXLC]{1,7}|\d{1,3})\.?$/;
// "CHAPTER I.   The Beginning ......... 7": a contents line, whatever it starts with.
const contentsLine = /(?:\s{3,}|\.{3,}\s*)\d+$/;

const roman = /^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/i;
const romanValues: Record<string, number> = {i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000};

/** The value of a numeral ("XIV", "14", "fourteen", "the second"), if it is one. */
function numberValue(text: string): number | undefined {
	const word = text.toLowerCase().replace(/^the\s+/, '');
	if (/^\d+$/.test(word)) return Number(word);
	if (roman.test(word) && word) {
		let value = 0;
		for (let index = 0; index < word.length; index++) {
			const here = romanValues[word[index]!]!;
			const next = romanValues[word[index + 1] ?? ''] ?? 0;
			value += here < next ? -here : here;
		}

		return value;
	}

	const [first, second] = word.split(/[- ]/);
	const ordinal = [...ordinals, 'ninth', 'tenth'].indexOf(word) + 1;
	if (ordinal > 0) return ordinal;
	const unit = units.indexOf(first!) + 1;
	if (unit > 0 && !second) return unit;
	const ten = tens.indexOf(first!);
	if (ten === -1) return undefined;
	return (ten + 2) * 10 + (second ? small.indexOf(second) + 1 : 0);
}

/**
 * A short line in capitals reads as a chapter's name ("UNDER THE SOUTHERN PINES"); a line in
 * mixed case could as well be the chapter's first sentence, so it is left to the text.
 */
function isTitleLine(line: string): boolean {
	const text = line.trim();
	if (!text || text.length > 70 || !/\p{L}.*\p{L}/u.test(text)) return false;
	return !/\p{Ll}/u.test(text) && !/^[-*~=_.\s]+$/.test(text);
}

function headingKind(text: string): TextHeading['kind'] | undefined {
	if (text.length > 80 || contentsLine.test(text)) return undefined;
	if (partLine.test(text)) return 'part';
	if (chapterLine.test(text)) return 'chapter';
	if (numeralLine.test(text)) return 'numeral';
	return undefined;
}

/** The heading's numeral as a key, so that a contents entry finds its chapter again. */
function headingKey(heading: TextHeading): string {
	const match = /^(?:\S+\s+)?(\S+?)[:.]?(?:\s|$)/.exec(heading.title);
	const value = numberValue(
		heading.kind === 'numeral' ? heading.title.replace(/\..*$/, '') : (match?.[1] ?? ''),
	);
	return `${heading.kind}:${value ?? heading.title.toLowerCase()}`;
}

/** A heading standing alone, with the title line under it when there is one. */
function headingAt(lines: LineList, index: number): TextHeading | undefined {
	if (index > 0 && !lines.blank(index - 1)) return undefined;
	const line = lines.line(index);
	const text = line.trim();
	const kind = headingKind(text);
	if (!kind) return undefined;
	const heading: TextHeading = {start: index, end: index + 1, title: text, kind};
	const named = kind !== 'numeral' && /[:.\-–—]\s*\S/.test(text.replace(/^\S+\s+\S+/, ''));
	// The title line: right under the heading or after a blank line or two, then a blank line.
	let next = index + 1;
	while (next < index + 3 && next < lines.length && lines.blank(next)) next++;
	const title = lines.line(next);
	const closed = lines.blank(next + 1);
	if (!named && closed && next < lines.length && isTitleLine(title) && !headingKind(title.trim())) {
		const separator = kind === 'numeral' ? '. ' : ': ';
		heading.title = `${text.replace(/[.:]$/, '')}${separator}${title.trim()}`;
		heading.end = next + 1;
		return heading;
	}

	return lines.blank(index + 1) ? heading : undefined;
}

/**
 * The chapter and part headings, in order. Bare numerals count only as chapter numbers that
 * go up one by one (so a year or a page number is text), and only in a text with no
 * "Chapter" headings (there they number sections). A heading with next to no text after it
 * whose numeral comes again later is a contents entry, not a heading.
 */
export function findHeadings(lines: LineList): TextHeading[] {
	const found: TextHeading[] = [];
	let last = 0;
	for (let index = 0; index < lines.length; index++) {
		const heading = headingAt(lines, index);
		if (!heading) continue;
		if (heading.kind === 'numeral') {
			const value = numberValue(heading.title.replace(/\..*$/, '')) ?? 0;
			if (value !== 1 && value !== last + 1) continue;
			last = value;
		}

		found.push(heading);
		index = heading.end - 1;
	}

	const numbered = found.some((heading) => /^chap/i.test(heading.title));
	const headings = found.filter((heading) => !numbered || heading.kind !== 'numeral');
	const laterKeys = new Map<string, number>();
	for (const [position, heading] of headings.entries())
		laterKeys.set(headingKey(heading), position);
	return headings.filter((heading, position) => {
		const next = headings[position + 1]?.start ?? lines.length;
		if ((laterKeys.get(headingKey(heading)) ?? position) <= position) return true;
		let words = 0;
		for (let line = heading.end; line < next && words < 20; line++)
			words += countWords(lines.line(line));
		return words >= 20;
	});
}
