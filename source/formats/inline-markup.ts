// Turns `_italic_`, `*italic*`, `**bold**` and `~~strike~~` text markup into plain text with style runs.

import type {InlineStyle, StyleRun} from '../work/types.ts';
import {ForwardSearch} from './forward-search.ts';

const wordCharacter = /[\p{L}\p{N}]/u;
const space = /\s/u;
const styleOf: Record<string, InlineStyle> = {'**': 'bold', __: 'bold', '~~': 'strike'};
const doubles = new Set(['**', '__', '~~']);

/** The code point that ends just before `at`, so that a letter outside the BMP counts as a letter. */
function before(source: string, at: number): string {
	if (at <= 0) return '';
	const low = source.charCodeAt(at - 1);
	return low >= 0xdc00 && low <= 0xdfff && at >= 2 ? source.slice(at - 2, at) : source[at - 1]!;
}

function after(source: string, at: number): string {
	const code = source.codePointAt(at);
	return code === undefined ? '' : String.fromCodePoint(code);
}

const isSpace = (char: string) => char === '' || space.test(char);

/** Whether `delimiter` at `at` can close: not after a space or a backslash, nor mid-word for one. */
function closesAt(source: string, delimiter: string, at: number): boolean {
	const last = source[at - 1] ?? '';
	if (isSpace(last) || last === '\\') return false;
	return doubles.has(delimiter) || !wordCharacter.test(after(source, at + 1));
}

/** The opener at `at`, if one can open there: a delimiter followed by a non-space. */
function openerAt(source: string, at: number): string[] {
	const char = source[at];
	if (char !== '*' && char !== '_' && char !== '~') return [];
	const previous = before(source, at);
	if (previous === '\\') return [];
	const openers: string[] = [];
	const pair = source.slice(at, at + 2);
	if (doubles.has(pair) && !isSpace(after(source, at + 2))) openers.push(pair);
	if (char !== '~' && !wordCharacter.test(previous) && !isSpace(after(source, at + 1)))
		openers.push(char);
	return openers;
}

export function parseInlineMarkup(source: string): {text: string; styles: StyleRun[]} {
	const styles: StyleRun[] = [];
	// One forward scan per delimiter: a paragraph full of unmatched `*` costs linear time.
	const closers = new ForwardSearch(source);
	let text = '';
	let last = 0;
	let at = 0;
	while (at < source.length) {
		const match = openerAt(source, at)
			.map((delimiter) => ({
				delimiter,
				close: closers.next(delimiter, at + delimiter.length + 1, (close) =>
					closesAt(source, delimiter, close),
				),
			}))
			.find(({close}) => close !== -1);
		if (!match) {
			at++;
			continue;
		}

		const {delimiter, close} = match;
		const inner = source.slice(at + delimiter.length, close);
		// "~~~~~" and "*****" are dividers, not styled text.
		if (wordCharacter.test(inner)) {
			text += source.slice(last, at);
			const start = text.length;
			text += inner;
			styles.push({start, end: text.length, style: styleOf[delimiter] ?? 'italic'});
			last = close + delimiter.length;
		}

		at = close + delimiter.length;
	}

	text += source.slice(last);
	// Escapes (`\-`, `1\.`) keep markup characters literal; dropping their backslashes shifts the runs.
	return last === 0 ? {text: unescape(text), styles: []} : unescapeWithRuns(text, styles);
}

const escaped = /\\([-+*_#>`.~\\[\]()!<])/g;

function unescape(text: string): string {
	return text.includes('\\') ? text.replace(escaped, '$1') : text;
}

function unescapeWithRuns(text: string, styles: StyleRun[]): {text: string; styles: StyleRun[]} {
	if (!text.includes('\\')) return {text, styles};
	const removed: number[] = [];
	const clean = text.replace(escaped, (_, char: string, offset: number) => {
		removed.push(offset);
		return char;
	});
	// Offsets are sorted: a binary search counts the backslashes before a position.
	const shift = (position: number) => {
		let low = 0;
		let high = removed.length;
		while (low < high) {
			const middle = (low + high) >> 1;
			if (removed[middle]! < position) low = middle + 1;
			else high = middle;
		}

		return position - low;
	};

	return {
		text: clean,
		styles: styles.map((run) => ({...run, start: shift(run.start), end: shift(run.end)})),
	};
}
