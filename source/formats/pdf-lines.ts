// Groups a PDF page's text items into lines: by baseline, top to bottom, then left to right.

import type {InlineStyle, StyleRun} from '../work/types.ts';
import type {PdfItem, PdfPage} from './pdf-document.ts';

export type PdfLine = {
	text: string;
	styles: StyleRun[];
	/** The page's index in the document. */
	page: number;
	x: number;
	right: number;
	/** The baseline, in PDF units from the page's bottom. */
	y: number;
	/** The size of the font that holds most of the line. */
	size: number;
	/** Every letter of the line is bold. */
	bold: boolean;
};

/** A gap wider than this share of the font size between two items is a space. */
const spaceGap = 0.15;

function addRun(runs: StyleRun[], start: number, end: number, style: InlineStyle): void {
	const last = runs.findLast((run) => run.style === style);
	// A style that goes on over a space between two items is one run.
	if (last && last.end >= start - 1) last.end = end;
	else runs.push({start, end, style});
}

function lineOf(items: PdfItem[], page: number): PdfLine {
	items.sort((a, b) => a.x - b.x);
	let text = '';
	const styles: StyleRun[] = [];
	let bold = true;
	let size = 0;
	let longest = -1;
	let end = -Infinity;
	for (const item of items) {
		const gap = item.x - end;
		if (text && !/\s$/.test(text) && !/^\s/.test(item.text) && gap > item.size * spaceGap)
			text += ' ';
		const start = text.length;
		text += item.text;
		if (/\S/.test(item.text)) {
			if (item.italic) addRun(styles, start, text.length, 'italic');
			if (item.bold) addRun(styles, start, text.length, 'bold');
			else bold = false;
			if (item.text.length > longest) {
				longest = item.text.length;
				size = item.size;
			}
		}

		end = Math.max(end, item.x + item.width);
	}

	const leading = text.length - text.trimStart().length;
	const trimmed = text.trim();
	const shifted = styles
		.map((run) => ({
			...run,
			start: Math.max(0, run.start - leading),
			end: Math.min(trimmed.length, run.end - leading),
		}))
		.filter((run) => run.end > run.start);
	return {
		text: trimmed,
		styles: shifted,
		page,
		x: items[0]!.x,
		right: end,
		y: items[0]!.y,
		size,
		bold,
	};
}

/** The page's lines in reading order; items of the same line may come in any order. */
export function linesOfPage(page: PdfPage, index: number): PdfLine[] {
	const items = page.items.filter((item) => item.text.length > 0);
	items.sort((a, b) => b.y - a.y || a.x - b.x);
	const lines: PdfLine[] = [];
	let current: PdfItem[] = [];
	let baseline = Number.NaN;
	for (const item of items) {
		if (current.length > 0 && Math.abs(item.y - baseline) > item.size * 0.5) {
			lines.push(lineOf(current, index));
			current = [];
		}

		if (current.length === 0) baseline = item.y;
		current.push(item);
	}

	if (current.length > 0) lines.push(lineOf(current, index));
	return lines.filter((line) => line.text.length > 0);
}
