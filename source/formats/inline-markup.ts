// Turns `_italic_`, `*italic*` and `**bold**` text markup into plain text with style runs.

import type {StyleRun} from '../work/types.ts';

const markup =
	/(\*\*|__)(?=\S)([^]*?\S)\1|(?<![\p{L}\p{N}])([_*])(?=\S)([^]*?\S)\3(?![\p{L}\p{N}])/gu;

export function parseInlineMarkup(source: string): {text: string; styles: StyleRun[]} {
	const styles: StyleRun[] = [];
	let text = '';
	let last = 0;
	for (const match of source.matchAll(markup)) {
		text += source.slice(last, match.index);
		const inner = match[2] ?? match[4] ?? '';
		const start = text.length;
		text += inner;
		styles.push({start, end: text.length, style: match[1] ? 'bold' : 'italic'});
		last = match.index + match[0].length;
	}

	text += source.slice(last);
	return {text: text.replace(/\\([-+*_#>`\\])/g, '$1'), styles: last === 0 ? [] : styles};
}
