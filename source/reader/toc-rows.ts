// The contents rows as text: the label on the left, the word counts right-aligned in one column.

import stringWidth from 'string-width';
import type {TocEntry} from '../work/toc-index.ts';
import {counted, truncateTo} from './status.ts';

/** The narrowest a row's label (with its mark) may get before the counts take their short form. */
const minimumLabel = 20;

/** A row: the label, the "new" mark after it, the spaces up to the count column, the count. */
export type TocRow = {label: string; isNew: string; gap: string; count: string};

/**
 * A row's mark: ▸ on the place's own row, ✓ on a row the reader has gone past. The chapter the
 * place is in is not past while a scene of it is being read, and a part only heads its chapters.
 */
export function placeMark(
	entry: TocEntry,
	index: number,
	current: number,
	here: TocEntry | undefined,
): string {
	if (index === current) return '▸';
	if (index > current || entry.kind === 'part') return ' ';
	return entry.kind === 'chapter' && entry.chapter === here?.chapter ? ' ' : '✓';
}

/** "414 words", as `--toc` says it; "414 w" where the width has no room for the long form. */
function countText(words: number, short: boolean): string {
	return short ? `${words.toLocaleString('en')} w` : counted(words, 'word');
}

/**
 * The rows for `shown`, `width` columns wide. The count column is as wide as `most`, the largest
 * count of all the entries, so that it stays put while the list scrolls.
 */
export function tocRows(
	most: number,
	shown: Array<{entry: TocEntry; mark: string; isNew: boolean}>,
	width: number,
): TocRow[] {
	const short = width - stringWidth(countText(most, false)) - 2 < minimumLabel;
	const column = stringWidth(countText(most, short));
	return shown.map(({entry, mark, isNew}) => {
		const indent = '  '.repeat(entry.depth) + (entry.kind === 'section' ? '    ' : '');
		const count = entry.kind === 'part' ? '' : countText(entry.words, short);
		const suffix = isNew ? ' · new' : '';
		const head = `${mark} ${indent}`;
		// The label gives way, so that the count and the "new" mark stay in view.
		const room = width - column - 2 - stringWidth(head) - suffix.length;
		const label = head + truncateTo(entry.label || '…', Math.max(1, room));
		const gap = Math.max(2, width - column - stringWidth(label) - suffix.length);
		return {label, isNew: suffix, gap: ' '.repeat(gap), count: count.padStart(column)};
	});
}
