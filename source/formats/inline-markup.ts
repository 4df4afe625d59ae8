// Turns `_italic_`, `*italic*`, `**bold**` and `~~strike~~` text markup into plain text with style runs.

import type {InlineStyle, StyleRun} from '../work/types.ts';

const markup =
	/(?<!\\)(\*\*|__|~~)(?=\S)([^]*?[^\s\\])\1|(?<![\\\p{L}\p{N}])([_*])(?=\S)([^]*?[^\s\\])\3(?![\p{L}\p{N}])/gu;

const wordCharacter = /[\p{L}\p{N}]/u;
const styleOf: Record<string, InlineStyle> = {'**': 'bold', __: 'bold', '~~': 'strike'};

export function parseInlineMarkup(source: string): {text: string; styles: StyleRun[]} {
	const styles: StyleRun[] = [];
	let text = '';
	let last = 0;
	for (const match of source.matchAll(markup)) {
		const inner = match[2] ?? match[4] ?? '';
		// "~~~~~" and "*****" are dividers, not styled text.
		if (!wordCharacter.test(inner)) continue;
		text += source.slice(last, match.index);
		const start = text.length;
		text += inner;
		styles.push({start, end: text.length, style: styleOf[match[1] ?? ''] ?? 'italic'});
		last = match.index + match[0].length;
	}

	text += source.slice(last);
	// Escapes (`\-`, `1\.`) keep markup characters literal; dropping their backslashes shifts the runs.
	return last === 0 ? {text: unescape(text), styles: []} : unescapeWithRuns(text, styles);
}

const escaped = /\\([-+*_#>`.~\\])/g;

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
	const shift = (at: number) => {
		let count = 0;
		for (const offset of removed) if (offset < at) count++;
		return at - count;
	};

	return {
		text: clean,
		styles: styles.map((run) => ({...run, start: shift(run.start), end: shift(run.end)})),
	};
}
